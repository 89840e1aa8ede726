"""/openapi.json says which operations need a signed-in member, and the server answers as it says.

Member-content reads (a room's threads, a thread) need sign-in unless SECUREBASE_PUBLIC_READ is on;
the document is built from the running server's setting, so it cannot promise a public read that
answers 401, nor hide a sign-in requirement.
"""
from __future__ import annotations

import re
from typing import Any

from tests.integration.test_members_only import ROOM, members_only_site
from tests.support import client_for

READS = [("get", "/api/rooms/{slug}/threads"), ("get", "/api/threads/{id}")]
SIGNED_IN = [{"bearer": []}, {"cookie": []}]


def _fill(path: str, thread_id: int) -> str:
    return re.sub(r"{(\w+)}", lambda m: {"slug": ROOM, "id": str(thread_id)}.get(m[1], "someone"), path)


def _signed_out_gets(url: str, doc: dict[str, Any], thread_id: int) -> dict[str, tuple[bool, int]]:
    """path → (documented as needing sign-in, status a signed-out GET gets)."""
    answers = {}
    with client_for(url, timeout=20) as anon:
        for path, ops in doc["paths"].items():
            if "get" in ops:
                op = ops["get"]
                answers[path] = (op.get("security") == SIGNED_IN, anon.get(_fill(path, thread_id)).status_code)
    return answers


def test_members_only_reads_are_documented_as_needing_sign_in(make_server) -> None:
    server, _member, thread = members_only_site(make_server)
    doc = server.get("/openapi.json").json()
    for method, path in READS:
        op = doc["paths"][path][method]
        assert op["security"] == SIGNED_IN, path
        assert op["responses"]["401"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "security" not in doc["paths"]["/api/rooms"]["get"]  # the room list stays public
    answers = _signed_out_gets(server.url, doc, thread["id"])
    assert {p: s for p, (secured, s) in answers.items() if secured and s != 401} == {}
    assert {p: s for p, (secured, s) in answers.items() if not secured and s == 401} == {}


def test_public_read_documents_member_content_reads_as_open(server) -> None:
    """The shared test server runs with SECUREBASE_PUBLIC_READ=1."""
    member_doc = server.get("/openapi.json").json()
    for method, path in READS:
        op = member_doc["paths"][path][method]
        assert op["security"] == [{}, *SIGNED_IN] and "401" not in op["responses"], path
    assert member_doc["paths"]["/api/me"]["get"]["security"] == SIGNED_IN  # always needs sign-in
    with server.client(timeout=20) as anon:
        assert anon.get(f"/api/rooms/{ROOM}/threads").status_code == 200
