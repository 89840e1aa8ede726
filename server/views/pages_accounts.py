"""Pages: sign up, sign in, sign out, profile and settings."""
from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import moderation
from server import access, passwords, serializers
from server.actions import accounts as actions
from server.actions import members, recovery
from server.auth import WELCOME_PATH, require_user
from server.errors import AppError, NotFound
from server.models.accounts import User
from server.models.posts import Post
from server.templating import render
from server.views.codes_handoff import CODES_PATH, hand_off_codes
from server.views.common import client_address, services, viewer
from server.views.cookies import clear_session_cookie, set_session_cookie
from server.views.forms import field_errors, form_data


def safe_next(target: str | None) -> str:
    """Only same-site relative paths: no open redirects."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


async def signup(request: Request) -> Response:
    await viewer(request)
    if request.method == "GET":
        return render(request, "signup.html", {"form": {}, "errors": {}})
    form = await form_data(request)
    try:
        _, codes = await recovery.do_sign_up(services(request), handle=form.get("handle"),
                                             password=form.get("password"), email=form.get("email"),
                                             address=client_address(request))
        user, token = await actions.do_login(services(request), handle=form.get("handle"),
                                             password=form.get("password"),
                                             address=client_address(request), kind="cookie")
    except AppError as exc:
        form.pop("password", None)
        return render(request, "signup.html", {"form": form, "errors": field_errors(exc)},
                      status_code=exc.status, headers=exc.headers)
    # Next: the recovery codes, shown once; the welcome (guidelines, rooms to follow); then where
    # the member was going.
    welcome = f"{WELCOME_PATH}?{urlencode({'next': safe_next(request.query_params.get('next'))})}"
    response = RedirectResponse(f"{CODES_PATH}?{urlencode({'next': welcome})}", status_code=303)
    set_session_cookie(request, response, token)
    hand_off_codes(request, response, user, codes)
    return response


async def signin(request: Request) -> Response:
    await viewer(request)
    next_url = safe_next(request.query_params.get("next"))
    if request.method == "GET":
        return render(request, "signin.html", {"form": {}, "errors": {}, "next": next_url})
    form = await form_data(request)
    try:
        _, token = await actions.do_login(services(request), handle=form.get("handle"),
                                          password=form.get("password"), address=client_address(request),
                                          kind="cookie")
    except AppError as exc:
        form.pop("password", None)
        return render(request, "signin.html", {"form": form, "errors": field_errors(exc), "next": next_url},
                      status_code=exc.status, headers=exc.headers)
    response = RedirectResponse(next_url, status_code=303)
    set_session_cookie(request, response, token)
    return response


async def signout(request: Request) -> Response:
    v = await viewer(request)
    await actions.do_logout(v.session, services(request))
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(request, response)
    return response


async def profile(request: Request) -> Response:
    v = await viewer(request)
    key = passwords.handle_key(request.path_params["handle"])
    user = await User.get_or_none(handle_lower=key, deleted=False) if key else None
    if user is None:
        raise NotFound("We couldn't find that member.")
    # Post history is for members only, whatever SECUREBASE_PUBLIC_READ says: it can out someone.
    posts = await Post.filter(author_id=user.id).filter(access.history_q(await access.reader_for(v))) \
        .order_by("-id").limit(20).prefetch_related("thread") if access.may_read_history(v) else []
    blocked = await members.is_blocked(v, user)
    return render(request, "profile.html", {"member": user, "bio_html": moderation.render_markdown(user.bio),
                                            "posts": posts, "blocked": blocked})


SETTINGS_NOTICES = {
    "recovered": "Your password is reset and every other session was signed out. Each recovery code works "
                 "once: if you're running low, make a new set below.",
    "password": "Your password is changed. Every other session was signed out.",
}


async def settings_context(user: User, *, errors: dict[str, str] | None = None,
                           notice: str | None = None) -> dict[str, object]:
    """What the settings page needs; forms other than the profile pass their errors."""
    return {"form": serializers.user_private(user), "errors": errors or {}, "saved": False, "notice": notice,
            "countries": moderation.SUPPORTED_COUNTRIES, "codes_left": await recovery.codes_left(user)}


async def settings_page(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin?next=/settings", status_code=303)
    user = require_user(v)
    ctx = await settings_context(user, notice=SETTINGS_NOTICES.get(request.query_params.get("done") or ""))
    if request.method == "GET":
        return render(request, "settings.html", ctx)
    form = await form_data(request)
    try:
        await actions.do_update_profile(user, bio=form.get("bio", ""), country=form.get("country", ""),
                                        email=form.get("email", ""))
    except AppError as exc:
        ctx.update(form=form, errors=field_errors(exc))
        return render(request, "settings.html", ctx, status_code=exc.status)
    ctx.update(form=serializers.user_private(user), saved=True)
    return render(request, "settings.html", ctx)


async def delete_account(request: Request) -> Response:
    v = await viewer(request)
    user = require_user(v)
    form = await form_data(request)
    try:
        await actions.do_delete_account(services(request), user, form.get("password", ""), client_address(request))
    except AppError as exc:
        ctx = await settings_context(user, errors={"delete_password": exc.message})
        return render(request, "settings.html", ctx, status_code=exc.status)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(request, response)
    return response


routes = [
    Route("/signup", signup, methods=["GET", "POST"]),
    Route("/signin", signin, methods=["GET", "POST"]),
    Route("/signout", signout, methods=["POST"]),
    Route("/settings", settings_page, methods=["GET", "POST"]),
    Route("/settings/delete", delete_account, methods=["POST"]),
    Route("/u/{handle}", profile),
]
