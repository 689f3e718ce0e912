"""``rasd`` entry point: parses the command line and maps errors to one line + exit code."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from rasd import __version__, compiled_modules
from rasd.errors import RasdError


class _Version(argparse.Action):
    """--version: the version and the build, found only when asked (not at every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object):
        super().__init__(option_strings, dest, nargs=0, help="show the version and the build, and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        compiled = compiled_modules()
        build = f"{len(compiled)} modules compiled with mypyc" if compiled else "pure Python"
        print(f"rasd {__version__} ({build})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from rasd.cli import code, evaluate, export, ingest, lexicon, query, recode, serve, stats, summary

    parser = argparse.ArgumentParser(prog="rasd", description="Arabic news → PLOVER/CAMEO event data.")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for mod in (code, summary, evaluate, lexicon, ingest, query, stats, export, recode, serve):
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING - 10 * min(args.verbose, 2), format="rasd: %(levelname)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except RasdError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
