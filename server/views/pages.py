"""Pages: home, rooms, threads, replies. Parse → call one action → render."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server import care, members_only, reading, serializers
from server import home as home_reads
from server.actions import live, membership
from server.actions import posts as actions
from server.actions.reactions import with_reactions
from server.actions.screening import help_for_user
from server.auth import Viewer, has_agreed, utcnow
from server.errors import AppError
from server.help_view import help_view
from server.templating import render
from server.views import pages_accounts
from server.views.common import path_int, services, viewer
from server.views.forms import field_errors, form_data
from server.views.pages_welcome import welcome_url


async def home(request: Request) -> Response:
    v = await viewer(request)
    page = await home_reads.home_for(v, utcnow())
    return render(request, "home.html", {"home": page, "rooms": [e.room for e in page.rooms],
                                         "sessions": await live.list_sessions(v)})


def welcome_first(v: Viewer, next_url: str) -> Response | None:
    """A member who has not agreed to the guidelines goes to the welcome page before posting."""
    if v.user is not None and not has_agreed(v.user):
        return RedirectResponse(welcome_url(next_url), status_code=303)
    return None


async def room_page(request: Request, *, form: dict[str, Any] | None = None, errors: dict[str, Any] | None = None,
                    status_code: int = 200, headers: dict[str, Any] | None = None) -> Response:
    v = await viewer(request)
    if not members_only.may_read(request, v):
        return members_only.sign_in_redirect(request)
    room = await reading.access_room(request.path_params["slug"])
    page = await reading.list_threads(v, room, request.query_params.get("cursor"))
    chat_help = help_view(help_for_user(v.user, request.headers.get("accept-language"))) if v.user else None
    unread = await home_reads.unread_threads(v, page.items)
    following = v.user is not None and room.id in await home_reads.followed_room_ids(v.user.id)
    if following and request.method == "GET" and not request.query_params.get("cursor"):
        await membership.do_mark_room_visited(v, room)
    return render(request, "room.html", {"room": room, "threads": page.items, "next_cursor": page.next_cursor,
                                         "form": form or {}, "errors": errors or {}, "chat_help": chat_help,
                                         "sessions": await live.list_sessions(v, room), "unread_threads": unread,
                                         "following": following,
                                         "agreed": v.user is not None and has_agreed(v.user)},
                  status_code=status_code, headers=headers)


async def room_view(request: Request) -> Response:
    return await room_page(request)


async def new_thread(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse(f"/signin?next=/rooms/{request.path_params['slug']}", status_code=303)
    if (first := welcome_first(v, f"/rooms/{request.path_params['slug']}")) is not None:
        return first
    form = await form_data(request)
    try:
        room = await reading.access_room(request.path_params["slug"])
        written = await actions.do_create_thread(services(request), v, room, title=form.get("title"),
                                                 body=form.get("body"), note=form.get("content_note"))
    except AppError as exc:
        return await room_page(request, form=form, errors=field_errors(exc), status_code=exc.status,
                               headers=exc.headers)
    return after_write(request, written, f"/threads/{written.thread.id}")


def after_write(request: Request, written: actions.Written, url: str) -> Response:
    """Go to the new content; if the writer must see help, a hold notice or the offer of a
    content note, show that first (the help stays on the post's page too)."""
    extras = serializers.decision_extras(written.decision, written.post.status, request,
                                         request.scope["securebase.viewer"], written.post.content_note)
    if "help" in extras or extras["status"] != "visible" or "content_note_offer" in extras:
        return render(request, "held.html", {"extras": extras, "continue_url": url, "post": written.post},
                      status_code=201)
    return RedirectResponse(url, status_code=303)


async def thread_page(request: Request, *, form: dict[str, Any] | None = None, errors: dict[str, Any] | None = None,
                      status_code: int = 200, headers: dict[str, Any] | None = None) -> Response:
    v = await viewer(request)
    if not members_only.may_read(request, v):
        return members_only.sign_in_redirect(request)
    thread = await reading.access_thread(v, path_int(request, "id"))
    first = await reading.first_post(thread)
    page = await reading.list_replies(v, thread, request.query_params.get("cursor"))
    cares = await care.for_own_posts(v, [first, *page.items])
    await with_reactions([first, *page.items], v)
    shown = [serializers.post(first, v), *(serializers.post(p, v) for p in page.items)]
    for data in shown:
        if data["id"] in cares:
            data["care"] = cares[data["id"]]
    needs_help = any(c.crisis for c in cares.values())
    if request.method == "GET":
        await membership.do_mark_thread_read(v, thread)
    return render(request, "thread.html", {
        "thread": thread, "room": thread.room, "first": shown[0], "posts": shown[1:],
        "next_cursor": page.next_cursor, "form": form or {}, "errors": errors or {},
        "help": help_view(help_for_user(v.user, request.headers.get("accept-language"))) if needs_help else None,
        # Peers answering someone who wrote about suicide or self-harm see a short guide (#chatsafe).
        "agreed": v.user is not None and has_agreed(v.user),
        "peer_guide": any(d.get("content_note") and d["status"] == "visible" and not (
            v.user and d["author"]["id"] == v.user.id) for d in shown),
    }, status_code=status_code, headers=headers)


async def thread_view(request: Request) -> Response:
    return await thread_page(request)


async def reply(request: Request) -> Response:
    v = await viewer(request)
    thread_id = path_int(request, "id")
    if v.user is None:
        return RedirectResponse(f"/signin?next=/threads/{thread_id}", status_code=303)
    if (first := welcome_first(v, f"/threads/{thread_id}")) is not None:
        return first
    form = await form_data(request)
    try:
        thread = await reading.access_thread(v, thread_id)
        written = await actions.do_reply(services(request), v, thread, body=form.get("body"),
                                         note=form.get("content_note"))
    except AppError as exc:
        return await thread_page(request, form=form, errors=field_errors(exc), status_code=exc.status,
                                 headers=exc.headers)
    return after_write(request, written, f"/threads/{thread_id}#post-{written.post.id}")


async def edit_post(request: Request) -> Response:
    v = await viewer(request)
    post = await actions.access_own_post(v, path_int(request, "id"))
    ctx = {"post": post, "form": {"body": post.body, "title": post.thread.title,
                                  "content_note": post.content_note or ""}, "errors": {}}
    if request.method == "GET":
        return render(request, "edit_post.html", ctx)
    form = await form_data(request)
    try:
        written = await actions.do_edit_post(services(request), v, post, body=form.get("body"),
                                             title=form.get("title") if post.is_first else None,
                                             note=form.get("content_note", ""))
    except AppError as exc:
        ctx.update(form=form, errors=field_errors(exc))
        return render(request, "edit_post.html", ctx, status_code=exc.status, headers=exc.headers)
    return after_write(request, written, f"/threads/{post.thread_id}#post-{post.id}")


async def delete_post(request: Request) -> Response:
    v = await viewer(request)
    post = await actions.access_own_post(v, path_int(request, "id"))
    await actions.do_delete_post(post)
    return RedirectResponse(f"/threads/{post.thread_id}#post-{post.id}", status_code=303)


routes = [
    Route("/", home),
    Route("/robots.txt", members_only.robots_txt, methods=["GET"]),
    Route("/rooms/{slug}", room_view, methods=["GET"]),
    Route("/rooms/{slug}/threads", new_thread, methods=["POST"]),
    Route("/threads/{id}", thread_view, methods=["GET"]),
    Route("/threads/{id}/reply", reply, methods=["POST"]),
    Route("/posts/{id}/edit", edit_post, methods=["GET", "POST"]),
    Route("/posts/{id}/delete", delete_post, methods=["POST"]),
    *pages_accounts.routes,
]
