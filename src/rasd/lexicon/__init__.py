"""Dictionaries as data: schema, loading (with a content-hash version) and compiled matchers."""

from rasd.lexicon.load import Lexicon, load_lexicon

__all__ = ["Lexicon", "load_lexicon"]
