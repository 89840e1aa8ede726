"""All routes, gathered from the view modules."""
from __future__ import annotations

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    from server.views import health, pages
    from server.views.api import accounts, openapi, posts, rooms

    out: list[BaseRoute] = []
    for module in (health, openapi, accounts, rooms, posts, pages):
        out.extend(module.routes)
    return out
