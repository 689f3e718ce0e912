"""Modality scope, incident roles, reporters and ambiguous cities (rules in modality.py, frames.py, pipeline.py)."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def _of(records, etype, trigger):
    return next(r for r in records if r["event_type"] == etype and r["trigger"]["text"] == trigger)


# (sentence, event type, trigger text, flag, expected value): the scope of قد, ما, دون and of a
# negated verb of stopping
MODALITY = [
    ("وكانت الشرطة قد أعلنت أمس مقتل ثلاثة جنود عراقيين في هجوم شمال بغداد.", "ASSAULT", "مقتل",
     "hypothetical", False),   # قد + past is "has"
    ("وقال مسؤول إن الحكومة قد تعتقل عشرات المحتجين خلال الأيام المقبلة.", "COERCE", "تعتقل",
     "hypothetical", True),    # قد + present is "may"
    ("انفجرت عبوة ناسفة قرب سوق في الموصل ما أسفر عن إصابة سبعة مدنيين بجروح.", "ASSAULT", "إصابة",
     "negated", False),        # relative ما
    ("نجا المسؤول بعد أن فجر انتحاري نفسه قرب منزله من دون أن يقتله.", "ASSAULT", "يقتله",
     "negated", True),         # دون أن + verb
    ("واتهم التقرير قوات الأمن بأنها لم تتوقف عن تعذيب المعتقلين.", "ASSAULT", "تعذيب",
     "negated", False),        # a negated verb of stopping asserts what follows
    ("ويرى القيادي أنه يجب خطف جنود آخرين لإتمام صفقة التبادل.", "ASSAULT", "خطف",
     "hypothetical", True),    # deontic يجب (cues.tsv HYP)
    ("وقال المحلل إنه ينبغي قصف مواقع المسلحين قبل الانتخابات.", "ASSAULT", "قصف",
     "hypothetical", True),    # ينبغي
    ("فهل يعقل أن تقتل الشرطة المدنيين دون محاسبة؟", "ASSAULT", "تقتل",
     "hypothetical", True),    # a polar question (modality.QUESTION_WORDS)
    ("وتحدث التقرير عن مزاعم تعذيب معتقلين في سجن المدينة.", "ASSAULT", "تعذيب",
     "hypothetical", True),    # an allegation (cues.tsv HYP)
]


@pytest.mark.parametrize("text,etype,trigger,flag,expected", MODALITY, ids=[f"{m[2]}-{m[3]}" for m in MODALITY])
def test_modality_scope(nlp, text, etype, trigger, flag, expected):
    assert _of(nlp.code(text, "2008-05-01"), etype, trigger)[flag] is expected


def test_nominal_negator_scopes_over_its_complement(nlp):
    recs = nlp.code("وقامت طائرة بدون طيار بإطلاق صاروخ على سيارة في غزة.", "2008-05-01")
    assert any(r["event_type"] == "ASSAULT" and not r["negated"] for r in recs)


# (sentence, date, event type, trigger text, role, expected sector or None for no actor)
ROLES = [
    ("انفجرت عبوة ناسفة قرب سوق في الموصل ما أسفر عن إصابة سبعة مدنيين بجروح.", "2008-05-01", "ASSAULT",
     "عبوة ناسفة", "target", "CVL"),   # an attack takes the casualties of its outcome
    ("قتل خمسة جنود أفغان في هجوم شنه مسلحون من حركة طالبان.", "2008-07-14", "ASSAULT", "هجوم", "source",
     "REB"),                           # a relative verb (شنه) names the attacker
    ("أعلن الجيش الأمريكي مقتل اثنين من جنوده في انفجار عبوة ناسفة.", "2008-05-01", "ASSAULT", "مقتل", "source",
     None),                            # who reports a killing is not its agent
    ("شنت القوات الأمريكية ضربات جوية في الصومال مستهدفة مقاتلي حركة الشباب.", "2008-05-01", "ASSAULT",
     "ضربات جوية", "target", "UAF"),   # مستهدفة X: the target
]


@pytest.mark.parametrize("text,date,etype,trigger,role,sector", ROLES, ids=[f"{r[3]}-{r[4]}" for r in ROLES])
def test_incident_roles(nlp, text, date, etype, trigger, role, sector):
    actor = _of(nlp.code(text, date), etype, trigger).get(role)
    assert (actor["sector"] if actor else None) == sector


def test_unlinked_attacks_share_nothing(nlp):
    recs = nlp.code("قتل مسلحون شرطيا في الموصل، وفي بغداد انفجرت عبوة ناسفة.", "2008-05-01")
    bomb = [r for r in recs if r["trigger"]["text"] == "عبوة ناسفة"]
    assert all(not r.get("target") for r in bomb)


def test_ambiguous_city_follows_document(nlp):
    lbn = nlp.code("تجمع مئات المتظاهرين في طرابلس احتجاجا على قرار الحكومة اللبنانية.", "2011-01-25")
    assert all(r["location"]["country"] == "LBN" for r in lbn if r.get("location"))
    lby = nlp.code("تظاهر المئات في طرابلس احتجاجا على الغلاء.", "2011-01-25")
    assert all(r["location"]["country"] == "LBY" for r in lby if r.get("location"))
    jor = nlp.code("تظاهر آلاف الأردنيين في عمان احتجاجا على رفع الأسعار في الأردن.", "2011-01-25")
    assert any(r["location"] and r["location"]["country"] == "JOR" for r in jor)
