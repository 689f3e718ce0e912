"""The compiled build (setup.py): what mypyc compiles must type-check, or `pip install .` falls
back to pure Python with only a warning; and a compiled install must say that it is one."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import rasd

ROOT = Path(__file__).resolve().parents[1]


def _setup_list(name: str) -> list[str]:
    """A list assigned in setup.py (COMPILED, MYPY_OPTIONS), read without running setup()."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"setup.py has no {name} list")


def _compiled_list() -> list[str]:
    return _setup_list("COMPILED")


def _module(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def test_compiled_modules_exist():
    paths = _compiled_list()
    assert paths and len(set(paths)) == len(paths)
    for path in paths:
        assert (ROOT / path).is_file(), path


@pytest.mark.skipif(shutil.which("mypy", path=os.path.dirname(sys.executable)) is None
                    and shutil.which("mypy") is None, reason="mypy is not installed (pip install -e '.[dev]')")
def test_compiled_modules_type_check():
    # mypyc translates only code that type-checks, with the options setup.py passes; a type error
    # would make every user's install pure Python (slower) with a warning lost in pip's output
    mypy = shutil.which("mypy", path=os.path.dirname(sys.executable)) or shutil.which("mypy")
    proc = subprocess.run([mypy, *_setup_list("MYPY_OPTIONS"), "--no-incremental", *_compiled_list()],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_compiled_modules_found_by_file(tmp_path, monkeypatch):
    pkg = tmp_path / "rasd"
    (pkg / "events").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    from importlib.machinery import EXTENSION_SUFFIXES

    (pkg / "events" / ("frames" + EXTENSION_SUFFIXES[0])).write_bytes(b"")
    (pkg / ("pipeline" + EXTENSION_SUFFIXES[0])).write_bytes(b"")
    (pkg / "events" / "triggers.py").write_text("")
    monkeypatch.setattr(rasd, "__file__", str(pkg / "__init__.py"))
    assert rasd.compiled_modules() == ["rasd.events.frames", "rasd.pipeline"]


@pytest.mark.skipif(os.environ.get("RASD_EXPECT_COMPILED") != "1",
                    reason="runs under `make test-compiled`, which sets RASD_EXPECT_COMPILED=1")
def test_compiled_build_is_compiled():
    # `make test-compiled` must not pass by testing a build that fell back to pure Python
    assert rasd.compiled_modules() == sorted(_module(p) for p in _compiled_list())


def test_version_names_the_build(capsys):
    from rasd.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    compiled = rasd.compiled_modules()
    build = f"{len(compiled)} modules compiled with mypyc" if compiled else "pure Python"
    assert capsys.readouterr().out == f"rasd {rasd.__version__} ({build})\n"
