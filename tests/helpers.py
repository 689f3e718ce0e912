"""Helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

from typing import Any


def expresses(record: dict[str, Any], trigger: str) -> bool:
    """Whether ``trigger`` is one of the words that express the record's event: its trigger or one
    of the triggers merged into it (one event per type and dyad in a sentence)."""
    return record["trigger"]["text"] == trigger or any(t["text"] == trigger for t in record["other_triggers"])
