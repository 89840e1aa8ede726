"""Handing freshly made recovery codes to the page that shows them, without keeping them.

A form that makes codes (sign-up, a new set) answers with a redirect to ``/recovery-codes``
and hands the codes over in a short-lived cookie, signed with the site key, bound to the
member and scoped to that one path; the page shows them and clears the cookie. So the
server keeps only the hashes, a reload does not show the codes again, and the sign-up
form still answers with a redirect.
"""
from __future__ import annotations

import hashlib
import hmac

from starlette.requests import Request
from starlette.responses import Response

from server import passwords
from server.models.accounts import User
from server.views.cookies import is_secure

CODES_COOKIE = "sb_new_codes"
CODES_PATH = "/recovery-codes"
CODES_SECONDS = 600


def _signature(request: Request, user_id: int, joined: str) -> str:
    key = request.app.state.settings.secret_key.encode()
    return hmac.new(key, f"recovery-codes:{user_id}:{joined}".encode(), hashlib.sha256).hexdigest()


def hand_off_codes(request: Request, response: Response, user: User, codes: list[str]) -> None:
    """Put ``codes`` in the one-time cookie the codes page reads."""
    joined = ".".join(passwords.normalize_code(c) or "" for c in codes)
    value = f"{user.id}:{joined}:{_signature(request, user.id, joined)}"
    response.set_cookie(CODES_COOKIE, value, max_age=CODES_SECONDS, path=CODES_PATH, httponly=True,
                        samesite="strict", secure=is_secure(request))


def codes_from_cookie(request: Request, user: User) -> list[str]:
    user_id, _, rest = (request.cookies.get(CODES_COOKIE) or "").partition(":")
    joined, _, signature = rest.partition(":")
    joined = joined.encode("utf-8", "replace").decode("utf-8")  # a forged cookie may hold anything
    if user_id != str(user.id) or not hmac.compare_digest(
            signature.encode("utf-8", "replace"), _signature(request, user.id, joined).encode()):
        return []
    canonical = [c for c in joined.split(".") if passwords.normalize_code(c) == c]
    return ["-".join(c[i:i + 4] for i in range(0, len(c), 4)) for c in canonical]


def clear_codes_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(CODES_COOKIE, path=CODES_PATH, httponly=True, samesite="strict",
                           secure=is_secure(request))
