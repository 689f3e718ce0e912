"""``rasd lexicon``: validate the dictionaries and show what they hold."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("lexicon", help="validate and describe the dictionaries")
    p.add_argument("--path", help="a dictionary folder to check instead of the packaged one")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.lexicon import load_lexicon

    lex = load_lexicon(args.path, use_cache=False)
    print(json.dumps({"version": lex.version, "entries": lex.counts, "patterns": lex.matcher.size},
                     ensure_ascii=False, indent=2))
    return 0
