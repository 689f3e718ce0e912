"""Countries of event roles read from the sentence (rules in pipeline.py, frames.py, recognize.py)."""

from __future__ import annotations

import pytest
from tests.helpers import expresses


def _of(records, etype, trigger):
    return next(r for r in records if r["event_type"] == etype and expresses(r, trigger))


# (sentence, event type, trigger text, role, expected country)
COUNTRIES = [
    # جنودنا in a quote: the speaker's state, not the state where it happened
    ("وقال متحدث باسم الجيش البريطاني في البصرة إن اثنين من جنودنا قتلا في انفجار عبوة ناسفة.", "ASSAULT",
     "قتلا", "target", "GBR"),
    # a state's attack in another state, no target named: that state is the target
    ("وشنت الطائرات الإسرائيلية غارة جوية في لبنان فجر اليوم.", "ASSAULT", "غارة جوية", "target", "LBN"),
    # a nationality adjective after a plural place noun is a place (مدن عراقية)
    ("وتواصلت الاحتجاجات في مدن عراقية عدة.", "PROTEST", "الاحتجاجات", "target", "IRQ"),
    # Mista'arvim: Israeli undercover units
    ("واعتقلت قوة من المستعربين ثلاثة شبان في نابلس.", "COERCE", "اعتقلت", "source", "ISR"),
    # a claim of responsibility names the author
    ("قتل ستة جنود في هجوم بسيارة مفخخة على قافلة عسكرية وتبنته حركة طالبان.", "ASSAULT", "قتل", "source",
     "IMG"),
    # the protest's addressee, not the building the crowd gathers before
    ("وتجمع مئات المتظاهرين أمام مبنى المحافظة مطالبين الحكومة التركية بالتدخل.", "PROTEST", "تجمع", "target",
     "TUR"),
    # a foreign state's policy that the protest names, rather than the state where it takes place
    ("وتجمع عشرات الفلسطينيين في ساحة عامة وسط مدينة رام الله بعد ظهر أمس وهم يرفعون الأعلام ولافتات تطالب "
     "بوقف الاستيطان الإسرائيلي.", "PROTEST", "تجمع", "target", "ISR"),
    # احتجاجا على X: the authority whose act is protested, rather than the building before which
    ("وتجمع نحو خمسين متظاهرا أمام مقر رئيس الوزراء البريطاني في لندن احتجاجا على انتهاكات الرئيس "
     "الباكستاني لحقوق الإنسان.", "PROTEST", "تجمع", "target", "PAK"),
    # … or the foreign people whose act the protest names
    ("وخرجت مظاهرة غاضبة في مدينة عدن بسبب ما وصفه المتظاهرون بإساءة أحد الفرنسيين للمصحف.", "PROTEST",
     "مظاهرة", "target", "FRA"),
    # civilians, journalists … من + a state: their origin
    ("واختطف مسلحون أربعة صحفيين من فرنسا في شمال البلاد.", "ASSAULT", "اختطف", "target", "FRA"),
    # … but not forces withdrawing from a state
    ("وانسحبت القوات من العراق.", "RETREAT", "انسحبت", "source", None),
    # CAMEO INT (international actor not otherwise specified): foreigners, Westerners, a coalition …
    ("وأصيب ثلاثة جنود أجانب بجروح في انفجار عبوة ناسفة جنوب البلاد.", "ASSAULT", "أصيب", "target", "INT"),
    ("واختطف مسلحون سائحين غربيين قرب الحدود.", "ASSAULT", "اختطف", "target", "INT"),
    ("واحتجز المسلحون عشرين رهينة من الأجانب في أحد الفنادق.", "ASSAULT", "احتجز", "target", "INT"),
    ("وسد المحتجون طريقا تسلكه قافلة لقوات التحالف.", "PROTEST", "سد", "target", "INT"),
    # … but غربي before a place is "west of"
    ("وقتل ثلاثة مدنيين غربي الموصل.", "ASSAULT", "قتل", "target", "IRQ"),
    ("وقتل ثلاثة مدنيين غربي المدينة.", "ASSAULT", "قتل", "target", None),
    # … and a coalition led by a state is that state's
    ("وقتل جنديان من قوات التحالف التي تقودها الولايات المتحدة في انفجار قنبلة.", "ASSAULT", "قتل", "target",
     "USA"),
    # a nationality adjective closing a genitive chain: the state of the chain's head
    ("وتظاهر مئات من طلبة الجامعات المصرية أمام مقر الوزارة.", "PROTEST", "تظاهر", "source", "EGY"),
    # a unit named by a ل-genitive after an adjective belongs to that body
    ("وانفجرت عبوة ناسفة استهدفت دورية مشتركة للقوات الأفغانية جنوب المدينة.", "ASSAULT", "استهدفت", "target",
     "AFG"),
    # the police a protest clashes with are of the state where it takes place
    ("وتظاهر مئات في مدن بحرينية عدة وسط مواجهات مع قوى الأمن.", "PROTEST", "تظاهر", "target", "BHR"),
    # the weapon's state
    ("وأصاب صاروخ إسرائيلي سيارة في شمال القطاع.", "ASSAULT", "أصاب", "source", "ISR"),
    # بمدينة X is a place (ب "in" glued to the place noun): its victims are of its state
    ("وقتل ثلاثة مدنيين بمدينة الموصل أمس.", "ASSAULT", "قتل", "target", "IRQ"),
    # protesters "coming from" a place are of its state
    ("وتجمع آلاف المتظاهرين القادمين من ولايات أميركية عدة قرب مبنى البرلمان.", "PROTEST", "تجمع", "source",
     "USA"),
    # an armed group named by the state it fights in
    ("وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن خطف أربعة أميركيين.", "ASSAULT", "خطف", "source", "IRQ"),
    # … but gunmen attacked somewhere are not thereby of its state
    ("وقتل ثلاثة مسلحين في غارة جوية بمدينة الرمادي أمس.", "ASSAULT", "قتل", "target", None),
    # a university named by its city is in that city: its staff are of its state
    ("واغتال مسلحون أستاذا بجامعة البصرة صباح اليوم.", "ASSAULT", "اغتال", "target", "IRQ"),
    # احتجاجا على زيارته: the possessor of the act protested is the actor named before
    ("واستقبل العاهل الأردني الرئيس الإيراني في عمان، فيما تجمع مئات المحتجين وسط المدينة احتجاجا على "
     "زيارته.", "PROTEST", "تجمع", "target", "IRN"),
    # … not the victim of an act of violence (اعتقاله)
    ("ووصل المعارض البارز إلى المحكمة، فيما تظاهر المئات من أنصاره احتجاجا على اعتقاله.", "PROTEST", "تظاهر",
     "target", None),
    # a protest located only by a city has no state for target …
    ("وأحرق المتظاهرون الإطارات وأغلقوا الطرق الرئيسية في مدينة البصرة.", "PROTEST", "أحرق", "target", None),
    # … unless the sentence names the state
    ("وأحرق المتظاهرون الإطارات في شوارع البصرة ثاني أكبر مدن العراق.", "PROTEST", "أحرق", "target", "IRQ"),
    # شمال وجنوب وزيرستان: the second of two coordinated place nouns is a place too, not the author
    ("وسقطت قذائف على منطقتي شمال وجنوب وزيرستان فقتلت خمسة مسلحين.", "ASSAULT", "قتلت", "source", None),
    # counter-terrorism forces are any state's (the Iraqi service is جهاز مكافحة الإرهاب)
    ("وكانت فرقة مظلية من قوات مكافحة الإرهاب قد قتلت ثلاثة من المطلوبين في اشتباك مسلح.", "ASSAULT", "قتلت",
     "source", None),
    # whom protesters hand a memo is whom they protest to (المحتجون القنصل: a definite sound plural is no
    # construct head)
    ("وسلم المحتجون القنصل الفرنسي في المدينة مذكرة احتجاج على قرار منع الحجاب في المدارس.", "PROTEST",
     "احتجاج", "target", "FRA"),
    ("وسلم المحتجون القنصل الفرنسي في المدينة مذكرة احتجاج على قرار منع الحجاب في المدارس.", "PROTEST",
     "احتجاج", "source", None),
    # عاشت تونس يوما مشحونا: the state named as what lived the day is where the protest took place
    ("وعاشت تونس يوما مشحونا بالتوتر إثر إضراب عام شل معظم المدن.", "PROTEST", "إضراب", "target", "TUN"),
    # رفضهم لـ X: what the protesters reject
    ("وتجمع المئات من أنصار المعارضة في ساحة المدينة معلنين رفضهم لترشيح وزير الداخلية العراقي.", "PROTEST",
     "تجمع", "target", "IRQ"),
]


@pytest.mark.parametrize("text,etype,trigger,role,country", COUNTRIES, ids=[c[2] + "-" + c[3] for c in COUNTRIES])
def test_role_country(nlp, text, etype, trigger, role, country):
    actor = _of(nlp.code(text, "2008-05-01"), etype, trigger).get(role)
    assert (actor["country"] if actor else None) == country


def test_unit_of_a_body_takes_the_body(nlp):
    # دورية للشرطة: a patrol of the police is coded as the police, not as a military patrol
    recs = nlp.code("وانفجرت عبوة ناسفة استهدفت دورية للشرطة جنوب المدينة.", "2008-05-01")
    assert any((r.get("target") or {}).get("sector") == "COP" for r in recs if r["event_type"] == "ASSAULT")


def test_former_official_is_elite(nlp):
    # CAMEO: a former official is ELI, by the title (الرئيس السابق) or by a name alone whose office ended
    # before the date; a title of office before the name tells the office held
    def target(text, date):
        return next(r for r in nlp.code(text, date) if r["event_type"] == "PROTEST")["target"]
    assert target("وخرج آلاف المتظاهرين في شوارع العاصمة للمطالبة بعودة الرئيس السابق سيدي محمد ولد الشيخ عبد الله "
                  "إلى الحكم.", "2008-09-20")["sector"] == "ELI"
    assert target("وتجمع أنصار المعارضة في الساحة معلنين رفضهم لترشيح ميقاتي.", "2011-01-25")["sector"] == "ELI"
    assert target("وتجمع أنصار المعارضة في الساحة معلنين رفضهم لترشيح ميقاتي.", "2012-01-25")["sector"] == "GOV"


def test_person_counted_in_the_singular_codes_no_sector(nlp):
    # شخص names people by no role: the victims are found but coded with no sector; أشخاص codes civilians
    one = next(r for r in nlp.code("وقتل شخص وأصيب ثلاثة آخرون في انفجار عبوة ناسفة.", "2008-05-01")
               if r["event_type"] == "ASSAULT")
    assert one["target"] is not None and one["target"]["sector"] is None
    many = next(r for r in nlp.code("وقتل خمسة أشخاص في انفجار عبوة ناسفة.", "2008-05-01")
                if r["event_type"] == "ASSAULT")
    assert many["target"]["sector"] == "CVL"
    # civilians named among them tell no more than the people counted; foreigners are INT with no sector
    among = next(r for r in nlp.code("وأسفر الانفجار عن مقتل 20 شخصا بينهم نساء وأطفال.", "2008-05-01")
                 if r["event_type"] == "ASSAULT")
    assert among["target"]["sector"] is None
    foreign = next(r for r in nlp.code("وأسفر الهجوم عن مقتل عشرة أشخاص بينهم أربعة أجانب.", "2008-05-01")
                   if r["event_type"] == "ASSAULT")
    assert (foreign["target"]["country"], foreign["target"]["sector"]) == ("INT", None)
