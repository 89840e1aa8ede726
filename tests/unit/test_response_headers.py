"""500 answers carry the security headers (Starlette sends them outside every middleware)."""
from __future__ import annotations

from starlette.requests import Request

from server.access_log import route_template
from server.app import server_error
from server.middleware import SECURITY_HEADERS


def _request(path: str) -> Request:
    return Request({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": [],
                    "scheme": "http", "server": ("testserver", 80), "root_path": ""})


async def test_server_error_answer_has_security_headers_and_no_store() -> None:
    response = await server_error(_request("/api/boom"), RuntimeError("boom"))
    assert response.status_code == 500
    for key, value in SECURITY_HEADERS.items():
        assert response.headers[key] == value
    assert response.headers["cache-control"] == "no-store"
    assert b"boom" not in response.body


def test_route_template_never_the_real_path() -> None:
    from starlette.routing import Mount, Route

    assert route_template({"route": Route("/threads/{id}", lambda r: None)}) == "/threads/{id}"
    assert route_template({"route": Mount("/static", app=lambda s, r, w: None)}) == "/static/{path}"
    assert route_template({}) == "-"
