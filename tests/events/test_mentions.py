"""Mention vs report for violence and protest (frames.back_reference, frames._event_background,
the relative-clause and habitual rules): background, topic and back-referring uses are no events; verbs of
occurrence, participation and agents keep a definite noun reported."""

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
    ("وقال الوزير إن الحكومة تعلمت دروسا كثيرة من التفجيرات.", "ASSAULT"),          # definite: refers back
    ("وتحدث الكاتب عن تاريخ الاحتجاجات الطلابية في أوروبا.", "PROTEST"),
    ("وكشف التقرير تفاصيل جديدة عن اغتيال الصحافي.", "ASSAULT"),                    # عن: topic
    ("وعاد الهدوء إلى المدينة بعد اغتيال رئيس البلدية قبل ثلاثة أعوام.", "ASSAULT"),  # temporal head
    ("ونشرت الصحيفة صورا التقطت خلال مظاهرة في العاصمة.", "PROTEST"),
    ("وحذر الجيش من أي هجوم على المنشآت النفطية.", "ASSAULT"),                      # free-choice أي
    ("وأصدرت المحكمة حكما بالسجن عشرين عاما على رجل بتهمة قتل شرطي.", "ASSAULT"),     # a charge
    ("والتقى الوزير عائلات الجنود الذين قتلوا في المعارك.", "ASSAULT"),              # relative clause
    ("ولا تزال المدينة تعيش على وقع التفجيرات.", "ASSAULT"),                         # على وقع ≠ وقع
    ("وقال المعارض إن النظام السابق كان يعذب المعتقلين في سجونه.", "ASSAULT"),         # past habit
]

REPORTS = [
    ("ووقع الهجوم فجر أمس قرب مركز للشرطة في الموصل.", "ASSAULT"),                  # verb of occurrence
    ("تجددت المظاهرات في العاصمة أمس ضد الحكومة.", "PROTEST"),
    ("وقال مصدر أمني إن الهجوم وقع قرب السفارة.", "ASSAULT"),                        # occurrence after
    ("وتبنت الجماعة الهجوم الذي نفذه انتحاري قرب السفارة.", "ASSAULT"),               # its agent is told
    ("وشارك آلاف العمال في الإضراب الذي دعت إليه النقابات أمس.", "PROTEST"),          # taking part
    ("خرج مئات الطلاب أمس للاحتجاج على رفع الرسوم الجامعية.", "PROTEST"),            # لل + verbal noun
    ("انفجرت عبوة ناسفة في سوق شعبي ما أسفر عن مقتل ثلاثة مدنيين.", "ASSAULT"),      # أسفر عن: outcome
    ("وأقدم مسلحون على اغتيال مسؤول محلي في القرية.", "ASSAULT"),                   # أقدم على
    ("يتظاهر آلاف الطلاب أمام البرلمان منذ صباح اليوم.", "PROTEST"),                 # present, no habit
    ("ورفع المتظاهرون الذين تمسكوا بحق الاحتجاج لافتات تندد بالغلاء.", "PROTEST"),   # participants stay
]


@pytest.mark.parametrize("text,etype", MENTIONS)
def test_background_and_back_reference_are_no_events(nlp, text, etype):
    assert not _asserts(nlp, text, etype)


@pytest.mark.parametrize("text,etype", REPORTS)
def test_reports_stay(nlp, text, etype):
    assert _asserts(nlp, text, etype)


def test_other_types_keep_temporal_heads_and_relatives(nlp):
    # the background heads added for violence and protest leave other types alone
    recs = nlp.code("وأكد الرئيس خلال لقائه الوزير أن الدول التي ترفض الاتفاق قليلة.", date="2010-05-01")
    assert any(r["event_type"] == "CONSULT" for r in recs)


def test_agent_after_a_quantifier(nlp):
    recs = nlp.code("وقالت المنظمة إن ناشطا تعرض للضرب من قبل عدة جنود عند الحاجز.", date="2010-05-01")
    ev = next(r for r in recs if r["event_type"] == "ASSAULT")
    assert (ev["source"] or {}).get("sector") == "MIL" and (ev["target"] or {}).get("sector") == "CVL"
