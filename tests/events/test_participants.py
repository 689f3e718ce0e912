"""The participant noun (المتظاهرون) and other mentions of violence (frames._participant_background,
the لل-purpose rule, heads of investigation, charge, plan and anniversary, the circumstantial clause):
protesters who only demand, judge or appear in a subordinate, habitual or predicate clause report no
protest; protesters who act still do."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def _asserts(nlp: Pipeline, text: str, etype: str) -> bool:
    return any(r["event_type"] == etype and not r["negated"] and not r["hypothetical"]
               for r in nlp.code(text, date="2010-05-01"))


MENTIONS = [
    ("وطالب المتظاهرون الحكومة بخفض أسعار الوقود.", "PROTEST"),                      # a demand
    ("واعتبر المحتجون القرار إهانة للعمال.", "PROTEST"),                             # a judgement
    ("وحمل المتظاهرون الوزير مسؤولية تدهور الخدمات.", "PROTEST"),                    # blame
    ("وكان المتظاهرون يرددون الأغاني الوطنية كل مساء.", "PROTEST"),                  # past habit
    ("وعندما بدأ المتظاهرون بالتفرق عاد الهدوء إلى الساحة.", "PROTEST"),              # time clause
    ("ويخشى الأمن أن يعود المحتجون إلى الساحة غدا.", "PROTEST"),                       # أن + imperfect
    ("وعرضت القناة صورا للطلاب وهم يهتفون في ساحة الجامعة.", "PROTEST"),              # circumstantial
    ("وعثرت الشرطة على سيارة مجهزة للتفجير قرب الميناء.", "ASSAULT"),               # لل: a purpose
    ("وتواصل اللجنة الدولية التحقيق في اغتيال الوزير السابق.", "ASSAULT"),           # investigation
    ("وأفرجت السلطات عن رجل متهم باختطاف طفلين.", "ASSAULT"),                      # a charge
    ("واعتقلت الشرطة خلية خططت لاغتيال رئيس البلدية.", "ASSAULT"),                 # a plan
    ("وأحيا الحزب الذكرى الثالثة لاغتيال زعيمه.", "ASSAULT"),                       # an anniversary
    ("واعتبر المحلل أن اغتيال الصحافي يشكل ضربة لحرية التعبير.", "ASSAULT"),          # an opinion
]

REPORTS = [
    ("ورشق المتظاهرون قوات الأمن بالحجارة قرب السفارة.", "PROTEST"),
    ("وأغلق المحتجون الطريق الرئيسي المؤدي إلى الميناء.", "PROTEST"),                # they act
    ("ودعا متظاهرون أمام مقر البرلمان إلى الإفراج عن المعتقلين.", "PROTEST"),         # at the site
    ("وكان متظاهرون قد أحرقوا مقر الحزب الحاكم يوم الأحد.", "PROTEST"),             # pluperfect
    ("وتعرض الصحافي للخطف على يد مسلحين مجهولين أمس.", "ASSAULT"),                 # undergone
    ("وقالت الشرطة إن هجوما استهدف دورية للجيش قرب الحدود أمس.", "ASSAULT"),         # a report
]


@pytest.mark.parametrize("text,etype", MENTIONS)
def test_participants_and_background_are_no_events(nlp, text, etype):
    assert not _asserts(nlp, text, etype)


@pytest.mark.parametrize("text,etype", REPORTS)
def test_acting_participants_report(nlp, text, etype):
    assert _asserts(nlp, text, etype)


def test_verbal_attack_is_criticism(nlp):
    # شن هجوما لاذعا على: a biting attack is criticism (ACCUSE); the light verb yields to the fixed noun
    recs = nlp.code("وشن وزير الخارجية هجوما لاذعا على المعارضة في مؤتمر صحفي.", date="2010-05-01")
    types = {r["event_type"] for r in recs}
    assert "ACCUSE" in types and "ASSAULT" not in types
