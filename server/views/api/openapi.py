"""The OpenAPI document at /openapi.json, built from one table of operations."""
from __future__ import annotations

from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ERROR = {"$ref": "#/components/schemas/Error"}
SIGNED_IN: list[dict[str, list[str]]] = [{"bearer": []}, {"cookie": []}]

# Who may call an operation: False anyone, True a signed-in member, READER what members wrote
# (a signed-in member, or anyone when SECUREBASE_PUBLIC_READ is on: see server/members_only.py).
READER: Literal["reader"] = "reader"
Auth = bool | Literal["reader"]
Operation = tuple[str, str, str, dict[str, Any] | None, int, Auth]

# (method, path, summary, request body schema or None, success status, auth)
OPERATIONS: list[Operation] = [
    ("post", "/api/auth/register", "Create an account", {"handle": "string", "password": "string",
                                                         "email": "string?"}, 201, False),
    ("post", "/api/auth/login", "Sign in; returns a bearer token", {"handle": "string", "password": "string"},
     200, False),
    ("post", "/api/auth/logout", "Revoke the current session", None, 204, True),
    ("post", "/api/ws-ticket", "A one-time ticket (30 s) for opening a websocket with ?ticket= instead of a token "
     "in the URL", None, 201, True),
    ("get", "/api/me", "The signed-in account", None, 200, True),
    ("patch", "/api/me", "Update bio, country or email", {"bio": "string?", "country": "string?",
                                                           "email": "string?"}, 200, True),
    ("delete", "/api/me", "Delete the account (anonymizes what it wrote)", {"password": "string"}, 204, True),
    ("get", "/api/rooms", "List rooms", None, 200, False),
    ("post", "/api/rooms", "Create a room (admin)", {"slug": "string", "name": "string",
                                                     "description": "string?", "guidelines": "string?"}, 201, True),
    ("get", "/api/rooms/{slug}", "One room", None, 200, False),
    ("patch", "/api/rooms/{slug}", "Edit or archive a room (admin)", {"name": "string?", "description": "string?",
                                                                       "guidelines": "string?", "archived": "boolean?",
                                                                       "premoderate_new": "boolean?",
                                                                       "report_threshold": "integer?",
                                                                       "crisis_hold": "string?"}, 200, True),
    ("get", "/api/rooms/{slug}/threads", "Threads, newest activity first (?cursor=, ?limit=)", None, 200, READER),
    ("post", "/api/rooms/{slug}/threads", "Start a thread", {"title": "string", "body": "string",
                                                           "content_note": "string?"}, 201, True),
    ("get", "/api/threads/{id}", "A thread and a page of replies, oldest first (?cursor=)", None, 200, READER),
    ("post", "/api/threads/{id}/posts", "Reply to a thread", {"body": "string", "content_note": "string?"}, 201, True),
    ("patch", "/api/posts/{id}", "Edit your post (history kept)", {"body": "string", "title": "string?",
                                                                          "content_note": "string?"}, 200, True),
    ("delete", "/api/posts/{id}", "Delete your post (shown as deleted)", None, 200, True),
    ("get", "/api/posts/{id}/revisions", "Earlier texts of an edited post (author or staff)", None, 200, True),
]

EXTRA_OPERATIONS: list[Operation] = []


def register(*ops: Operation) -> None:
    """Other API modules add their operations here at import time."""
    EXTRA_OPERATIONS.extend(ops)


def _schema(fields: dict[str, str]) -> dict[str, Any]:
    props, required = {}, []
    for name, kind in fields.items():
        optional = kind.endswith("?")
        props[name] = {"type": kind.rstrip("?")}
        if not optional:
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def _security(auth: Auth, public_read: bool) -> list[dict[str, list[str]]] | None:
    """The operation's security requirement: None for anyone, an empty alternative when optional."""
    if auth is True or (auth == READER and not public_read):
        return SIGNED_IN
    if auth == READER:
        return [{}, *SIGNED_IN]  # anyone may read; a signed-in member may also see their own held posts
    return None


def document(public_read: bool = False) -> dict[str, Any]:
    """The API as this server answers it: member-content reads need sign-in unless ``public_read``."""
    paths: dict[str, dict[str, Any]] = {}
    for method, path, summary, body, status, auth in OPERATIONS + EXTRA_OPERATIONS:
        responses: dict[str, Any] = {str(status): {"description": "Success"}}
        security = _security(auth, public_read)
        if security == SIGNED_IN:
            responses["401"] = {"description": "Not signed in", "content": {"application/json": {"schema": ERROR}}}
        responses["4XX"] = {"description": "A client error", "content": {"application/json": {"schema": ERROR}}}
        op: dict[str, Any] = {"summary": summary, "responses": responses}
        params = [p.strip("{}") for p in path.split("/") if p.startswith("{")]
        if params:
            op["parameters"] = [{"name": p, "in": "path", "required": True,
                                 "schema": {"type": "integer" if p == "id" else "string"}} for p in params]
        if body is not None:
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": _schema(body)}}}
        if security is not None:
            op["security"] = security
        paths.setdefault(path, {})[method] = op
    return {
        "openapi": "3.1.0",
        "info": {"title": "SecureBase API", "version": "1"},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                "cookie": {"type": "apiKey", "in": "cookie", "name": "sb_session"}},
            "schemas": {"Error": {"type": "object", "properties": {"error": {
                "type": "object", "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}},
        },
    }


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(document(request.app.state.services.settings.public_read))


routes = [Route("/openapi.json", openapi)]
