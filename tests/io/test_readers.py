"""Tests for rasd.io.readers: every format, and every error names its file and line."""

from __future__ import annotations

import io
import json
import logging
import sys
import zipfile
from pathlib import Path

import pytest

from rasd.errors import ConfigError, DecodeError, FormatError, InputError
from rasd.io.readers import html_to_text, iter_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "io"
ARABIC = "التقى الرئيس الروسي نظيره الفنزويلي في كاراكاس أمس وبحثا التعاون العسكري بين البلدين."


def read(*paths: str | Path, **kwargs):
    """(documents, errors) with errors collected, paths as str."""
    errors: list[InputError] = []
    docs = list(iter_documents([str(p) for p in paths], on_error=errors.append, **kwargs))
    return docs, errors


def fixture(name: str) -> str:
    return str(FIXTURES / name)


# --- plain text ---------------------------------------------------------------------------


def test_txt_is_one_document_named_after_the_file(tmp_path):
    path = tmp_path / "seed-article.ar.txt"
    text = "\ufeff" + ARABIC + "\r\nسطر ثان\r\n"
    path.write_bytes(text.encode("utf-8"))
    docs, errors = read(path, date="2008-11-27")
    assert errors == []
    assert [d.id for d in docs] == ["seed-article.ar.txt"]
    assert docs[0].date == "2008-11-27"
    assert docs[0].text == text[1:]  # only the BOM goes; \r\n kept verbatim


def test_cp1256_file_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    docs, errors = read(path)
    assert errors == []
    assert docs[0].text == ARABIC


def test_latin1_file_is_not_mistaken_for_cp1256(tmp_path):
    path = tmp_path / "french.txt"
    path.write_bytes("Le président a été reçu à l'Élysée, déclaré café crème.\n".encode("latin-1"))
    docs, errors = read(path)
    assert docs == []
    assert len(errors) == 1 and isinstance(errors[0], DecodeError)
    assert errors[0].source == str(path) and errors[0].line == 1
    assert "french.txt:1" in str(errors[0])


def test_undecodable_byte_reports_its_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"line one\nline two\nbad \xff\xfe\x01 here\n")
    docs, errors = read(path)
    assert docs == []
    assert isinstance(errors[0], DecodeError) and errors[0].line == 3
    assert str(errors[0]).startswith(f"{path}:3:")


def test_binary_file_is_rejected_and_the_next_file_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARABIC, encoding="utf-8")
    docs, errors = read(fixture("binary.dat"), good)
    assert [d.id for d in docs] == ["good.txt"]
    assert len(errors) == 1 and isinstance(errors[0], DecodeError)
    assert errors[0].source == fixture("binary.dat") and errors[0].line == 1
    assert "binary" in errors[0].message


def test_empty_file_is_an_error_not_a_document(tmp_path):
    docs, errors = read(fixture("empty.txt"))
    assert docs == []
    assert isinstance(errors[0], FormatError)
    assert errors[0].source == fixture("empty.txt") and errors[0].line == 1
    assert "empty document" in str(errors[0])


def test_without_on_error_the_error_is_raised():
    with pytest.raises(FormatError, match=r"empty\.txt:1: empty document"):
        list(iter_documents([fixture("empty.txt")]))


def test_max_chars(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("أ" * 50, encoding="utf-8")
    docs, errors = read(path, max_chars=49)
    assert docs == []
    assert "document has 50 characters, more than the limit of 49" in str(errors[0])
    assert errors[0].line == 1
    docs, errors = read(path, max_chars=50)
    assert len(docs) == 1 and errors == []


def test_missing_file_is_an_input_error(tmp_path):
    docs, errors = read(tmp_path / "nope.txt")
    assert docs == [] and errors[0].source == str(tmp_path / "nope.txt")


def test_bad_arguments_fail_at_once():
    with pytest.raises(ConfigError):
        iter_documents(["x"], date="27/11/2008")
    with pytest.raises(ConfigError):
        iter_documents(["x"], max_chars=0)


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(caplog):
    with caplog.at_level(logging.WARNING, logger="rasd.io.readers"):
        docs, errors = read(fixture("bad_line.jsonl"))
    assert [d.id for d in docs] == ["d1", "d3", "bad_line.jsonl:7"]
    assert docs[0].date == "2008-11-27"
    assert docs[0].meta == {"title": "لقاء", "source": "wire"}
    assert docs[1].date is None  # 27/11/2008 is only a warning
    assert "27/11/2008" in caplog.text
    assert docs[2].meta == {"lang": "ar"}
    assert [(type(e), e.line) for e in errors] == [(FormatError, 2), (FormatError, 5), (FormatError, 6)]
    for err in errors:
        assert err.source == fixture("bad_line.jsonl")
        assert str(err).startswith(f"{fixture('bad_line.jsonl')}:{err.line}: ")
    assert "malformed JSON" in errors[0].message
    assert "expected a JSON object" in errors[1].message
    assert '"text"' in errors[2].message


def test_jsonl_non_string_text_and_bad_utf8_line(tmp_path):
    path = tmp_path / "x.ndjson"
    path.write_bytes(b'{"id": "a", "text": 5}\n{"id": "b", "text": "\xff\xfe\x01"}\n'
                     b'{"id": "c", "text": "' + ARABIC.encode() + b'", "date": "2015-07-23"}\n')
    docs, errors = read(path)
    assert [d.id for d in docs] == ["c"] and docs[0].date == "2015-07-23"
    assert [(type(e), e.line) for e in errors] == [(FormatError, 1), (DecodeError, 2)]


def test_jsonl_date_default_and_custom_fields(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"key": 7, "body": ARABIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, errors = read(path, text_field="body", id_field="key", date="2001-02-03")
    assert errors == []
    assert (docs[0].id, docs[0].text, docs[0].date) == ("7", ARABIC, "2001-02-03")


def test_stdin_jsonl_and_text(monkeypatch):
    lines = '\n{"id": "s1", "text": "نص أول"}\n{"bad json\n{"id": "s3", "text": "نص ثالث"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    docs, errors = read("-")
    assert [d.id for d in docs] == ["s1", "s3"]
    assert errors[0].source == "<stdin>" and errors[0].line == 3
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("  " + ARABIC).encode("utf-8"))))
    docs, errors = read("-", date="2008-11-27")
    assert errors == [] and docs[0].text == "  " + ARABIC and docs[0].date == "2008-11-27"


# --- JSON ---------------------------------------------------------------------------------


def test_truncated_json_keeps_the_complete_records():
    docs, errors = read(fixture("truncated.json"))
    assert [d.id for d in docs] == ["http://aawsat.com/a/1", "http://alriyadh.com/a/2"]
    assert docs[0].date == "2015-07-23"  # date_extracted, time cut off
    assert docs[0].text == "هاجم المالكي السعودية أمس."  # content
    assert docs[1].meta["author"] == "كاتب"
    assert len(errors) == 1 and isinstance(errors[0], FormatError)
    assert errors[0].source == fixture("truncated.json")
    assert errors[0].line == 20  # where the unterminated string starts
    assert "truncated.json:20:" in str(errors[0])


def test_json_single_object_and_non_object_items(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": ARABIC}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text('[\n{"id": "a", "text": "نص"},\n42,\n{"id": "c", "text": "نص آخر"}\n]\n', encoding="utf-8")
    docs, errors = read(one, many)
    assert [d.id for d in docs] == ["one.json:1", "a", "c"]
    assert [(e.source, e.line) for e in errors] == [(str(many), 3)]


# --- CSV / TSV ----------------------------------------------------------------------------


def test_csv_rows(caplog):
    docs, errors = read(fixture("docs.csv"))
    assert [d.id for d in docs] == ["c1", "docs.csv:4", "c4"]
    assert docs[0].text == 'قال الوزير: "نرفض التدخل".'
    assert docs[0].date == "2008-11-27" and docs[0].meta == {"source": "wire"}
    assert docs[1].text == "سطر بلا معرف\nمن سطرين."
    assert docs[2].date is None  # 2008-13-45 is not a date: warning only
    assert [(type(e), e.source, e.line) for e in errors] == [(FormatError, fixture("docs.csv"), 3)]
    assert "empty text" in errors[0].message


def test_tsv_fallback_text_column_and_missing_column(tmp_path):
    tsv = tmp_path / "s.tsv"
    tsv.write_text("sentence\tlabel\n" + ARABIC + "\tx\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    docs, errors = read(tsv, bad)
    assert [(d.id, d.text, d.meta) for d in docs] == [("s.tsv:2", ARABIC, {"label": "x"})]
    assert errors[0].source == str(bad) and errors[0].line == 1 and "no text column" in errors[0].message


def test_csv_long_field_over_the_csv_module_default(tmp_path):
    path = tmp_path / "long.csv"
    long_text = "كلمة " * 40000  # 200k characters > csv's 128 KiB default field limit
    path.write_text("id,text\nx,\"" + long_text + "\"\n", encoding="utf-8")
    docs, errors = read(path)
    assert errors == [] and docs[0].text == long_text


# --- zip ----------------------------------------------------------------------------------


def test_zip_members_are_read_in_order_and_hidden_ones_skipped():
    docs, errors = read(fixture("articles.zip"))
    assert [d.id for d in docs] == [
        "http://aawsat.com/a/1",
        "http://alriyadh.com/a/2",
        "articles.zip/notes/a.jsonl:1",
        "articles.zip/notes/a.jsonl:3",
        "articles.zip/notes/b.txt",
    ]
    assert [(e.source, e.line) for e in errors] == [(fixture("articles.zip") + "/notes/a.jsonl", 2)]


def test_corrupt_zip_is_named_and_reading_goes_on():
    docs, errors = read(fixture("corrupt.zip"), fixture("docs.csv"))
    assert [d.id for d in docs] == ["c1", "docs.csv:4", "c4"]
    assert isinstance(errors[0], FormatError)
    assert errors[0].source == fixture("corrupt.zip") and errors[0].line is None
    assert str(errors[0]).startswith(fixture("corrupt.zip") + ": ")


def test_zip_member_with_a_bad_record(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x.jsonl", '{"text": "نص"}\n{oops}\n{"text": "نص ثالث"}\n')
    docs, errors = read(path)
    assert [d.id for d in docs] == ["a.zip/x.jsonl:1", "a.zip/x.jsonl:3"]
    assert str(errors[0]).startswith(f"{path}/x.jsonl:2: malformed JSON")


# --- HTML ---------------------------------------------------------------------------------


def test_html_main_text():
    docs, errors = read(fixture("page.html"))
    assert errors == []
    doc = docs[0]
    assert doc.id == "page.html" and doc.date == "2008-11-27"
    assert doc.meta == {"title": "شافيز يستقبل باتروشيف"}
    assert doc.text.split("\n") == [
        "شافيز يستقبل باتروشيف",
        "استقبل الرئيس الفنزويلي أوغو شافيز أمس سكرتير مجلس الأمن الروسي.",
        "وبحث الجانبان التعاون & التنسيق.",
    ]
    for dropped in ("الرئيسية", "لا تقرأ", "color", "ذات صلة", "محفوظة"):
        assert dropped not in doc.text


def test_html_to_text_without_article():
    assert html_to_text("<div>أ<b>ب</b></div><p>ج</p><script>x</script>") == "أب\nج"


# --- RSS / Atom ---------------------------------------------------------------------------


def test_rss_items(caplog):
    with caplog.at_level(logging.WARNING, logger="rasd.io.readers"):
        docs, errors = read(fixture("feed.rss"))
    assert [d.id for d in docs] == ["http://example.com/news/1", "news-3"]
    assert docs[0].text == "التقى باتروشيف الرئيس شافيز.\nوبحثا التعاون."
    assert docs[0].date == "2008-11-27" and docs[0].meta["title"] == "لقاء في كاراكاس"
    assert docs[1].text == "أجرت روسيا وفنزويلا مناورات مشتركة." and docs[1].date is None
    assert "not a date" in caplog.text
    assert [(type(e), e.source, e.line) for e in errors] == [(FormatError, fixture("feed.rss"), 12)]
    assert "empty document" in errors[0].message


def test_atom_entries():
    docs, errors = read(fixture("feed.atom"))
    assert errors == []
    assert [(d.id, d.date, d.text) for d in docs] == [
        ("http://example.org/e/1", "2015-07-23", "تظاهر آلاف في بغداد."),
        ("urn:e2", None, "أدان الوزير الهجوم."),
    ]


def test_truncated_feed_keeps_items_before_the_damage(tmp_path):
    text = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
    cut = text[: text.index("<title>مناورات")]
    path = tmp_path / "cut.rss"
    path.write_text(cut, encoding="utf-8")
    docs, errors = read(path)
    assert [d.id for d in docs] == ["http://example.com/news/1"]
    assert errors[-1].source == str(path) and "malformed XML" in errors[-1].message
    assert errors[-1].line == cut.count("\n") + 1


def test_doctype_and_entities_are_refused(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;">\n]>\n'
        "<rss><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>\n",
        encoding="utf-8",
    )
    docs, errors = read(path)
    assert docs == []
    assert isinstance(errors[0], FormatError) and errors[0].line == 2
    assert "DOCTYPE" in errors[0].message


# --- directories --------------------------------------------------------------------------


def test_directory_is_walked_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص ٢", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص ١", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "j", "text": "نص ٣"}\n', encoding="utf-8")
    docs, errors = read(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["a.txt", "2.txt", "j"]
