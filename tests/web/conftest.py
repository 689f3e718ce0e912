"""Browser fixtures: a real server (uvicorn in a thread, free loopback port) over the demo
store, and Debian's Chromium driven by Playwright. Everything skips with the reason when
/usr/bin/chromium or the playwright package is missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "articles.jsonl"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, nlp) -> str:
    """The demo articles ingested into a DuckDB store."""
    from rasd.store import connect, ingest

    path = str(tmp_path_factory.mktemp("web") / "demo.duckdb")
    with connect(path) as db:
        ingest(db, [str(DEMO)], nlp=nlp)
    return path


@pytest.fixture(scope="session")
def server(web_db):
    """The base URL of a live ``rasd serve`` (its own process, as in production) over the demo store."""
    pytest.importorskip("uvicorn", reason="uvicorn is not installed: pip install -e .")
    port = _free_port()
    env = {**os.environ, "RASD_API_TOKEN": ""}
    log = open(ARTIFACTS_LOG(), "w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "rasd.cli.main", "serve", "--db", web_db, "--host", "127.0.0.1",
                             "--port", str(port), "--read-only", "--log-level", "warning"],
                            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(ROOT))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"rasd serve exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"rasd serve did not answer within 60 s; see {log.name}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def ARTIFACTS_LOG() -> Path:  # noqa: N802 - a path, computed when the fixture runs
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / "server.log"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (or set RASD_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install playwright "
                                                                 "(the browser comes from apt, never `playwright install`)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on script errors or requests leaving loopback."""
    # bypass_csp: Playwright's wait_for_function evaluates strings, which the dashboard's
    # policy (script-src 'self') forbids. It also means the escaping test below proves the
    # DOM code itself is safe, without the policy as a second line of defence.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US", bypass_csp=True)
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)

    def check_request(req):
        host = urlsplit(req.url).hostname
        if req.url.startswith(("http://", "https://")) and host not in ("127.0.0.1", "localhost"):
            problems.append(f"request off loopback: {req.url}")

    pg.on("request", check_request)
    pg.set_default_timeout(15000)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    ctx.close()
    assert not problems, problems


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
