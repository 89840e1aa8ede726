"""A search result as the API and the search page show it (one shape for both)."""
from __future__ import annotations

from typing import Any

from server import access
from server.auth import Viewer
from server.search.highlight import plain, to_html
from server.search.results import Hit
from server.serializers import iso, user_public


def hit(h: Hit, viewer: Viewer) -> dict[str, Any]:
    """``snippet_html`` is escaped text with ``<mark>`` around matches, nothing else.
    A post behind a content note keeps it: the page folds the snippet behind the note."""
    post, thread = h.post, h.post.thread
    data: dict[str, Any] = {
        "post_id": post.id, "thread_id": thread.id, "thread_title": access.title(thread, viewer),
        "room": {"slug": thread.room.slug, "name": thread.room.name},
        "author": user_public(post.author), "is_first": post.is_first,
        "created_at": iso(post.created_at), "edited_at": iso(post.edited_at),
        "url": f"/threads/{thread.id}#post-{post.id}" if not post.is_first else f"/threads/{thread.id}",
        "snippet": plain(h.snippet), "snippet_html": str(to_html(h.snippet)),
    }
    if post.content_note:
        data["content_note"] = post.content_note
    return data
