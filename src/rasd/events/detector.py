"""Reported event or mere mention? A learned filter over trigger candidates.

The dictionary finds every trigger; many are not reports of an event that took place
(a call to protest, "the protest movement", a denial, background). For the types the
model was trained on, each candidate is scored by a logistic model over lexical and
contextual features (``features``); candidates under the type's threshold are dropped.
The weights are data (``data/detector.json``), trained by ``tools/train_detector.py``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rasd.text.tokenize import without_conjunction as _bare


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the detector sees of one trigger in its sentence (normalized text)."""

    event_type: str
    tokens: tuple[str, ...]
    first: int                 # trigger token span, inclusive
    last: int
    form: str                  # past | present | noun | fixed
    prefix: str
    suffix: str
    negated: bool
    future: bool
    hypothetical: bool
    source_sector: str | None
    target_sector: str | None
    has_source: bool
    has_target: bool
    has_location: bool
    has_date: bool
    rule: str
    n_triggers: int            # triggers of any type in the sentence


def _cue_sets(raw: dict[str, str]) -> dict[str, str]:
    """word -> cue class, from space-separated normalized forms (ة→ه, ى→ي, أإآ→ا, ئؤ→ء)."""
    out: dict[str, str] = {}
    for cls, words in raw.items():
        for w in words.split():
            out.setdefault(w, cls)
    return out


# Cue words (normalized forms, without a leading و/ف: ``_bare`` strips it). A class fires when
# one of its words is near the trigger (``@w``: six tokens either side) or anywhere (``@s``).
CUES = _cue_sets({
    "call": "دعا دعت دعوا يدعو تدعو يدعون دعوه دعوات الدعوه بدعوه لدعوه الدعوات طالبت يطالب تطالب "
            "يطالبون طالبوا ناشد ناشدت حث حثت يحث تحث ينظم تنظيم لتنظيم التحضير يعتزم تعتزم ينوي تنوي "
            "يخطط تخطط تهدد يهدد هدد هددت",
    "generic": "حركه الحركه حركات موجه موجات ظاهره الظاهره ثقافه حق الحق حريه قانون ضاهره مسلسل "
               "سلسله تاريخ ظاهرة نوع انواع اشكال شكل اسلوب اساليب مفهوم",
    "neg": "لم لن لا ليس ليست نفي نفت ينفي تنفي نفوا عدم دون بدون غير ينكر انكر نافيا",
    "future": "سوف المقبل المقبله القادم القادمه غدا المرتقب المرتقبه المزمع المزمعه",
    "casualty": "قتلي جرحي شخصا اشخاص اخرين اخرون مصرع مصرعهم حتفهم حتفه اصيب اصابه بجروح جثث جثه "
                "ضحايا الضحايا شهيدا شهداء الشهداء قتيلا قتيل جريحا اصيبوا مصابين الجرحي القتلي",
    "crowd": "الاف الالاف مءات المءات عشرات العشرات حشود حشد الحشود المتظاهرون المتظاهرين متظاهرون "
             "متظاهرين المحتجون المحتجين محتجون محتجين هتف هتفوا يهتفون هتافات شعارات لافتات رفعوا "
             "رددوا الاف المشاركون المشاركين",
    "time": "امس اليوم الليله البارحه صباح مساء ظهر الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه "
            "السبت فجر صباحا مساء ليل ليلا الليل",
    "past": "عام العام اعوام سنوات الماضي السابق منذ سابق ذكري قبل عقود عقد السنوات الماضيه",
    "report": "قال اعلن اعلنت افاد افادت ذكر ذكرت اكد اكدت مصدر مصادر شهود الشرطه متحدث المتحدث "
              "مراسل وكاله اضاف اضافت اوضح اوضحت",
    "opinion": "يري تري يعتقد راي رءي الكاتب اعتبر اعتبرت ينبغي يجب يمكن ربما لعل كانما اذا لو ان "
               "فان لكن اي او هل مثل",
    "condemn": "ادان ادانت دان دانت تندد ندد نددت استنكر استنكرت شجب شجبت الادانه يدين تدين ادانه "
               "استنكار تنديد",
    "legal": "محكمه المحكمه محاكمه بتهم بتهمه متهم اتهام اتهم القضاء حكم سجن ادين ادينوا التحقيق "
             "تحقيق المحكمه الاعدام",
})
_PREPS = frozenset("في خلال من علي الي عن ضد بعد قبل اثناء حول بسبب لدي اثر عقب".split())
_NUM_WORDS = frozenset("الاف الالاف مءات المءات عشرات العشرات الف مءه اثنين اثنان ثلاثه اربعه خمسه سته "
                       "سبعه ثمانيه تسعه عشره عشرين ثلاثين نحو حوالي".split())


def _num(w: str) -> bool:
    return w[:1].isdigit() or w in _NUM_WORDS


def features(c: Candidate) -> list[str]:
    """Sparse binary features of a candidate (names are stable: they key the weights).

    Sets and slicing only: this runs for every PROTEST/ASSAULT trigger on the default path."""
    t = c.tokens
    n = len(t)
    first, last = c.first, c.last
    trig = " ".join(t[first:last + 1])
    word = t[first]
    stem = word[len(c.prefix):len(word) - len(c.suffix)] if c.suffix else word[len(c.prefix):]
    definite = c.prefix.endswith("ال") or c.prefix.endswith("لل")
    prev = _bare(t[first - 1]) if first > 0 else "<s>"
    after_prep = c.prefix[-1:] in ("ب", "ل", "ك") or c.prefix.endswith("ال") and c.prefix[:-2][-1:] in ("ب", "ل", "ك") \
        or prev in _PREPS
    rule = c.rule.split(":")[0]
    f = {f"type={c.event_type}", f"trig={trig}", f"stem={stem}", f"form={c.form}", f"rule={rule}",
         f"pre={c.prefix}", f"suf={bool(c.suffix)}", f"neg={c.negated}", f"fut={c.future}", f"hyp={c.hypothetical}",
         f"src={c.source_sector}", f"tgt={c.target_sector}", f"hasrc={c.has_source}", f"hastgt={c.has_target}",
         f"loc={c.has_location}", f"date={c.has_date}", f"ntrig={min(c.n_triggers, 4)}",
         f"pos={'start' if first < 3 else 'mid' if first < 15 else 'late'}",
         f"len={'s' if n < 15 else 'm' if n < 30 else 'l' if n < 50 else 'xl'}",
         f"def={definite}", f"aprep={after_prep}", f"form*def={c.form}{definite}", f"form*rule={c.form}{rule}",
         f"form*aprep={c.form}{after_prep}", f"s0={_bare(t[0])}",
         f"actors={c.has_source}{c.has_target}", f"form*loc={c.form}{c.has_location}"}
    f.add(f"l1={prev}")
    f.add(f"r1={_bare(t[last + 1]) if last + 1 < n else '</s>'}")
    lo, hi = max(0, first - 6), min(n, last + 7)
    left, right = t[lo:first], t[last + 1:hi]
    if any(_num(w) for w in t[last + 1:last + 4]):
        f.add("numr")
    if any(_num(w) for w in t[max(0, first - 3):first]):
        f.add("numl")
    cues = CUES
    for w in left:
        cl = cues.get(_bare(w))
        if cl:
            f.add(f"cue:{cl}@l")
    for w in right:
        cl = cues.get(_bare(w))
        if cl:
            f.add(f"cue:{cl}@r")
    for w in t:
        cl = cues.get(_bare(w))
        if cl:
            f.add(f"cue:{cl}@s")
    out = sorted(f)
    return [f"{c.event_type}|{x}" for x in out] + out


@dataclass(frozen=True, slots=True)
class Detector:
    """Logistic scores per event type; types without a model pass through untouched."""

    weights: dict[str, float]
    bias: dict[str, float]
    thresholds: dict[str, float]

    @classmethod
    def load(cls, text: str | None = None) -> "Detector":
        if text is None:
            f = resources.files("rasd.events").joinpath("data/detector.json")
            if not f.is_file():
                return cls({}, {}, {})
            text = f.read_text("utf-8")
        raw: dict[str, Any] = json.loads(text)
        return cls(dict(raw["weights"]), dict(raw["bias"]), dict(raw["thresholds"]))

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.thresholds)

    def score(self, c: Candidate) -> float:
        if c.event_type not in self.thresholds:
            return 1.0
        w = self.weights
        z = self.bias.get(c.event_type, 0.0) + sum(w.get(x, 0.0) for x in features(c))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, c: Candidate) -> tuple[bool, float]:
        """(keep?, score). Negated and hypothetical candidates are always kept: they assert
        nothing, the model was trained on asserted candidates only, and the flag is the
        information downstream wants (a denial is not a mention to drop)."""
        s = self.score(c)
        if c.negated or c.hypothetical:
            return True, s
        return s >= self.thresholds.get(c.event_type, 0.0), s
