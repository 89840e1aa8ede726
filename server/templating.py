"""Jinja2 set-up: one environment, autoescaped, with what every page needs."""
from __future__ import annotations

from importlib import resources
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from server.actions.reports import REASON_LABELS
from server.auth import ANONYMOUS, Viewer
from server.help_view import call_link, help_view
from server.models.reactions import REACTION_KINDS
from server.serializers import thread_title
from server.static_files import static_url

templates = Jinja2Templates(directory=str(resources.files("frontend").joinpath("templates")))
templates.env.autoescape = True
# Templates ship with the code: compile each once per process instead of checking its file
# on every render (a server restart picks up a changed template).
templates.env.auto_reload = False
templates.env.globals["report_reasons"] = REASON_LABELS
templates.env.globals["thread_title"] = thread_title
templates.env.globals["reaction_kinds"] = REACTION_KINDS
templates.env.globals["static_url"] = static_url


def tel_href(phone: str) -> str:
    """'988, then press 1' → 'tel:988'; '+44 20 7946 0958' → 'tel:+442079460958'."""
    return call_link(phone)["href"]


templates.env.filters["tel"] = tel_href
templates.env.filters["help_view"] = help_view


def csrf_token(request: Request) -> str:
    return str(request.scope.get("securebase.csrf", ""))


def render(request: Request, name: str, context: dict[str, Any] | None = None, *,
           status_code: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    viewer: Viewer = request.scope.get("securebase.viewer") or ANONYMOUS
    ctx = {"viewer": viewer, "user": viewer.user, "csrf_token": csrf_token(request)}
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status_code, headers=headers)


def render_error_page(request: Request, status: int, message: str,
                      headers: dict[str, str] | None = None) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status, headers=headers)
