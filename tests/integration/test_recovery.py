"""Account recovery without email: one-time codes, password change and reset, against a real server."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

from tests.integration.test_pages import csrf_from
from tests.support import Site, client_for, client_request, unique

PASSWORD = "a calm long password"
NEW_PASSWORD = "a brand new long password"
CODE_RE = re.compile(r"[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}")
NAUGHTY: list[str] = json.loads((Path(__file__).resolve().parents[1] / "data" / "naughty.json").read_text("utf-8"))
NOT_TEXT: list[Any] = [None, 0, -1, 2**63, 1.5, True, [], {}, ["x"], {"a": 1}, "", "\x00", "a" * 5000,
                       "x" * 65, "\ud800", "İ" * 40]
IDENTICAL = {"error": {"code": "bad_recovery_code", "message": "That handle and recovery code don't match."}}


def sign_up(url: str, handle: str | None = None) -> dict:
    handle = handle or unique()
    r = client_request(url, "post", "/api/auth/register", json={"handle": handle, "password": PASSWORD}, timeout=20)
    assert r.status_code == 201, r.text
    codes = r.json()["recovery_codes"]
    login = client_request(url, "post", "/api/auth/login", json={"handle": handle, "password": PASSWORD}, timeout=20)
    token = login.json()["token"]
    return {"handle": handle, "codes": codes, "headers": {"Authorization": f"Bearer {token}"}}


def recover(c: httpx.Client, handle: object, code: object, new_password: object = NEW_PASSWORD,
            address: str = "10.9.0.1") -> httpx.Response:
    # The test server trusts X-Forwarded-For from 127.0.0.1: each test guesses from its own address.
    return c.post("/api/auth/recover", json={"handle": handle, "code": code, "new_password": new_password},
                  headers={"x-forwarded-for": address})


def browser(url: str, handle: str, password: str) -> httpx.Client:
    c = client_for(url, timeout=20)
    r = c.post("/signin", data={"handle": handle, "password": password, "csrf_token": csrf_from(c.get("/signin").text)})
    assert r.status_code == 303 and c.cookies.get("sb_session")
    return c


def test_register_answers_ten_distinct_codes_once(server: Site) -> None:
    m = sign_up(server.url)
    assert len(m["codes"]) == 10 and len(set(m["codes"])) == 10
    assert all(CODE_RE.fullmatch(code) for code in m["codes"])
    with server.client(headers=m["headers"], timeout=20) as c:
        assert "recovery_codes" not in c.get("/api/me").json()
        assert not any(code in c.get("/settings").text for code in m["codes"])  # shown once, never again
        assert "You have 10 unused recovery codes" in c.get("/settings").text


def test_each_code_works_once_and_recovery_signs_out_every_other_session(server: Site) -> None:
    m = sign_up(server.url)
    address = f"10.9.{random.randrange(250)}.{random.randrange(250)}"
    old_browser = browser(server.url, m["handle"], PASSWORD)
    with server.client(timeout=30) as c:
        assert c.get("/api/me", headers=m["headers"]).status_code == 200
        # Codes forgive case, spaces and dashes.
        r = recover(c, m["handle"], " " + m["codes"][0].upper().replace("-", " ") + " ", address=address)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["user"]["handle"] == m["handle"] and body["recovery_codes_left"] == 9
        # Every session from before is gone: the bearer token, the browser's cookie.
        assert c.get("/api/me", headers=m["headers"]).status_code == 401
        assert old_browser.get("/api/me").status_code == 401
        assert c.get("/api/me", headers={"Authorization": f"Bearer {body['token']}"}).status_code == 200
        login = c.post("/api/auth/login", json={"handle": m["handle"], "password": PASSWORD})
        assert login.status_code == 401
        assert c.post("/api/auth/login", json={"handle": m["handle"], "password": NEW_PASSWORD}).status_code == 200
        # A spent code answers like a wrong one; every other code works, once each.
        assert (recover(c, m["handle"], m["codes"][0], address=address).json()) == IDENTICAL
        for i, code in enumerate(m["codes"][1:], start=1):
            password = f"password number {i} is long"
            r = recover(c, m["handle"], code, password, address=address)
            assert r.status_code == 200 and r.json()["recovery_codes_left"] == 9 - i, (i, r.text)
        r = recover(c, m["handle"], m["codes"][5], address=address)
        assert (r.status_code, r.json()) == (401, IDENTICAL)
        assert c.post("/api/auth/login", json={"handle": m["handle"], "password": "password number 9 is long"}
                      ).status_code == 200
    old_browser.close()


def test_unknown_handles_wrong_and_malformed_codes_answer_alike(server: Site) -> None:
    m = sign_up(server.url)
    other = sign_up(server.url)
    with server.client(timeout=30) as c:
        answers = [
            recover(c, m["handle"], "abcd-efgh-jkmn", address="10.8.0.1"),  # well formed, wrong
            recover(c, unique("ghost"), m["codes"][0], address="10.8.0.2"),  # unknown handle, a real code
            recover(c, other["handle"], m["codes"][1], address="10.8.0.3"),  # someone else's code
            recover(c, m["handle"], "not a code at all", address="10.8.0.4"),
            recover(c, "x", m["codes"][2], address="10.8.0.5"),  # can't be a handle
        ]
        for r in answers:
            assert (r.status_code, r.json()) == (401, IDENTICAL), r.text
        # Nothing above spent a code or signed anyone out.
        assert c.get("/api/me", headers=m["headers"]).status_code == 200
        assert recover(c, m["handle"], m["codes"][0], address="10.8.0.6").status_code == 200


def test_recovery_is_throttled_like_sign_in(make_server) -> None:
    server = make_server(SECUREBASE_LOGIN_RATE="3/minute", SECUREBASE_LOGIN_ADDRESS_RATE="6/minute")
    m = sign_up(server.url)
    with server.client(timeout=30) as c:
        statuses = [recover(c, m["handle"], f"abcd-efgh-{i:04d}", address="10.7.0.1").status_code for i in range(4)]
        assert statuses == [401, 401, 401, 429]
        r = recover(c, m["handle"], m["codes"][0], address="10.7.0.1")  # even the right code, from there
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["code"] == "rate_limited"
        # An unknown handle is limited the same way.
        ghost = unique("ghost")
        assert [recover(c, ghost, "abcd-efgh-jkmn", address="10.7.0.2").status_code for _ in range(4)] == \
            [401, 401, 401, 429]
        # Failed recoveries count toward the address's limit, which sign-in shares (6 here).
        for _ in range(3):
            assert c.post("/api/auth/login", json={"handle": unique("ghost"), "password": PASSWORD},
                          headers={"x-forwarded-for": "10.7.0.2"}).status_code == 401
        assert c.post("/api/auth/login", json={"handle": m["handle"], "password": PASSWORD},
                      headers={"x-forwarded-for": "10.7.0.2"}).status_code == 429
        # The owner elsewhere is not locked out.
        assert recover(c, m["handle"], m["codes"][0], address="10.7.0.9").status_code == 200


def test_password_change_signs_out_every_other_session(server: Site) -> None:
    m = sign_up(server.url)
    web = browser(server.url, m["handle"], PASSWORD)
    with server.client(timeout=30) as c:
        second = c.post("/api/auth/login", json={"handle": m["handle"], "password": PASSWORD}).json()["token"]
        r = c.post("/api/me/password", headers=m["headers"],
                   json={"current_password": "not my password", "new_password": NEW_PASSWORD})
        assert r.status_code == 401 and r.json()["error"]["field"] == "password"
        r = c.post("/api/me/password", headers=m["headers"], json={"current_password": PASSWORD, "new_password": "short"})
        assert r.status_code == 422 and r.json()["error"]["field"] == "new_password"
        assert c.get("/api/me", headers={"Authorization": f"Bearer {second}"}).status_code == 200  # nothing changed
        r = c.post("/api/me/password", headers=m["headers"],
                   json={"current_password": PASSWORD, "new_password": NEW_PASSWORD})
        assert r.status_code == 200 and r.json()["sessions_ended"] == 2
        assert c.get("/api/me", headers=m["headers"]).status_code == 200  # this session stays
        assert c.get("/api/me", headers={"Authorization": f"Bearer {second}"}).status_code == 401
        assert web.get("/api/me").status_code == 401
        assert c.post("/api/auth/login", json={"handle": m["handle"], "password": PASSWORD}).status_code == 401
        assert c.post("/api/auth/login", json={"handle": m["handle"], "password": NEW_PASSWORD}).status_code == 200
    web.close()


def test_settings_page_changes_the_password_and_keeps_this_browser(server: Site) -> None:
    m = sign_up(server.url)
    web = browser(server.url, m["handle"], PASSWORD)
    try:
        token = csrf_from(web.get("/settings").text)
        r = web.post("/settings/password", data={"current_password": "wrong one!!", "new_password": NEW_PASSWORD,
                                                 "csrf_token": token})
        assert r.status_code == 401 and 'id="current_password-error"' in r.text
        r = web.post("/settings/password", data={"current_password": PASSWORD, "new_password": NEW_PASSWORD,
                                                 "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == "/settings?done=password"
        assert "Every other session was signed out" in web.get(r.headers["location"]).text
        assert server.get("/api/me", headers=m["headers"]).status_code == 401
        # Without the CSRF token, nothing happens.
        assert web.post("/settings/password", data={"current_password": NEW_PASSWORD,
                                                    "new_password": PASSWORD}).status_code == 403
    finally:
        web.close()


def test_new_codes_need_the_password_and_replace_the_old_ones(server: Site) -> None:
    m = sign_up(server.url)
    with server.client(timeout=30) as c:
        r = c.post("/api/me/recovery-codes", headers=m["headers"], json={"password": "not my password"})
        assert r.status_code == 401
        r = c.post("/api/me/recovery-codes", headers=m["headers"], json={"password": PASSWORD})
        assert r.status_code == 201
        fresh = r.json()["recovery_codes"]
        assert len(fresh) == 10 and not set(fresh) & set(m["codes"])
        assert recover(c, m["handle"], m["codes"][0], address="10.6.0.1").json() == IDENTICAL
        assert recover(c, m["handle"], fresh[0], address="10.6.0.1").status_code == 200


def test_sign_up_page_shows_the_codes_once_and_forgot_password_uses_one(server: Site) -> None:
    handle = unique("web")
    with server.client(timeout=30) as c:
        r = c.post("/signup?next=/rooms/anxious-attachment", data={
            "handle": handle, "password": PASSWORD, "csrf_token": csrf_from(c.get("/signup").text)})
        assert r.status_code == 303 and r.headers["location"].startswith("/recovery-codes?next=")
        page = c.get(r.headers["location"])
        codes = re.findall(r"<li><code>([^<]+)</code></li>", page.text)
        assert len(codes) == 10 and all(CODE_RE.fullmatch(code) for code in codes)
        download = re.search(r'href="data:text/plain;charset=utf-8,([^"]+)" download="([^"]+)"', page.text)
        assert download and download.group(2).endswith(".txt")
        assert all(code in unquote(download.group(1)) for code in codes)
        # After the codes, the welcome (guidelines, rooms to follow), then where they were going.
        assert 'href="/welcome?next=%2Frooms%2Fanxious-attachment"' in page.text
        again = c.get("/recovery-codes")
        assert again.status_code == 200 and not any(code in again.text for code in codes)
        # Forgot password? is on the sign-in page; the form takes handle, code and a new password.
        c.post("/signout", data={"csrf_token": csrf_from(c.get("/settings").text)})
        assert 'href="/recover"' in c.get("/signin").text
        form = c.get("/recover").text
        for name in ("handle", "code", "new_password"):
            assert f'<label for="{name}">' in form and f'id="{name}" name="{name}"' in form
        token = csrf_from(form)
        r = c.post("/recover", data={"handle": handle, "code": "abcd-efgh-jkmn", "new_password": NEW_PASSWORD,
                                     "csrf_token": token}, headers={"x-forwarded-for": "10.5.0.1"})
        assert r.status_code == 401 and "recovery code don&#39;t match" in r.text
        r = c.post("/recover", data={"handle": handle, "code": codes[3], "new_password": NEW_PASSWORD,
                                     "csrf_token": token}, headers={"x-forwarded-for": "10.5.0.1"})
        assert r.status_code == 303 and r.headers["location"] == "/settings?done=recovered"
        settings = c.get(r.headers["location"]).text
        assert "Your password is reset" in settings and "You have 9 unused recovery codes" in settings
        # New codes from settings are handed to the codes page, once.
        r = c.post("/settings/recovery-codes", data={"password": NEW_PASSWORD, "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"].startswith("/recovery-codes")
        fresh = re.findall(r"<li><code>([^<]+)</code></li>", c.get(r.headers["location"]).text)
        assert len(fresh) == 10 and not set(fresh) & set(codes)


def test_hostile_values_in_the_new_fields_are_4xx(make_server) -> None:
    server = make_server(SECUREBASE_LOGIN_RATE="100000/minute", SECUREBASE_LOGIN_SLOW_AFTER="100000/minute",
                         SECUREBASE_LOGIN_ADDRESS_RATE="100000/minute")
    m = sign_up(server.url)
    values = NOT_TEXT + random.Random("recovery").sample(NAUGHTY, 20)
    good = {"/api/auth/recover": {"handle": m["handle"], "code": "abcd-efgh-jkmn", "new_password": NEW_PASSWORD},
            "/api/me/password": {"current_password": "not my password", "new_password": NEW_PASSWORD},
            "/api/me/recovery-codes": {"password": "not my password"}}
    failures = []
    with server.client(headers=m["headers"], timeout=30) as c:
        for path, body in good.items():
            for name in body:
                for value in values:
                    # Sent as escaped JSON, so a lone surrogate reaches the server as one.
                    r = c.post(path, content=json.dumps({**body, name: value}),
                               headers={"content-type": "application/json"})
                    if not 400 <= r.status_code < 500:
                        failures.append((path, name, repr(value)[:40], r.status_code, r.text[:100]))
        web = browser(server.url, m["handle"], PASSWORD)
        token = csrf_from(web.get("/settings").text)
        forms = {"/recover": {"handle": m["handle"], "code": "abcd-efgh-jkmn", "new_password": NEW_PASSWORD},
                 "/settings/password": {"current_password": "not my password", "new_password": NEW_PASSWORD},
                 "/settings/recovery-codes": {"password": "not my password"}}
        for path, body in forms.items():
            for name in body:
                for value in values:
                    text = value if isinstance(value, str) else json.dumps(value)
                    if text.encode("utf-8", "replace").decode("utf-8") != text:
                        continue  # a lone surrogate can't be sent in a form at all
                    r = web.post(path, data={**body, name: text, "csrf_token": token})
                    if not 400 <= r.status_code < 500:
                        failures.append((path, name, repr(value)[:40], r.status_code, r.text[:100]))
        # A forged hand-off cookie shows nothing.
        web.cookies.set("sb_new_codes", "1:abcdabcdabcd:" + "0" * 64, path="/recovery-codes")
        r = web.get("/recovery-codes")
        assert r.status_code == 200 and "abcd-abcd-abcd" not in r.text
        web.close()
        assert c.get("/api/me").status_code == 200  # nothing above changed the password or the session
    assert not failures, failures[:20]
