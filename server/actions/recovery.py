"""Account recovery without email: one-time recovery codes, password change and reset.

A member gets ten codes at sign-up (shown once; only argon2 hashes are stored). With
their handle, one unused code and a new password they can reset a forgotten password;
the code is spent and every other session ends. A signed-in member can change their
password (other sessions end) and make a fresh set of codes (the old ones stop working).
Codes and passwords are never logged.
"""
from __future__ import annotations

import asyncio
import logging

from tortoise.transactions import in_transaction

from server import passwords
from server.actions.accounts import (
    TOO_MANY,
    _counter_rate,
    _slow_down,
    check_password_throttled,
    do_register,
)
from server.actions.context import Services
from server.auth import create_session, utcnow
from server.db import column
from server.errors import Forbidden, Invalid, Unauthenticated
from server.events import Event, EventBuffer, user_channel
from server.models.accounts import RecoveryCode, Session, User
from server.realtime import frames
from server.realtime.frames import CLOSE_SIGNED_OUT

log = logging.getLogger("securebase.recovery")

# One answer for an unknown handle, a malformed code, a used code and a wrong one.
BAD_RECOVERY = "That handle and recovery code don't match."


def _hash_all(codes: list[str]) -> list[str]:
    return [passwords.hash_code(code) for code in codes]


def _find_match(hashes: list[str], canonical: str | None) -> int | None:
    """The index of the hash ``canonical`` matches, or None. Always checks as many hashes as
    a full set (dummies for the rest), so timing says nothing about the handle or its codes."""
    found = None
    candidate = canonical or "0" * passwords.CODE_LENGTH
    padded = hashes + [passwords.DUMMY_CODE_HASH] * max(0, passwords.RECOVERY_CODE_COUNT - len(hashes))
    for index, stored in enumerate(padded):
        if passwords.verify_code(stored, candidate) and index < len(hashes) and canonical is not None:
            found = index if found is None else found
    return found


async def issue_codes(user: User) -> list[str]:
    """Replace the member's codes with a fresh set and return them (the only time they exist in clear)."""
    codes = passwords.new_recovery_codes()
    hashes = await asyncio.to_thread(_hash_all, codes)  # ten hashes: keep the event loop free
    async with in_transaction():
        await RecoveryCode.filter(user_id=user.id).delete()
        await RecoveryCode.bulk_create([RecoveryCode(user_id=user.id, code_hash=h) for h in hashes])
    log.info("recovery codes issued id=%s", user.id)
    return codes


async def codes_left(user: User) -> int:
    return await RecoveryCode.filter(user_id=user.id, used_at=None).count()


async def do_sign_up(svc: Services, *, handle: object, password: object, email: object,
                     address: str) -> tuple[User, list[str]]:
    """Register a member and give them their recovery codes."""
    user = await do_register(svc, handle=handle, password=password, email=email, address=address)
    return user, await issue_codes(user)


async def do_regenerate_codes(svc: Services, user: User, password: object, address: str) -> list[str]:
    """A fresh set of codes for a signed-in member who knows their password (limited like sign-in)."""
    await check_password_throttled(svc, user, password, address)
    return await issue_codes(user)


def _new_password(value: object, handle: str | None, field: str = "new_password") -> str:
    error = passwords.password_error(value, handle)
    if error:
        raise Invalid(error, code="weak_password", field=field)
    assert isinstance(value, str)
    return value


async def _end_sessions(user: User, keep: int | None, reason: str) -> EventBuffer:
    """Delete the member's sessions except ``keep``; the buffer closes their live sockets.

    Call inside a transaction, flush the buffer after it commits.
    """
    query = Session.filter(user_id=user.id)
    if keep is not None:
        query = query.exclude(id=keep)
    ended: list[int] = await column(query, "id")
    if ended:
        await Session.filter(id__in=ended).delete()
    return EventBuffer([Event(user_channel(user.id), frames.close_command(CLOSE_SIGNED_OUT, reason, sid))
                        for sid in ended])


async def do_change_password(svc: Services, user: User, session: Session | None, *, current_password: object,
                             new_password: object, address: str) -> int:
    """Set a new password; every session but ``session`` ends. Returns how many ended."""
    new = _new_password(new_password, user.handle)
    await check_password_throttled(svc, user, current_password, address)
    new_hash = passwords.hash_password(new)
    async with in_transaction():
        user.password_hash = new_hash
        await user.save(update_fields=["password_hash"])
        events = await _end_sessions(user, session.id if session else None,
                                     "Your password was changed. Please sign in again.")
    ended = len(events.events)
    await events.flush(svc.broker)
    log.info("password changed id=%s sessions_ended=%s", user.id, ended)
    return ended


async def do_recover(svc: Services, *, handle: object, code: object, new_password: object, address: str,
                     kind: str) -> tuple[User, str, int]:
    """Reset a forgotten password with a recovery code; returns (member, new session token, codes left).

    Limited like sign-in: per (handle, address) pair and per address (shared with sign-in),
    and a growing delay per handle. An unknown handle, a malformed, used or wrong code all
    get the same answer after the same work. The code is spent and every other session ends.
    """
    key = passwords.handle_key(handle) or "-"  # "-" can never be a handle
    pair_key, address_key, handle_key = f"recover-pair:{key}:{address}", f"login-addr:{address}", \
        f"recover-handle:{key}"
    await svc.limiter.guard(svc.settings.login_attempts, pair_key, message=TOO_MANY)
    await svc.limiter.guard(svc.settings.login_attempts_address, address_key, message=TOO_MANY)
    new = _new_password(new_password, handle if isinstance(handle, str) else None)
    canonical = passwords.normalize_code(code)
    if key != "-":
        await _slow_down(svc, handle_key)
    user = await User.get_or_none(handle_lower=key, deleted=False) if key != "-" else None
    rows = await RecoveryCode.filter(user_id=user.id, used_at=None).order_by("id") if user else []
    match = await asyncio.to_thread(_find_match, [row.code_hash for row in rows], canonical)
    if user is not None and match is not None and user.banned:
        raise Forbidden("This account has been banned.", code="banned")  # as sign-in: the code stays unspent
    spent = 0
    if user is not None and match is not None:
        # Conditional: of two requests racing with one code, only one spends it.
        spent = await RecoveryCode.filter(id=rows[match].id, used_at=None).update(used_at=utcnow())
    if user is None or not spent:
        await svc.limiter.record(svc.settings.login_attempts, pair_key)
        await svc.limiter.record(svc.settings.login_attempts_address, address_key)
        await svc.limiter.record(_counter_rate(svc.settings.login_slow_after), handle_key)
        raise Unauthenticated(BAD_RECOVERY, code="bad_recovery_code")
    new_hash = passwords.hash_password(new)
    async with in_transaction():
        user.password_hash = new_hash
        await user.save(update_fields=["password_hash"])
        events = await _end_sessions(user, None, "Your password was reset. Please sign in again.")
    await events.flush(svc.broker)
    await svc.limiter.clear(svc.settings.login_attempts, pair_key)
    token = await create_session(user, kind=kind, days=svc.settings.session_days)
    left = await codes_left(user)
    log.info("password reset with a recovery code id=%s codes_left=%s", user.id, left)
    return user, token, left
