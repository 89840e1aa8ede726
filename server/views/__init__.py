"""All routes, gathered from the view modules."""
from __future__ import annotations

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    from server.realtime import endpoint as realtime
    from server.views import health, pages, pages_admin, pages_care, pages_live, pages_mod, pages_recovery
    from server.views import pages_search as search_page
    from server.views import pages_welcome as welcome_pages
    from server.views.api import accounts, export, members, membership, openapi, posts, reactions, rooms
    from server.views.api import care as care_api
    from server.views.api import chat as chat_api
    from server.views.api import crisis as crisis_api
    from server.views.api import live as live_api
    from server.views.api import moderation as moderation_api
    from server.views.api import search as search_api

    out: list[BaseRoute] = [*search_api.routes, *search_page.routes]
    for module in (health, openapi, accounts, export, members, membership, rooms, posts, reactions, chat_api,
                   live_api, moderation_api, crisis_api, care_api, realtime, welcome_pages, pages_live,
                   pages_admin, pages_care, pages_mod, pages_recovery, pages):
        out.extend(module.routes)
    return out
