"""The CAMEO table (``data/cameo.tsv``): Goldstein score and quad class per code.

Goldstein values are GDELT's ``CAMEO.goldsteinscale.txt`` (the Goldstein 1992 scale as
distributed with GDELT 2.0); quad classes follow the GDELT codebook (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict). Sources and licences are
in ``data/LICENSES.md``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

from rasd.errors import LexiconError

QUAD_BY_ROOT = {**{f"{i:02d}": 1 for i in range(1, 6)}, **{f"{i:02d}": 2 for i in range(6, 9)},
                **{f"{i:02d}": 3 for i in range(9, 14)}, **{f"{i:02d}": 4 for i in range(14, 21)}}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class Codebook:
    codes: dict[str, CameoCode]

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``, falling back to its parent codes (``0874`` → ``087`` → ``08``)."""
        c = code
        while c:
            hit = self.codes.get(c)
            if hit is not None:
                if c != code:
                    return CameoCode(code, hit.name, hit.goldstein, hit.quad_class, hit.plover_type, hit.plover_mode)
                return hit
            c = c[:-1]
        raise LexiconError(f"unknown CAMEO code {code!r}", "cameo.tsv", None)


def load_codebook(text: str | None = None) -> Codebook:
    if text is None:
        text = resources.files("rasd.codebook").joinpath("data/cameo.tsv").read_text("utf-8")
    codes: dict[str, CameoCode] = {}
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    for n, row in enumerate(reader, start=2):
        code = (row.get("cameo") or "").strip()
        if not code.isdigit():
            raise LexiconError(f"bad CAMEO code {code!r}", "cameo.tsv", n)
        try:
            goldstein = float(row.get("goldstein") or 0.0)
            quad = int(row.get("quad_class") or QUAD_BY_ROOT[code[:2]])
        except (ValueError, KeyError):
            raise LexiconError(f"bad goldstein/quad_class for {code}", "cameo.tsv", n) from None
        codes[code] = CameoCode(code, row.get("name") or "", goldstein, quad,
                                (row.get("plover_type") or "").strip() or None,
                                (row.get("plover_mode") or "").strip() or None)
    return Codebook(codes)
