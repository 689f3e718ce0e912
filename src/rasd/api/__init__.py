"""Rasd's HTTP API and dashboard: ``create_app(ApiConfig(db=...))`` or ``rasd serve``."""

from rasd.api.app import create_app
from rasd.api.config import ApiConfig

__all__ = ["ApiConfig", "create_app"]
