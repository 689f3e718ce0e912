"""The actor directory behind GET /v1/actors: countries, organisations and people from the
packaged dictionaries, searchable by Arabic or English name, with codes and dated roles."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from rasd.text.normalize import normalize_key


def _latin_key(text: str) -> str:
    """Case- and accent-insensitive key for English names (Chávez → chavez)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def search_key(text: str) -> str:
    """One key for a query or a name, Arabic or Latin."""
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return normalize_key(text).strip()
    return _latin_key(text)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str            # country | organization | person
    name: str
    ar: tuple[str, ...]
    country: str | None
    sector: str | None
    sectors: tuple[str, ...]
    roles: tuple[dict[str, Any], ...] = ()
    keys: tuple[str, ...] = field(default=(), repr=False)

    @property
    def code(self) -> str | None:
        if self.kind == "person":
            return None
        return (self.country or "---") + "".join(self.sectors or ((self.sector,) if self.sector else ()))

    def role_at(self, day: str) -> dict[str, Any] | None:
        """The role held on ``day`` (the latest-starting one when several overlap)."""
        held = [r for r in self.roles if (r.get("start") or "") <= day and (not r.get("end") or day <= r["end"])]
        return max(held, key=lambda r: r.get("start") or "") if held else None

    def to_dict(self, at: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "name": self.name, "ar": list(self.ar), "country": self.country,
            "sector": self.sector, "sectors": list(self.sectors), "code": self.code,
            "roles": [{**r, "code": f"{r.get('country') or '---'}{r.get('sector') or ''}"} for r in self.roles],
        }
        if at is not None:
            role = self.role_at(at) if self.kind == "person" else None
            out["at"] = at
            out["code_at"] = (f"{role.get('country') or '---'}{role.get('sector') or ''}" if role
                              else (self.code if self.kind != "person" else None))
            out["role_at"] = role
        return out


class Directory:
    """All named actors of the packaged dictionaries."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_id = {e.id: e for e in entries}

    @classmethod
    def load(cls) -> "Directory":
        data = resources.files("rasd.lexicon").joinpath("data")

        def lines(name: str) -> list[dict[str, Any]]:
            text = data.joinpath(name).read_text("utf-8")
            return [json.loads(line) for line in text.splitlines() if line.strip()]

        entries: list[Entry] = []
        for c in lines("countries.jsonl"):
            ar = tuple(c.get("ar") or ()) + tuple(c.get("nisba") or ())
            entries.append(_entry(c["iso3"], "country", c["name"], ar, c["iso3"], None, ()))
        for o in lines("organizations.jsonl"):
            entries.append(_entry(o["id"], "organization", o["name"], tuple(o.get("ar") or ()), o.get("country"),
                                  o.get("sector"), tuple(o.get("sectors") or ())))
        for p in lines("people.jsonl"):
            roles = tuple(sorted((dict(r) for r in p.get("roles") or ()), key=lambda r: r.get("start") or ""))
            last = roles[-1] if roles else {}
            entries.append(_entry(p["id"], "person", p["name"], tuple(p.get("ar") or ()), last.get("country"),
                                  last.get("sector"), (last["sector"],) if last.get("sector") else (), roles))
        return cls(entries)

    def search(self, query: str, *, kind: str | None = None, country: str | None = None,
               limit: int = 50) -> list[Entry]:
        """Entries whose id, code or a name contains ``query``: exact, then prefix, then substring."""
        q = search_key(query) if query else ""
        scored: list[tuple[int, str, Entry]] = []
        for e in self.entries:
            if kind and e.kind != kind:
                continue
            if country and e.country != country.upper() and not any(r.get("country") == country.upper()
                                                                     for r in e.roles):
                continue
            if not q:
                scored.append((3, e.name, e))
                continue
            rank = 9
            if q == e.id.casefold() or (e.code and q == e.code.casefold()):
                rank = 0
            for k in e.keys:
                if k == q:
                    rank = min(rank, 0)
                elif k.startswith(q) or any(w.startswith(q) for w in k.split()):
                    rank = min(rank, 1)
                elif q in k:
                    rank = min(rank, 2)
            if rank < 9:
                scored.append((rank, e.name, e))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [e for _, _, e in scored[:limit]]


def _entry(id_: str, kind: str, name: str, ar: tuple[str, ...], country: str | None, sector: str | None,
           sectors: tuple[str, ...], roles: tuple[dict[str, Any], ...] = ()) -> Entry:
    keys = tuple(dict.fromkeys([search_key(name), *(search_key(a) for a in ar)]))
    return Entry(id_, kind, name, ar, country, sector, sectors, roles, keys)


def valid_day(value: str) -> str:
    return dt.date.fromisoformat(value).isoformat()
