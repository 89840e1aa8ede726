"""Session lifetime, Secure cookies behind https, several workers."""
from __future__ import annotations

import re

from tests.support import LiveServer, register


def test_sessions_expire(make_server) -> None:
    server = make_server(SECUREBASE_SESSION_DAYS="0")
    m = register(server.url, agree=False)  # the login inside succeeds, but the session is already over
    r = server.get("/api/me", headers=m["headers"])
    assert r.status_code == 401


def test_cookie_is_secure_behind_https_proxy(server) -> None:
    m = register(server.url)
    with server.client(follow_redirects=False) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)
        r = c.post("/signin", data={"handle": m["handle"], "password": m["password"], "csrf_token": token},
                   headers={"x-forwarded-proto": "https", "origin": server.url.replace("http://", "https://", 1)})
        assert r.status_code == 303, r.text
        cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("sb_session="))
        assert "Secure" in cookie and "HttpOnly" in cookie


def test_two_workers_serve_one_site(server_env, tmp_path, site_template) -> None:
    server = LiveServer(tmp_path / "multi", env=dict(server_env), workers=2, template=site_template).start()
    try:
        m = register(server.url)
        with server.client(headers=m["headers"]) as c:
            made = {c.post("/api/rooms/healing-together/threads", json={"title": f"w{i}", "body": "b"}).json()["id"]
                    for i in range(20)}
            assert len(made) == 20
            assert all(c.get(f"/api/threads/{tid}").status_code == 200 for tid in made)
    finally:
        server.stop()
