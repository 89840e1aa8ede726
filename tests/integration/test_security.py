"""Security headers, CSRF, cookie flags, sign-in throttling, XSS through the whole stack."""
from __future__ import annotations

import re
from pathlib import Path

from tests.support import register, unique

DATA = Path(__file__).resolve().parents[1] / "data"


def csrf_from(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no csrf field in the page"
    return m.group(1)


def test_security_headers_on_every_response(server) -> None:
    with server.client() as c:
        for path in ["/", "/api/rooms", "/rooms/anxious-attachment", "/nope", "/static/css/site.css", "/healthz"]:
            r = c.get(path)
            csp = r.headers["content-security-policy"]
            assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
            assert "object-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["referrer-policy"] == "same-origin"


def test_templates_have_no_inline_script_or_handlers(server) -> None:
    with server.client() as c:
        for path in ["/", "/rooms/anxious-attachment", "/signup", "/signin"]:
            html = c.get(path).text
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
            assert not re.search(r"\son[a-z]+\s*=", html), path


def test_signup_form_flow_sets_safe_cookie_and_csrf_enforced(server) -> None:
    with server.client(follow_redirects=False) as c:
        page = c.get("/signup")
        token = csrf_from(page.text)
        handle = unique("web")
        # Missing token: refused, nothing created.
        r = c.post("/signup", data={"handle": handle, "password": "a calm long password"})
        assert r.status_code == 403
        assert c.post("/api/auth/login", json={"handle": handle, "password": "a calm long password"}).status_code == 401
        # Wrong origin: refused even with the token.
        r = c.post("/signup", data={"handle": handle, "password": "a calm long password", "csrf_token": token},
                   headers={"origin": "https://evil.example"})
        assert r.status_code == 403
        r = c.post("/signup", data={"handle": handle, "password": "a calm long password", "csrf_token": token})
        assert r.status_code == 303, r.text
        cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("sb_session="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
        # Cookie-authenticated JSON writes need the CSRF header.
        r = c.post("/api/rooms/anxious-attachment/threads", json={"title": "x", "body": "y"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
        # A new member agrees to the community guidelines before posting.
        r = c.post("/api/rooms/anxious-attachment/threads", json={"title": "Cookie post", "body": "y"},
                   headers={"x-csrf-token": token})
        assert r.status_code == 403 and r.json()["error"]["code"] == "guidelines_not_agreed"
        assert c.post("/api/me/guidelines", json={"agree": True}, headers={"x-csrf-token": token}).status_code == 200
        r = c.post("/api/rooms/anxious-attachment/threads", json={"title": "Cookie post", "body": "y"},
                   headers={"x-csrf-token": token})
        assert r.status_code == 201
        # Sign out revokes the server-side session.
        session = c.cookies.get("sb_session")
        assert c.post("/signout", data={"csrf_token": token}).status_code == 303
        assert server.get("/api/me", cookies={"sb_session": session}).status_code == 401


def test_form_errors_shown_next_to_field(server) -> None:
    with server.client() as c:
        token = csrf_from(c.get("/signup").text)
        r = c.post("/signup", data={"handle": "x", "password": "a calm long password", "csrf_token": token})
        assert r.status_code == 422
        assert 'id="handle-error"' in r.text and 'aria-invalid="true"' in r.text
        assert "3 to 32 characters" in r.text


def test_login_throttled_per_handle_and_address(make_server) -> None:
    server = make_server(SECUREBASE_LOGIN_RATE="3/minute", SECUREBASE_LOGIN_ADDRESS_RATE="6/minute")
    m = register(server.url)
    with server.client() as c:
        for _ in range(3):
            assert c.post("/api/auth/login", json={"handle": m["handle"], "password": "wrong password!"}).status_code == 401
        r = c.post("/api/auth/login", json={"handle": m["handle"], "password": m["password"]})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["code"] == "rate_limited"
        # Per address: failures spread over other handles still add up.
        for _ in range(3):
            c.post("/api/auth/login", json={"handle": unique("ghost"), "password": "wrong password!"})
        r = c.post("/api/auth/login", json={"handle": unique("ghost"), "password": "wrong password!"})
        assert r.status_code == 429


def test_xss_corpus_through_posts(server) -> None:
    payloads = [line for line in (DATA / "xss.txt").read_text().splitlines() if line.strip()][:400]
    m = register(server.url)
    with server.client(headers=m["headers"], timeout=30) as c:
        t = c.post("/api/rooms/healing-together/threads", json={"title": "<script>alert(1)</script>",
                                                                "body": payloads[0]}).json()
        for p in payloads:
            r = c.post(f"/api/threads/{t['id']}/posts", json={"body": p})
            assert r.status_code in (201, 422), r.text
        page = c.get(f"/threads/{t['id']}").text
        assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        # All post bodies on the page: no live handlers, no javascript: URLs.
        bodies = "".join(re.findall(r'<div class="prose">(.*?)</div>\s*<div class="post-actions">', page, re.S))
        assert bodies
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", bodies, re.I)
        assert not re.search(r"(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):", bodies, re.I)
        assert "<script" not in bodies.lower() and "<iframe" not in bodies.lower()
