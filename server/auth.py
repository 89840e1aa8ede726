"""Sessions, the current user, and permission checks (one place per verb).

A session token is 32 random bytes; only its SHA-256 is stored, so a leaked
database does not hand out live sessions. Browsers carry the token in an
HttpOnly cookie, API clients in ``Authorization: Bearer``.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import HTTPConnection

from server.errors import Forbidden, Unauthenticated
from server.models.accounts import Session, User

SESSION_COOKIE = "sb_session"
CSRF_COOKIE = "sb_csrf"


def utcnow() -> datetime:
    return datetime.now(UTC)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Viewer:
    """Who is asking. ``user`` is None for anonymous visitors."""

    user: User | None
    session: Session | None = None
    via: str = "anonymous"  # anonymous | cookie | bearer
    # What one request has already looked up about this viewer (``access.reader_for``'s
    # blocks): a Viewer lives for one HTTP request (cached on its scope). Sockets keep
    # their own Reader and refresh it when blocks change.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_staff(self) -> bool:
        return self.user is not None and self.user.is_staff

    @property
    def is_admin(self) -> bool:
        return self.user is not None and self.user.is_admin


ANONYMOUS = Viewer(None)


async def create_session(user: User, *, kind: str, days: int) -> str:
    """Start a session and return the raw token (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    await Session.create(user=user, token_hash=hash_token(token), kind=kind,
                         expires_at=utcnow() + timedelta(days=days))
    return token


def account_blocked(user: User) -> bool:
    """A banned, suspended or deleted account cannot act at all."""
    if user.banned or user.deleted:
        return True
    return user.suspended_until is not None and user.suspended_until > utcnow()


async def session_for_token(token: str | None) -> Session | None:
    if not token or len(token) > 256:
        return None
    session = await Session.get_or_none(token_hash=hash_token(token)).select_related("user")
    if session is None:
        return None
    if session.expires_at <= utcnow():
        await session.delete()
        return None
    if session.user.banned or session.user.deleted:
        return None
    return session


def bearer_token(conn: HTTPConnection) -> str | None:
    header = conn.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


async def viewer_for(conn: HTTPConnection) -> Viewer:
    """Resolve (and cache on the connection) who is asking."""
    cached: Viewer | None = conn.scope.get("securebase.viewer")
    if cached is not None:
        return cached
    viewer = ANONYMOUS
    token = bearer_token(conn)
    via = "bearer"
    if token is None and conn.scope["type"] == "websocket":
        token = conn.query_params.get("token")
    if token is None:
        token, via = conn.cookies.get(SESSION_COOKIE), "cookie"
    session = await session_for_token(token)
    if session is not None:
        viewer = Viewer(session.user, session, via)
    conn.scope["securebase.viewer"] = viewer
    return viewer


async def revoke_all_sessions(user: User) -> None:
    await Session.filter(user_id=user.id).delete()


# --- permission checks: one function per verb ---------------------------------

def require_user(viewer: Viewer) -> User:
    if viewer.user is None:
        raise Unauthenticated()
    return viewer.user


def require_active(viewer: Viewer) -> User:
    """The viewer must be signed in and allowed to write anywhere."""
    user = require_user(viewer)
    if user.banned:
        raise Forbidden("This account has been banned.", code="banned")
    if user.suspended_until is not None and user.suspended_until > utcnow():
        until = user.suspended_until.strftime("%Y-%m-%d %H:%M UTC")
        raise Forbidden(f"Your account is suspended until {until}.", code="suspended")
    return user


WELCOME_PATH = "/welcome"
NOT_AGREED = ("Please read and agree to the community guidelines before you post. "
              f"It takes a minute: {WELCOME_PATH}")


def has_agreed(user: User) -> bool:
    """Whether the member agreed to the community guidelines (staff are held to them by their role)."""
    return user.guidelines_agreed_at is not None or user.is_staff


def require_agreed(user: User) -> User:
    """Posting (threads, replies, chat) waits until the member agreed to the guidelines.
    Reports, RSVPs and answers to a moderator's check-in never wait."""
    if not has_agreed(user):
        raise Forbidden(NOT_AGREED, code="guidelines_not_agreed")
    return user


def require_staff(viewer: Viewer) -> User:
    """Staff powers end the moment a staff account is suspended or banned."""
    user = require_user(viewer)
    if not user.is_staff:
        raise Forbidden()
    if account_blocked(user):
        raise Forbidden("A suspended or banned account has no staff powers.", code="staff_suspended")
    return user


def require_admin(viewer: Viewer) -> User:
    user = require_staff(viewer)
    if not user.is_admin:
        raise Forbidden()
    return user


def can_edit_post(viewer: Viewer, author_id: int | None) -> bool:
    return viewer.user is not None and author_id is not None and viewer.user.id == author_id
