"""Build hook: compile the pipeline's hot modules to C extensions with mypyc.

Everything else about the package is in pyproject.toml. The modules in COMPILED are plain,
type-annotated Python; mypyc (part of mypy, MIT) turns them into C extensions that run the
same code about a quarter faster, with byte-identical output. The build falls back to the
pure-Python package, with a warning, when mypyc or a C compiler is missing or fails, when
RASD_COMPILE=0 (which also skips mypyc's translation), and for editable installs (pip install
-e: an extension beside its .py would shadow every later edit of it).
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The per-sentence path: text, matching, triggers, frames, modality, actors, dates, places and
# the records written. Not the readers, store or API, whose time is spent in C already
# (zipfile, DuckDB).
COMPILED = [
    "src/rasd/text/normalize.py",
    "src/rasd/text/tokenize.py",
    "src/rasd/lexicon/compile.py",
    "src/rasd/events/triggers.py",
    "src/rasd/events/frames.py",
    "src/rasd/events/modality.py",
    "src/rasd/actors/recognize.py",
    "src/rasd/actors/compose.py",
    "src/rasd/time.py",
    "src/rasd/text/segment.py",
    "src/rasd/events/incidents.py",
    "src/rasd/geo.py",
    "src/rasd/records.py",
    "src/rasd/io/writers.py",
    "src/rasd/pipeline.py",
]
# mypy's options for the translation (tests/test_build.py type-checks COMPILED with the same)
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


def _warn(message: str) -> None:
    print(f"rasd: {message}; installing the pure-Python package (same output, slower)", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Builds all extensions or none: a compiled module needs mypyc's shared library, so after
    any failure every built file is removed and the .py files are used."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False):
            # pip install -e: the .py files in src/ are what runs, and an extension built beside
            # one would shadow every later edit of it
            _warn("an editable install is not compiled")
            return
        try:
            super().run()
        except Exception as exc:  # a compiler error, a missing compiler, a full disk
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            _warn(f"compiling with mypyc failed ({exc})")


def _extensions() -> list:
    if os.environ.get("RASD_COMPILE", "1") == "0":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        return mypycify([*MYPY_OPTIONS, *COMPILED], opt_level="3")
    except (Exception, SystemExit) as exc:  # mypy reports type errors by exiting
        _warn(f"mypyc could not translate the modules ({exc})")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
