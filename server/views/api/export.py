"""JSON API: "Download my data" as a JSON file, or the same read as Markdown."""
from __future__ import annotations

import json as jsonlib

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import export_format
from server.actions.export import do_export
from server.auth import require_user, utcnow
from server.views.api import openapi
from server.views.common import services, viewer


def _attachment(user_handle: str, extension: str) -> dict[str, str]:
    # Handles are ASCII letters, digits, _ and -: safe in a header as they are.
    name = f"securebase-{user_handle}-{utcnow():%Y-%m-%d}.{extension}"
    return {"content-disposition": f'attachment; filename="{name}"'}


async def export_json(request: Request) -> Response:
    user = require_user(await viewer(request))
    data = export_format.export_json(await do_export(services(request), user))
    body = jsonlib.dumps(data, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json", headers=_attachment(user.handle, "json"))


async def export_markdown(request: Request) -> Response:
    user = require_user(await viewer(request))
    data = export_format.export_json(await do_export(services(request), user))
    return Response(export_format.export_markdown(data), media_type="text/markdown; charset=utf-8",
                    headers=_attachment(user.handle, "md"))


openapi.register(
    ("get", "/api/me/export", "Download my data: everything you wrote and chose, as a JSON file", None, 200, True),
    ("get", "/api/me/export.md", "The same export as a readable Markdown file", None, 200, True),
)

routes = [
    Route("/api/me/export", export_json, methods=["GET"]),
    Route("/api/me/export.md", export_markdown, methods=["GET"]),
]
