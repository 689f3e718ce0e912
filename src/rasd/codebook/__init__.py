"""CAMEO and PLOVER codebooks: names, Goldstein scores, quad classes, type mapping."""

from rasd.codebook.cameo import Codebook, CameoCode, load_codebook

__all__ = ["Codebook", "CameoCode", "load_codebook"]
