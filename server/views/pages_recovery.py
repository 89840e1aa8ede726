"""Pages: forgot password (recovery code), change password, new recovery codes, the codes page.

Codes are shown on one page, once (``server.views.codes_handoff`` says how they get there).
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from server.actions import recovery
from server.auth import require_user
from server.errors import AppError
from server.templating import render
from server.views.codes_handoff import CODES_PATH, clear_codes_cookie, codes_from_cookie, hand_off_codes
from server.views.common import client_address, services, viewer
from server.views.cookies import set_session_cookie
from server.views.forms import field_errors, form_data
from server.views.pages_accounts import safe_next, settings_context


async def codes_page(request: Request) -> Response:
    v = await viewer(request)
    if v.user is None:
        return RedirectResponse("/signin?next=/settings", status_code=303)
    codes = codes_from_cookie(request, v.user)
    text = "SecureBase recovery codes for " + v.user.handle + "\nEach code works once.\n\n" + "\n".join(codes) + "\n"
    response = render(request, "recovery_codes.html", {"codes": codes, "download": text,
                                                       "next": safe_next(request.query_params.get("next"))})
    clear_codes_cookie(request, response)
    return response


async def recover_page(request: Request) -> Response:
    await viewer(request)
    if request.method == "GET":
        return render(request, "recover.html", {"form": {}, "errors": {}})
    form = await form_data(request)
    try:
        _, token, _left = await recovery.do_recover(services(request), handle=form.get("handle"),
                                                    code=form.get("code"), new_password=form.get("new_password"),
                                                    address=client_address(request), kind="cookie")
    except AppError as exc:
        form.pop("new_password", None)
        form.pop("code", None)
        return render(request, "recover.html", {"form": form, "errors": field_errors(exc)},
                      status_code=exc.status, headers=exc.headers)
    response = RedirectResponse("/settings?done=recovered", status_code=303)
    set_session_cookie(request, response, token)
    return response


def _renamed(exc: AppError, field: str) -> dict[str, str]:
    """Errors about "password" belong to this form's own password field."""
    errors = field_errors(exc)
    if "password" in errors:
        errors[field] = errors.pop("password")
    return errors


async def change_password(request: Request) -> Response:
    v = await viewer(request)
    user = require_user(v)
    form = await form_data(request)
    try:
        await recovery.do_change_password(services(request), user, v.session,
                                          current_password=form.get("current_password"),
                                          new_password=form.get("new_password"), address=client_address(request))
    except AppError as exc:
        ctx = await settings_context(user, errors=_renamed(exc, "current_password"))
        return render(request, "settings.html", ctx, status_code=exc.status, headers=exc.headers)
    return RedirectResponse("/settings?done=password", status_code=303)


async def new_codes(request: Request) -> Response:
    v = await viewer(request)
    user = require_user(v)
    form = await form_data(request)
    try:
        codes = await recovery.do_regenerate_codes(services(request), user, form.get("password"),
                                                   client_address(request))
    except AppError as exc:
        ctx = await settings_context(user, errors=_renamed(exc, "codes_password"))
        return render(request, "settings.html", ctx, status_code=exc.status, headers=exc.headers)
    response = RedirectResponse(CODES_PATH + "?next=/settings", status_code=303)
    hand_off_codes(request, response, user, codes)
    return response


routes = [
    Route("/recover", recover_page, methods=["GET", "POST"]),
    Route(CODES_PATH, codes_page, methods=["GET"]),
    Route("/settings/password", change_password, methods=["POST"]),
    Route("/settings/recovery-codes", new_codes, methods=["POST"]),
]
