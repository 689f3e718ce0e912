"""Violence told as a protest's grievance, demands to stop it, clashes of protesters, قام ب + noun."""


def _asserting(events, etype):
    return [e for e in events if e["event_type"] == etype and not e["negated"] and not e["hypothetical"]]


def test_grievance_of_protest_is_not_an_event(nlp):
    evs = nlp.code("خرج مئات الطلاب في مسيرة بوسط المدينة احتجاجا على مقتل عامل في المصنع.", "2010-03-02")
    assert _asserting(evs, "PROTEST")
    assert not _asserting(evs, "ASSAULT")


def test_denounced_violence_is_not_an_event(nlp):
    evs = nlp.code("تظاهر المئات أمام السفارة ورفعوا لافتات تندد بالهجمات على القرى.", "2010-03-02")
    assert _asserting(evs, "PROTEST")
    assert not _asserting(evs, "ASSAULT")


def test_demand_to_stop_attacks_is_irrealis(nlp):
    evs = nlp.code("واعتصم العشرات أمام مقر البرلمان مطالبين الحكومة بالتدخل لوقف الهجمات.", "2010-03-02")
    assert not _asserting(evs, "ASSAULT")


def test_clash_of_protesters_with_police_is_riot(nlp):
    evs = nlp.code("اندلعت أمس مواجهات بين الشرطة ومتظاهرين غاضبين في وسط العاصمة.", "2010-03-02")
    riots = [e for e in evs if e["event_type"] == "PROTEST" and e["mode"] == "riot"]
    assert riots and riots[0]["source"]["sector"] == "CVL" and riots[0]["target"]["sector"] == "COP"
    assert not _asserting(evs, "ASSAULT")


def test_army_clash_stays_assault(nlp):
    evs = nlp.code("اندلعت أمس اشتباكات بين الجيش ومسلحين في شمال البلاد.", "2010-03-02")
    assert _asserting(evs, "ASSAULT")


def test_fajran_at_dawn_is_no_bombing(nlp):
    evs = nlp.code("وصل الوزير إلى العاصمة فجرا.", "2010-03-02")
    assert not _asserting(evs, "ASSAULT")


def test_light_verb_qam_with_verbal_noun(nlp):
    evs = nlp.code("وقامت دبابة إسرائيلية بقصف منزل في شمال قطاع غزة.", "2010-03-02")
    hits = _asserting(evs, "ASSAULT")
    assert hits and hits[0]["source"]["country"] == "ISR"
