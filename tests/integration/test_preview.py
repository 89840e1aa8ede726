"""POST /api/preview: the reply box's live preview, by the one sanitizing renderer."""
from __future__ import annotations

from pathlib import Path

import httpx

from tests.integration.test_hostile_input import unsafe_markup
from tests.support import register

DATA = Path(__file__).resolve().parents[1] / "data"


def preview(api: httpx.Client, member: dict, body: object) -> httpx.Response:
    return api.post("/api/preview", headers=member["headers"], json={"body": body})


def test_preview_renders_markdown(server, api) -> None:
    m = register(server.url)
    r = preview(api, m, "> @sam wrote:\n>\n> it helped\n\n**thank you**")
    assert r.status_code == 200, r.text
    html = r.json()["html"]
    assert "<blockquote>" in html and "<strong>thank you</strong>" in html
    assert preview(api, m, "   ").json() == {"html": ""}


def test_preview_is_sanitized_for_the_xss_corpus(server, api) -> None:
    lines = [line for line in (DATA / "xss.txt").read_text("utf-8").splitlines() if line.strip()]
    # Every line, a few thousand characters per request (blank-line separated, so each is its own
    # paragraph or block), and the first lines one by one.
    batches, current = [], ""
    for line in lines:
        if len(current) + len(line) + 2 > 15_000:
            batches.append(current)
            current = ""
        current += line + "\n\n"
    batches.append(current)
    singles = lines[:20]
    found = []
    for start in range(0, len(batches) + len(singles), 50):  # a fresh member per 50: under the rate
        m = register(server.url)
        for body in (batches + singles)[start:start + 50]:
            r = preview(api, m, body)
            assert r.status_code in (200, 422), r.text
            if r.status_code == 200:
                html = r.json()["html"]
                found += unsafe_markup(html)
                assert "<script" not in html.lower()
    assert found == []


def test_preview_size_limits(server, api) -> None:
    m = register(server.url)
    r = preview(api, m, "x" * 20_001)
    assert r.status_code == 422 and r.json()["error"]["code"] == "too_long"
    r = api.post("/api/preview", headers={**m["headers"], "Content-Type": "application/json"},
                 content=b'{"body": "' + b"x" * (1024 * 1024 + 10) + b'"}')
    assert r.status_code == 413
    for bad in (None, 5, ["x"], "a\x00b"):
        assert preview(api, m, bad).status_code == 422
    assert api.post("/api/preview", headers=m["headers"], json={"body": "x", "more": 1}).status_code == 422
    assert api.post("/api/preview", json={"body": "x"}).status_code == 401


def test_preview_is_rate_limited(server, api) -> None:
    m = register(server.url)
    codes = [preview(api, m, f"line {i}").status_code for i in range(70)]
    assert codes[:60] == [200] * 60
    assert codes[-1] == 429
    r = preview(api, m, "again")
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited" and "Retry-After" in r.headers
    # Per member: someone else still previews.
    assert preview(api, register(server.url), "mine").status_code == 200
