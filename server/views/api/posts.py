"""JSON API: a thread with its replies; reply, edit, delete; the reply box's preview."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

import moderation
from server import members_only, reading, serializers
from server.actions import posts as actions
from server.actions.reactions import with_reactions
from server.auth import require_user
from server.validation import MAX_BODY, clean_text, json_body
from server.views.api import openapi
from server.views.common import json, path_int, services, viewer


async def get_thread(request: Request) -> JSONResponse:
    v = await viewer(request)
    members_only.require_reader(request, v)
    thread = await reading.access_thread(v, path_int(request, "id"))
    first = await reading.first_post(thread)
    page = await reading.list_replies(v, thread, request.query_params.get("cursor"),
                                      reading.page_size(request.query_params.get("limit")))
    await with_reactions([first, *page.items], v)
    return json({"thread": serializers.thread_with_first_post(thread, first, v),
                 "posts": [serializers.post(p, v) for p in page.items], "next_cursor": page.next_cursor})


async def reply(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"body", "content_note"}, {"body"})
    thread = await reading.access_thread(v, path_int(request, "id"))
    written = await actions.do_reply(services(request), v, thread, body=data["body"],
                                     note=data.get("content_note"))
    await with_reactions([written.post], v)
    body = serializers.post(written.post, v)
    body.update(serializers.decision_extras(written.decision, written.post.status, request, v,
                                            written.post.content_note))
    return json(body, 201)


async def edit(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    data = await json_body(request, {"body", "title", "content_note"}, {"body"})
    post = await actions.access_own_post(v, path_int(request, "id"))
    written = await actions.do_edit_post(services(request), v, post, body=data["body"], title=data.get("title"),
                                         note=data.get("content_note"))
    await with_reactions([written.post], v)
    body = serializers.post(written.post, v)
    body.update(serializers.decision_extras(written.decision, written.post.status, request, v,
                                            written.post.content_note))
    return json(body)


async def delete(request: Request) -> JSONResponse:
    v = await viewer(request)
    require_user(v)
    post = await actions.access_own_post(v, path_int(request, "id"))
    post = await actions.do_delete_post(post)
    await with_reactions([post], v)
    return json(serializers.post(post, v))


async def revisions(request: Request) -> JSONResponse:
    """Earlier texts of a post: for its author and for moderators."""
    v = await viewer(request)
    require_user(v)
    post = await reading.access_post_history(v, path_int(request, "id"))
    rows = await post.revisions.all().order_by("id")
    return json({"post_id": post.id, "revisions": [serializers.revision(r) for r in rows]})


# A preview is asked for as the member types (the page waits for a pause): a few a second
# at most, never a flood of renders.
PREVIEW_RATE = "60/minute"


async def preview(request: Request) -> JSONResponse:
    """What a reply or thread body will look like, by the one sanitizing renderer. Writes
    nothing and runs no screening: the text is only shown back to its writer."""
    user = require_user(await viewer(request))
    data = await json_body(request, {"body"}, {"body"})
    raw = data["body"]
    # An empty box previews as nothing; anything but text is refused as it would be on posting.
    body = clean_text(raw, "body", max_len=MAX_BODY, required=not isinstance(raw, str))
    await services(request).limiter.check(PREVIEW_RATE, f"preview:{user.id}",
                                          message="Previewing very quickly. Please wait a moment.")
    return json({"html": moderation.render_markdown(body) if body else ""})


openapi.register(
    ("post", "/api/preview", "Render Markdown as it would be posted (sanitized; nothing is stored)",
     {"body": "string"}, 200, True),
)

routes = [
    Route("/api/preview", preview, methods=["POST"]),
    Route("/api/threads/{id}", get_thread, methods=["GET"]),
    Route("/api/threads/{id}/posts", reply, methods=["POST"]),
    Route("/api/posts/{id}", edit, methods=["PATCH"]),
    Route("/api/posts/{id}", delete, methods=["DELETE"]),
    Route("/api/posts/{id}/revisions", revisions, methods=["GET"]),
]
