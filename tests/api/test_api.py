"""The HTTP API: every endpoint, filters against the store, pagination, auth, limits, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.api.conftest import TOKEN, make_client

SAMPLE = "التقى الرئيس الروسي فلاديمير بوتين نظيره الفنزويلي هوغو شافيز في كاراكاس أمس."


def all_events(client, **params):
    """Every matching event, following the cursor."""
    out, cursor = [], None
    for _ in range(100):
        q = {**params, "limit": params.get("limit", 37)}
        if cursor:
            q["cursor"] = cursor
        r = client.get("/v1/events", params=q)
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["events"]
        cursor = body["next_cursor"]
        if not cursor:
            return out
    raise AssertionError("pagination did not end")


def store_rows(demo_db, sql, params=()):
    import duckdb

    con = duckdb.connect(demo_db, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def assert_error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


# ------------------------------------------------------------------ meta


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["store"]["dialect"] == "duckdb"


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/v1/code", "/v1/events", "/v1/documents/{doc_id}", "/v1/documents", "/v1/stats", "/v1/actors",
              "/v1/places", "/healthz"):
        assert p in paths, p
    assert "post" in paths["/v1/documents"] and "post" in paths["/v1/code"]


def test_docs_are_served_without_a_cdn(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in r.text
    assert "cdn" not in r.text.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_dashboard_is_served_with_a_strict_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/style.css", "/static/vendor/world-atlas/countries-110m.json",
                  "/static/vendor/world-atlas/LICENSE"):
        assert client.get(asset).status_code == 200, asset
    # no remote resources in the page or the scripts
    for path in ("/", "/static/app.js", "/static/map.js", "/static/charts.js", "/static/style.css"):
        text = client.get(path).text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, path


def test_dashboard_never_uses_innerhtml():
    from importlib import resources

    static = resources.files("rasd.web").joinpath("static")
    for name in ("app.js", "dom.js", "highlight.js", "charts.js", "map.js"):
        text = static.joinpath(name).read_text("utf-8")
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert bad not in text, f"{name} uses {bad}"


# ------------------------------------------------------------------ POST /v1/code


def test_code_returns_schema_records(client):
    r = client.post("/v1/code", json={"text": SAMPLE, "date": "2008-11-26", "id": "t1"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["doc_id"] == "t1" and body["events"]
    for e in body["events"]:
        for field in ("event_id", "doc_id", "sentence_index", "sentence_span", "event_type", "cameo", "quad_class",
                      "goldstein", "source", "target", "trigger", "negated", "future", "date", "location",
                      "confidence", "provenance"):
            assert field in e
        assert e["doc_id"] == "t1"
        s, t = e["trigger"]["span"]
        assert SAMPLE[s:t] == e["trigger"]["text"]
        assert " → " in e["summary"] and e["event_type"] in e["summary"] and e["cameo"] in e["summary"]
    consult = [e for e in body["events"] if e["event_type"] == "CONSULT"]
    assert any(e["summary"].startswith("Russia (GOV) → Venezuela (GOV): CONSULT / 04") and "Caracas" in e["summary"]
               for e in consult)
    for sp in body["spans"]:
        assert SAMPLE[sp["start"]:sp["end"]] == sp["text"] and sp["kind"] in {"actor", "trigger", "place"}
    assert {sp["kind"] for sp in body["spans"]} == {"actor", "trigger", "place"}
    assert body["sentences"][0]["span"][0] == 0


def test_code_stores_nothing(client, demo_db):
    before = store_rows(demo_db, "SELECT COUNT(*) FROM documents")[0][0]
    client.post("/v1/code", json={"text": SAMPLE + " جديد"})
    assert store_rows(demo_db, "SELECT COUNT(*) FROM documents")[0][0] == before


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": SAMPLE, "date": "2008-13-01"},
                                  {"text": SAMPLE, "date": "yesterday"}, {"text": 5}, [1, 2]])
def test_code_rejects_bad_bodies(client, body):
    assert_error(client.post("/v1/code", json=body), 400, "invalid_parameter")


def test_code_rejects_malformed_json(client):
    r = client.post("/v1/code", content=b"{not json", headers={"content-type": "application/json"})
    assert_error(r, 400, "invalid_parameter")


def test_request_body_limit(client):
    big = json.dumps({"text": "ا" * 600_000}).encode()  # 1.2 MB in UTF-8
    assert_error(client.post("/v1/code", content=big, headers={"content-type": "application/json"}), 413,
                 "payload_too_large")


def test_request_body_limit_without_content_length(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 50_000

    r = client.post("/v1/code", content=chunks(), headers={"content-type": "application/json"})
    assert_error(r, 413, "payload_too_large")


# ------------------------------------------------------------------ GET /v1/events


def test_events_pages_cover_the_store_once_in_order(client, demo_db):
    events = all_events(client)
    n = store_rows(demo_db, "SELECT COUNT(*) FROM events")[0][0]
    assert len(events) == n
    keys = [(e["doc_key"], e["seq"]) for e in events]
    assert len(set(keys)) == len(keys) == n
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates, reverse=True)
    undated = [i for i, e in enumerate(events) if not e["date"]]
    assert all(i >= len(dates) for i in undated), "undated events come last"


def test_events_page_size_and_cursor_header(client):
    r = client.get("/v1/events", params={"limit": 5})
    body = r.json()
    assert body["count"] == 5 and len(body["events"]) == 5 and body["next_cursor"]
    assert r.headers["x-next-cursor"] == body["next_cursor"]
    nxt = client.get("/v1/events", params={"limit": 5, "cursor": body["next_cursor"]}).json()
    first = {(e["doc_key"], e["seq"]) for e in body["events"]}
    assert len(nxt["events"]) == 5 and first.isdisjoint((e["doc_key"], e["seq"]) for e in nxt["events"])


@pytest.mark.parametrize("params, check", [
    ({"type": "ASSAULT"}, lambda e: e["event_type"] == "ASSAULT"),
    ({"type": "assault,protest"}, lambda e: e["event_type"] in {"ASSAULT", "PROTEST"}),
    ({"cameo": "19"}, lambda e: e["cameo"].startswith("19")),
    ({"source_country": "RUS"}, lambda e: (e["source"] or {}).get("country") == "RUS"),
    ({"target_country": "syr"}, lambda e: (e["target"] or {}).get("country") == "SYR"),
    ({"country": "VEN"}, lambda e: "VEN" in {(e["source"] or {}).get("country"), (e["target"] or {}).get("country")}),
    ({"sector": "MIL"}, lambda e: "MIL" in {(e["source"] or {}).get("sector"), (e["target"] or {}).get("sector")}),
    ({"actor": "Q8440"}, lambda e: "Q8440" in {(e["source"] or {}).get("id"), (e["target"] or {}).get("id")}),
    ({"since": "2009-01-01", "until": "2010-12-31"}, lambda e: "2009-01-01" <= (e["date"] or "") <= "2010-12-31"),
    ({"place": "aleppo"}, lambda e: (e["location"] or {}).get("name") == "Aleppo"),
    ({"negated": "true"}, lambda e: e["negated"] is True),
    ({"future": "false"}, lambda e: e["future"] is False),
])
def test_event_filters(client, params, check):
    events = all_events(client, **params)
    assert events, f"the demo should have events for {params}"
    assert all(check(e) for e in events)


def test_event_filters_match_the_store(client, demo_db):
    n = store_rows(demo_db, "SELECT COUNT(*) FROM events WHERE event_type = 'CONSULT' AND "
                            "(source_country = 'RUS' OR target_country = 'RUS')")[0][0]
    r = client.get("/v1/events", params={"type": "CONSULT", "country": "RUS", "total": "true", "limit": 1000})
    assert r.json()["total"] == n == r.json()["count"]


def test_text_search_finds_arabic(client):
    events = all_events(client, text="مناورات")
    assert events
    docs = {e["doc_id"] for e in events}
    for d in docs:
        assert "مناورات" in client.get(f"/v1/documents/{d}").json()["text"]


def test_events_csv(client):
    from rasd.io.writers import CSV_COLUMNS

    r = client.get("/v1/events", params={"format": "csv", "limit": 10, "type": "CONSULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert 1 <= len(rows) - 1 <= 10
    i = CSV_COLUMNS.index("event_type")
    assert all(row[i] == "CONSULT" for row in rows[1:])
    assert "x-next-cursor" in r.headers or len(rows) - 1 < 10


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 1001}, {"limit": "many"}, {"type": "BOMB"}, {"cameo": "4a"}, {"since": "2008-02-30"},
    {"until": "01/02/2008"}, {"cursor": "not-a-cursor"}, {"format": "xml"}, {"negated": "perhaps"},
    {"country": "R'US"}, {"source_country": "X" * 40},
])
def test_events_bad_parameters(client, params):
    assert_error(client.get("/v1/events", params=params), 400, "invalid_parameter" if "cursor" not in params
                 else "bad_request")


# ------------------------------------------------------------------ documents


def test_document_view(client, demo_db):
    r = client.get("/v1/documents/demo-002")
    assert r.status_code == 200
    doc = r.json()
    text = doc["text"]
    assert doc["doc_id"] == "demo-002" and doc["title"] and doc["pub_date"] == "2008-03-03"
    assert doc["sentences"] and all(text[s["span"][0]:s["span"][1]] == s["text"] for s in doc["sentences"])
    n = store_rows(demo_db, "SELECT n_events FROM documents WHERE doc_id = 'demo-002'")[0][0]
    assert len(doc["events"]) == n > 0
    assert doc["spans"]
    for sp in doc["spans"]:
        assert text[sp["start"]:sp["end"]] == sp["text"]
        assert all(0 <= i < n for i in sp["events"])
    for i, e in enumerate(doc["events"]):
        t = e["trigger"]
        assert any(sp["kind"] == "trigger" and [sp["start"], sp["end"]] == t["span"] and i in sp["events"]
                   for sp in doc["spans"])
    # the content key works as an id too
    assert client.get(f"/v1/documents/{doc['doc_key']}").json()["doc_id"] == "demo-002"


def test_document_not_found(client):
    assert_error(client.get("/v1/documents/no-such-doc"), 404, "not_found")


# ------------------------------------------------------------------ stats and places


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
def test_stats_series(client, demo_db, period):
    body = client.get("/v1/stats", params={"period": period}).json()
    dated = store_rows(demo_db, "SELECT COUNT(*) FROM events WHERE event_date IS NOT NULL")[0][0]
    assert sum(s["events"] for s in body["series"]) == dated
    for s in body["series"]:
        assert sum(s["quad_counts"]) == s["events"]
        assert abs(sum(s[f"q{q}_share"] for q in (1, 2, 3, 4)) - 1) < 0.01
    periods = [s["period"] for s in body["series"]]
    assert periods == sorted(periods)
    assert body["totals"]["events"] == store_rows(demo_db, "SELECT COUNT(*) FROM events")[0][0]


def test_stats_dyads(client):
    by_code = client.get("/v1/stats", params={"top": 5}).json()["dyads"]
    assert 1 <= len(by_code) <= 5
    assert [d["events"] for d in by_code] == sorted((d["events"] for d in by_code), reverse=True)
    one = client.get("/v1/stats", params={"dyads": "country", "source_country": "RUS", "target_country": "SYR"})
    rows = one.json()["dyads"]
    assert rows and all(d["source"] == "RUS" and d["target"] == "SYR" for d in rows)
    actors = client.get("/v1/stats", params={"dyads": "actor", "top": 50}).json()["dyads"]
    assert actors and all({"source", "target", "source_name", "target_name", "goldstein_mean"} <= set(d)
                          for d in actors)


def test_stats_asserted_leaves_out_negated(client):
    all_ = client.get("/v1/stats").json()["totals"]["events"]
    asserted = client.get("/v1/stats", params={"asserted": "true"}).json()["totals"]["events"]
    negated = client.get("/v1/events", params={"negated": "true", "total": "true"}).json()["total"]
    assert asserted == all_ - negated


@pytest.mark.parametrize("params", [{"period": "hour"}, {"dyads": "pairs"}, {"top": 0}, {"top": 5000}])
def test_stats_bad_parameters(client, params):
    assert_error(client.get("/v1/stats", params=params), 400, "invalid_parameter")


def test_places(client):
    places = client.get("/v1/places").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert all(sum(p["quad_counts"]) == p["events"] for p in places)
    names = {p["name"] for p in places}
    assert "Caracas" in names


# ------------------------------------------------------------------ actors


def test_actor_search_arabic_and_english(client):
    ar = client.get("/v1/actors", params={"q": "شافيز"}).json()["actors"]
    assert ar[0]["id"] == "Q8440" and ar[0]["kind"] == "person"
    assert ar[0]["roles"] and ar[0]["roles"][0]["code"] == "VENGOV" and ar[0]["roles"][0]["start"]
    en = client.get("/v1/actors", params={"q": "chavez"}).json()["actors"]
    assert en[0]["id"] == "Q8440"
    # alef and hamza variants are folded
    assert client.get("/v1/actors", params={"q": "روسيا"}).json()["actors"][0]["id"] == "RUS"


def test_actor_roles_over_time(client):
    a = client.get("/v1/actors", params={"q": "Q8440", "at": "2008-06-01"}).json()["actors"][0]
    assert a["code_at"] == "VENGOV" and a["role_at"]["office"]
    before = client.get("/v1/actors", params={"q": "Q8440", "at": "1990-01-01"}).json()["actors"][0]
    assert before["code_at"] is None and before["role_at"] is None


def test_actor_filters_and_counts(client):
    orgs = client.get("/v1/actors", params={"q": "united nations", "kind": "organization"}).json()["actors"]
    assert orgs and all(a["kind"] == "organization" for a in orgs)
    assert orgs[0]["code"].startswith("IGO")
    counted = client.get("/v1/actors", params={"q": "RUS", "kind": "country", "counts": "true"}).json()["actors"]
    assert counted[0]["id"] == "RUS" and counted[0]["events"] > 0
    assert len(client.get("/v1/actors", params={"limit": 3}).json()["actors"]) == 3


@pytest.mark.parametrize("params", [{"at": "2008-02-30"}, {"limit": 0}, {"kind": "planet"}, {"country": "RUSSIA"}])
def test_actor_bad_parameters(client, params):
    assert_error(client.get("/v1/actors", params=params), 400, "invalid_parameter")


# ------------------------------------------------------------------ ingest and auth


def test_ingest_disabled_without_a_token(client):
    r = client.post("/v1/documents", json={"documents": [{"id": "x", "text": SAMPLE}]})
    assert_error(r, 403, "forbidden")


def test_ingest_needs_the_right_token(writable):
    body = {"documents": [{"id": "x", "text": SAMPLE}]}
    r = writable.post("/v1/documents", json=body)
    assert_error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert_error(writable.post("/v1/documents", json=body, headers={"Authorization": "Bearer wrong-token-123456"}),
                 401, "unauthorized")
    assert_error(writable.post("/v1/documents", json=body, headers={"Authorization": f"Basic {TOKEN}"}),
                 401, "unauthorized")


def test_ingest_then_read(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    docs = [{"id": "api-1", "text": SAMPLE, "date": "2008-11-26", "title": "لقاء", "source": "test"},
            {"id": "api-2", "text": "أدانت وزارة الخارجية السورية الغارات الإسرائيلية على دمشق."}]
    r = writable.post("/v1/documents", json={"documents": docs}, headers=auth)
    assert r.status_code == 201, r.text
    rep = r.json()
    assert rep["read"] == 2 and rep["coded"] == 2 and rep["events"] > 0
    assert [d["status"] for d in rep["documents"]] == ["coded", "coded"]
    doc = writable.get("/v1/documents/api-1").json()
    assert doc["title"] == "لقاء" and doc["source"] == "test" and doc["events"]
    events = writable.get("/v1/events", params={"doc_id": "api-1", "limit": 1000}).json()["events"]
    assert len(events) == len(doc["events"]) and all(e["date"] for e in events)
    again = writable.post("/v1/documents", json={"documents": docs[:1]}, headers=auth).json()
    assert again["coded"] == 0 and again["duplicates"] == 1 and again["documents"][0]["status"] == "duplicate"


@pytest.mark.parametrize("body", [{}, {"documents": []}, {"documents": [{"id": "x"}]},
                                  {"documents": [{"id": "", "text": "نص"}]},
                                  {"documents": [{"id": "x", "text": "نص", "date": "2020-02-31"}]}])
def test_ingest_bad_bodies(writable, body):
    r = writable.post("/v1/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(r, 400, "invalid_parameter")


def test_reads_from_other_hosts_need_the_token(demo_db, nlp):
    from rasd.api import ApiConfig

    with make_client(ApiConfig(db=demo_db, token=TOKEN, read_only=True), nlp, client=("203.0.113.9", 4000)) as remote:
        assert_error(remote.get("/v1/events"), 401, "unauthorized")
        assert_error(remote.post("/v1/code", json={"text": SAMPLE}), 401, "unauthorized")
        ok = remote.get("/v1/events", params={"limit": 1}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200
        assert remote.get("/healthz").status_code == 200
    with make_client(ApiConfig(db=demo_db), nlp, client=("203.0.113.9", 4000)) as remote:
        assert_error(remote.get("/v1/events"), 403, "forbidden")


def test_no_store_mode_codes_only(nlp):
    from rasd.api import ApiConfig

    with make_client(ApiConfig(db=None), nlp) as c:
        assert c.post("/v1/code", json={"text": SAMPLE}).status_code == 200
        assert_error(c.get("/v1/events"), 503, "no_store")
        assert c.get("/healthz").json()["store"] is None


# ------------------------------------------------------------------ errors, config, CLI


def test_unknown_route_and_method(client):
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    assert_error(client.delete("/v1/events"), 405, "method_not_allowed")


def test_missing_store_fails_clearly(tmp_path, nlp):
    from rasd.api import ApiConfig
    from rasd.errors import StoreError

    with pytest.raises(StoreError, match="no event store"):
        with make_client(ApiConfig(db=str(tmp_path / "none.duckdb")), nlp):
            pass


def test_config_rejects_short_tokens(monkeypatch):
    from rasd.api import ApiConfig
    from rasd.errors import ConfigError

    monkeypatch.setenv("RASD_API_TOKEN", "short")
    with pytest.raises(ConfigError):
        ApiConfig.from_env(db="x.duckdb")
    monkeypatch.setenv("RASD_API_TOKEN", TOKEN)
    cfg = ApiConfig.from_env(db="x.duckdb")
    assert cfg.token == TOKEN and cfg.writable


def test_serve_refuses_public_host_without_token(demo_db, monkeypatch, capsys):
    from rasd.cli.main import main

    monkeypatch.delenv("RASD_API_TOKEN", raising=False)
    assert main(["serve", "--db", demo_db, "--host", "0.0.0.0"]) == 4
    assert "RASD_API_TOKEN" in capsys.readouterr().err


def test_serve_is_registered():
    from rasd.cli.main import build_parser

    args = build_parser().parse_args(["serve", "--port", "9999", "--read-only"])
    assert args.port == 9999 and args.read_only is True and args.host == "127.0.0.1"

