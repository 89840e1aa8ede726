"""CSRF is decided by the endpoint, not the claimed Content-Type; sign-in throttling can't lock owners out."""
from __future__ import annotations

import re
import secrets

import httpx

from tests.support import Site, client_for, register, unique

PASSWORD = "a calm long password"


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def browser_session(base_url: str) -> httpx.Client:
    """A browser-like client signed in with a session cookie (and holding the CSRF cookie)."""
    m = register(base_url)
    c = client_for(base_url, timeout=20)
    token = csrf_from(c.get("/signin").text)
    r = c.post("/signin", data={"handle": m["handle"], "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303 and c.cookies.get("sb_session")
    return c


def test_login_csrf_with_json_content_type_is_refused(server: Site) -> None:
    m = register(server.url)
    with server.client(timeout=20) as c:
        c.get("/signin")  # the CSRF cookie is set, as in a browser that visited before
        body = f"handle={m['handle']}&password={PASSWORD.replace(' ', '+')}"
        r = c.post("/signin", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
        assert not c.cookies.get("sb_session")
        r = c.post("/signin", content=body, headers={"content-type": "text/plain"})
        assert r.status_code == 403 and not c.cookies.get("sb_session")


def test_json_endpoints_take_only_json(server: Site) -> None:
    m = register(server.url)
    with server.client(timeout=20) as c:
        body = f'{{"handle": "{m["handle"]}", "password": "{PASSWORD}"}}'
        for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                     "application/json-patch+json", "application/jsonx"):
            r = c.post("/api/auth/login", content=body, headers={"content-type": kind})
            assert r.status_code == 415, (kind, r.text)
            assert "application/json" in r.json()["error"]["message"]
        r = c.post("/api/auth/login", content=body, headers={"content-type": "application/json; charset=utf-8"})
        assert r.status_code == 200


def test_every_unsafe_route_needs_the_token_with_a_session_cookie(server: Site) -> None:
    from server.views import routes

    values = {"slug": "healing-together", "id": "1", "handle": "someone", "kind": "support"}
    unsafe = [(method, route.path) for route in routes() for method in sorted(getattr(route, "methods", None) or ())
              if method in ("POST", "PATCH", "PUT", "DELETE")]
    assert len(unsafe) > 40
    c = browser_session(server.url)
    try:
        for method, path in unsafe:
            url = re.sub(r"{(\w+)}", lambda m: values[m.group(1)], path)
            if path.startswith("/api/"):
                r = c.request(method, url, json={})
            else:
                r = c.request(method, url, data={"x": "1"})
            assert r.status_code == 403, (method, path, r.status_code, r.text[:200])
            assert r.json()["error"]["code"] == "csrf_failed"
        # The session is still there: nothing above signed it out or changed it.
        assert c.get("/api/me").status_code == 200
    finally:
        c.close()
    # API clients with a bearer token stay exempt (a browser never attaches the header itself).
    m = register(server.url)
    with server.client(headers=m["headers"], timeout=20) as api:
        assert api.post("/api/notifications/read").status_code != 403
        r = api.post("/api/rooms/healing-together/threads", json={"title": "Bearer", "body": "No token needed"})
        assert r.status_code == 201


def _login(c: httpx.Client, handle: str, password: str, address: str) -> httpx.Response:
    # The test server trusts X-Forwarded-For from 127.0.0.1 (serve --forwarded-allow-ips default).
    return c.post("/api/auth/login", json={"handle": handle, "password": password},
                  headers={"x-forwarded-for": address})


def test_guessing_from_one_address_does_not_lock_the_owner_out(server: Site) -> None:
    m = register(server.url)
    a, b = f"10.1.{secrets.randbelow(250)}.{secrets.randbelow(250)}", "10.2.0.9"
    with server.client(timeout=30) as c:
        statuses = [_login(c, m["handle"], "wrong password!", a).status_code for _ in range(6)]
        assert statuses[:5] == [401] * 5 and statuses[5] == 429
        assert _login(c, m["handle"], m["password"], a).status_code == 429  # that pair is limited
        r = _login(c, m["handle"], m["password"], b)  # the owner, elsewhere: slowed, never refused
        assert r.status_code == 200 and r.json()["token"]


def test_unknown_and_existing_handles_answer_alike(server: Site) -> None:
    m = register(server.url)
    with server.client(timeout=30) as c:
        for i in range(6):
            known = _login(c, m["handle"], "wrong password!", f"10.3.0.{i}")
            ghost = _login(c, unique("ghost"), "wrong password!", f"10.3.0.{i}")
            assert (known.status_code, known.json()) == (ghost.status_code, ghost.json()) == (
                401, {"error": {"code": "bad_credentials", "message": "That handle and password don't match."}})


def test_delete_me_password_guesses_are_limited(server: Site) -> None:
    m = register(server.url)
    with server.client(headers=m["headers"], timeout=30) as c:
        statuses = [c.request("DELETE", "/api/me", json={"password": f"guess number {i}"}).status_code
                    for i in range(6)]
        assert statuses[:5] == [401] * 5 and statuses[5] == 429
        r = c.request("DELETE", "/api/me", json={"password": m["password"]})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert c.get("/api/me").status_code == 200  # still there
