"""`rasd code` end to end: formats, bad input, exit codes, nothing lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "rasd.cli.main", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


def test_bad_inputs_are_reported_and_others_still_coded(tmp_path):
    good = '{"id":"a","text":"اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة أمس","date":"2011-01-26"}'
    (tmp_path / "docs.jsonl").write_text(good + '\n{"id":"b","text":\n' + good.replace('"a"', '"c"') + "\n",
                                         encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "win.txt").write_bytes("قصفت طائرات إسرائيلية مواقع في غزة".encode("cp1256"))
    out = tmp_path / "out.jsonl"
    p = run("code", str(tmp_path), "-o", str(out))
    err = p.stderr.decode()
    assert p.returncode == 1, err
    assert "docs.jsonl:2:" in err and "bin.txt" in err and "empty.txt" in err
    assert "Traceback" not in err
    docs = {json.loads(line)["doc_id"] for line in out.read_text("utf-8").splitlines()}
    assert {"a", "c", "win.txt"} <= docs


def test_skip_bad_turns_errors_into_warnings(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"id":"a","text":"تظاهر آلاف الطلاب أمام البرلمان"}\n{oops\n', encoding="utf-8")
    p = run("code", str(tmp_path / "d.jsonl"), "--skip-bad")
    assert p.returncode == 0
    assert b"warning" in p.stderr and b"d.jsonl:2" in p.stderr


def test_nothing_coded_exits_2(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 50)
    p = run("code", str(tmp_path / "bin.txt"))
    assert p.returncode == 2
    assert p.stderr.decode().count("\n") <= 3 and "Traceback" not in p.stderr.decode()


def test_stdin_and_csv_output():
    doc = '{"id":"s1","text":"اتهمت الحكومة السورية المعارضة بتنفيذ التفجير","date":"2012-05-10"}\n'
    p = run("code", "-", "--format", "csv", stdin=doc.encode())
    assert p.returncode == 0, p.stderr
    lines = p.stdout.decode().splitlines()
    assert lines[0].startswith("event_id,doc_id")
    assert any(",s1," in line for line in lines[1:])


def test_oversized_document_is_refused_with_file_and_line(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"id": "big", "text": "كلمة " * 3000}) + "\n", encoding="utf-8")
    p = run("code", str(big), "--max-chars", "1000")
    assert p.returncode == 2
    assert "big.jsonl:1" in p.stderr.decode() and "limit" in p.stderr.decode()


def test_every_command_is_in_the_readme():
    from rasd.cli.main import build_parser

    readme = (ROOT / "README.md").read_text("utf-8")
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:
        assert f"rasd {name}" in readme, f"`rasd {name}` is not documented in README.md"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_breaks_the_coder_is_reported_and_the_others_coded(tmp_path, monkeypatch, capsys, workers):
    # regression: a bug met by one document (here a NameError) ended `rasd code` with a traceback
    # and lost every document after it
    import rasd.pipeline
    from rasd.cli.main import main

    real = rasd.pipeline.alias_surnames

    def alias_surnames(sentences, surnames, forms):
        # a step of the pipeline that raises on one document; patched as a module global (not as a
        # method: the compiled build's methods are native and cannot be patched)
        if any(sa is not None and "نص" in sa.tokens.texts for sa in sentences):
            raise NameError("name 'x' is not defined")
        return real(sentences, surnames, forms)

    monkeypatch.setattr(rasd.pipeline, "alias_surnames", alias_surnames)
    src = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "قتل مسلحون ثلاثة جنود في بغداد."}, {"id": "bad", "text": "نص"},
             {"id": "c", "text": "التقى الرئيس الروسي نظيره الفنزويلي."}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["code", str(src), "-o", str(out), "--workers", str(workers), "--batch-size", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "rasd: error: document 'bad': coding failed: NameError: name 'x' is not defined" in err
    assert "Traceback" not in err
    assert {json.loads(x)["doc_id"] for x in out.read_text("utf-8").splitlines()} == {"a", "c"}
