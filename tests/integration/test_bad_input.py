"""Bad input always gets a clear 4xx, never a 500, and nothing is half-written."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.support import register, unique

ROOM = "avoidant-attachment"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def member(server) -> dict:
    return register(server.url)


@pytest.fixture
def client(server):
    with server.client(timeout=30) as c:
        yield c


def thread_count(client: httpx.Client) -> int:
    total, cursor = 0, None
    while True:
        data = client.get(f"/api/rooms/{ROOM}/threads", params={"limit": 100, **({"cursor": cursor} if cursor else {})}).json()
        total += len(data["threads"])
        cursor = data["next_cursor"]
        if not cursor:
            return total


def assert_error(r: httpx.Response, status: int, code: str | None = None) -> None:
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert isinstance(err["message"], str) and err["message"]
    assert "Traceback" not in r.text
    if code:
        assert err["code"] == code


def test_oversize_fields(client, member) -> None:
    before = thread_count(client)
    h = member["headers"]
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "t" * 201, "body": "b"}),
                 422, "too_long")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "t", "body": "b" * 20_001}),
                 422, "too_long")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "   ", "body": "b"}),
                 422, "empty")
    assert thread_count(client) == before
    ok = client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "t" * 200, "body": "b" * 20_000})
    assert ok.status_code == 201


def test_request_over_one_mib_is_413(client, member) -> None:
    body = json.dumps({"title": "big", "body": "x" * (1024 * 1024 + 10)})
    r = client.post(f"/api/rooms/{ROOM}/threads", headers={**member["headers"], "content-type": "application/json"},
                    content=body)
    assert_error(r, 413, "too_large")


def test_chunked_body_over_limit_is_413(client, member) -> None:
    def gen():
        for _ in range(20):
            yield b"x" * 65536
    r = client.post(f"/api/rooms/{ROOM}/threads", headers={**member["headers"], "content-type": "application/json"},
                    content=gen())
    assert_error(r, 413, "too_large")


def test_invalid_utf8_and_json(client, member) -> None:
    h = {**member["headers"], "content-type": "application/json"}
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, content=b'{"title": "\xff\xfe", "body": "x"}'),
                 400, "invalid_utf8")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, content=b'{"title": '), 400, "invalid_json")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, content=b'["a list"]'), 400, "invalid_json")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, content=b"[" * 100000), 400, "invalid_json")


def test_null_bytes_wrong_types_unknown_fields(client, member) -> None:
    h = member["headers"]
    before = thread_count(client)
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "a\x00b", "body": "x"}),
                 422, "null_byte")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": 5, "body": "x"}),
                 422, "wrong_type")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": ["x"], "body": {"a": 1}}),
                 422, "wrong_type")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "x", "body": "y", "admin": True}),
                 422, "unknown_field")
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers=h, json={"title": "x"}), 422, "missing_field")
    raw = b'{"title": "lone \\ud800 surrogate", "body": "x"}'  # valid JSON, invalid text
    assert_error(client.post(f"/api/rooms/{ROOM}/threads", headers={**h, "content-type": "application/json"},
                             content=raw), 422, "invalid_text")
    assert thread_count(client) == before


def test_not_found_and_bad_ids(client, member) -> None:
    assert_error(client.get("/api/rooms/no-such-room"), 404)
    assert_error(client.get("/api/threads/999999999"), 404)
    assert_error(client.get("/api/threads/abc"), 404)
    assert_error(client.get("/api/threads/1", params={"cursor": "!!!not-base64"}), 400)
    assert_error(client.get(f"/api/rooms/{ROOM}/threads", params={"cursor": "bm9wZQ"}), 400, "invalid_cursor")
    assert_error(client.get(f"/api/rooms/{ROOM}/threads", params={"limit": "0"}), 400)
    assert_error(client.patch("/api/posts/999999999", headers=member["headers"], json={"body": "x"}), 404)


def test_register_validation(client) -> None:
    assert_error(client.post("/api/auth/register", json={"handle": "a", "password": "a calm long password"}),
                 422, "invalid_handle")
    assert_error(client.post("/api/auth/register", json={"handle": unique(), "password": "short"}),
                 422, "weak_password")
    assert_error(client.post("/api/auth/register", json={"handle": unique(), "password": "password123"}),
                 422, "weak_password")
    assert_error(client.post("/api/auth/register", json={"handle": unique(), "password": "a calm long password",
                                                         "email": "not-an-email"}), 422, "invalid_email")
    assert_error(client.post("/api/auth/register", json={"handle": "deleted-12", "password": "a calm long password"}),
                 422, "invalid_handle")


def test_naughty_strings_never_500(client, member) -> None:
    strings = json.loads((DATA / "naughty.json").read_text())
    t = client.post(f"/api/rooms/{ROOM}/threads", headers=member["headers"],
                    json={"title": "Naughty strings", "body": "a home for odd text"}).json()
    for s in strings:
        r = client.post(f"/api/threads/{t['id']}/posts", headers=member["headers"], json={"body": s})
        assert r.status_code < 500, (s, r.text)
        if r.status_code == 201:
            assert "<script" not in r.json()["body_html"].lower()
        r = client.post("/api/auth/register", json={"handle": s[:40], "password": "a calm long password"})
        assert r.status_code < 500, (s, r.text)
        r = client.post("/api/auth/login", json={"handle": s[:40], "password": s})
        assert r.status_code < 500, (s, r.text)
