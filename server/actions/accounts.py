"""Account state changes: register, sign in/out, profile, delete."""
from __future__ import annotations

import asyncio
import logging
import secrets

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import moderation
from server import passwords, search
from server.actions import screening
from server.actions.chat import set_message_status
from server.actions.context import Services
from server.actions.posts import DELETED_TITLE, resolve_open_items
from server.auth import Viewer, account_blocked, create_session, require_active, revoke_all_sessions, utcnow
from server.db import column
from server.errors import Conflict, Forbidden, Invalid, Unauthenticated
from server.events import Event, EventBuffer, user_channel
from server.models.accounts import RecoveryCode, Session, User
from server.models.chat import ChatMessage
from server.models.live import Rsvp
from server.models.membership import NotificationSettings, RoomFollow, ThreadRead
from server.models.moderation import Notification
from server.models.posts import Post, PostRevision, Thread
from server.models.reactions import Reaction
from server.realtime import frames
from server.realtime.frames import CLOSE_SIGNED_OUT
from server.validation import clean_text, optional_str

log = logging.getLogger("securebase.accounts")


EMAIL_MAX = 254


def check_handle(handle: object) -> str:
    error = passwords.handle_error(handle)
    if error:
        raise Invalid(error, code="invalid_handle", field="handle")
    assert isinstance(handle, str)
    if handle.lower().startswith("deleted-"):
        raise Invalid("Handles can't start with 'deleted-'.", code="invalid_handle", field="handle")
    return handle


def check_email(email: object) -> str | None:
    value = optional_str(email, "email", max_len=EMAIL_MAX)
    if value is None:
        return None
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in value):
        raise Invalid("That email address doesn't look right.", code="invalid_email", field="email")
    return value


async def do_register(svc: Services, *, handle: object, password: object, email: object,
                      address: str, role: str = "member") -> User:
    await svc.limiter.check(svc.settings.register_attempts, f"register:{address}",
                            message="Too many new accounts from here. Please try again later.")
    handle = check_handle(handle)
    error = passwords.password_error(password, handle)
    if error:
        raise Invalid(error, code="weak_password", field="password")
    assert isinstance(password, str)
    email_value = check_email(email)
    if await User.filter(handle_lower=handle.lower()).exists():
        raise Conflict("That handle is taken. Please choose another.", code="handle_taken", field="handle")
    try:
        user = await User.create(handle=handle, handle_lower=handle.lower(), email=email_value,
                                 password_hash=passwords.hash_password(password), role=role)
    except IntegrityError:
        raise Conflict("That handle is taken. Please choose another.", code="handle_taken",
                       field="handle") from None
    log.info("account registered id=%s", user.id)
    return user


BAD_CREDENTIALS = "That handle and password don't match."
TOO_MANY = "Too many sign-in attempts. Please wait a few minutes and try again."
MAX_DELAY = 8.0


def _counter_rate(rate: str) -> str:
    """A rate with the same window as ``rate`` but room to count far past its limit."""
    return "1000/" + rate.partition("/")[2]


async def _slow_down(svc: Services, key: str) -> None:
    """Past the per-handle allowance, wait longer each time (1, 2, 4, then 8 s): slows guessing
    from many addresses without ever refusing the owner's right password from a new one."""
    rate = svc.settings.login_slow_after
    failures = await svc.limiter.count(_counter_rate(rate), key)
    allowed = int(rate.partition("/")[0] or 5)
    if failures >= allowed:
        await asyncio.sleep(min(2.0 ** (failures - allowed), MAX_DELAY))


async def do_login(svc: Services, *, handle: object, password: object, address: str,
                   kind: str) -> tuple[User, str]:
    """Check credentials and start a session.

    Failures are limited per (handle, address) pair and per address; per handle
    they only add a growing delay, so guessing from elsewhere can't lock the
    owner out. Unknown and existing handles are answered alike.
    """
    key = passwords.handle_key(handle) or "-"  # "-" can never be a handle
    pair_key, address_key, handle_key = f"login-pair:{key}:{address}", f"login-addr:{address}", f"login-handle:{key}"
    await svc.limiter.guard(svc.settings.login_attempts, pair_key, message=TOO_MANY)
    await svc.limiter.guard(svc.settings.login_attempts_address, address_key, message=TOO_MANY)
    if key != "-":  # no account can match a malformed handle, so there is nothing to slow
        await _slow_down(svc, handle_key)
    user = await User.get_or_none(handle_lower=key, deleted=False) if key != "-" else None
    ok = isinstance(password, str) and len(password) <= passwords.MAX_PASSWORD and passwords.verify_password(
        user.password_hash if user else passwords.DUMMY_HASH, password)
    if user is None or not ok:
        # Only failures count, so members behind one address don't lock each other out.
        await svc.limiter.record(svc.settings.login_attempts, pair_key)
        await svc.limiter.record(svc.settings.login_attempts_address, address_key)
        await svc.limiter.record(_counter_rate(svc.settings.login_slow_after), handle_key)
        raise Unauthenticated(BAD_CREDENTIALS, code="bad_credentials")
    if user.banned:
        raise Forbidden("This account has been banned.", code="banned")
    if passwords.needs_rehash(user.password_hash):
        assert isinstance(password, str)  # `ok` above checked it
        user.password_hash = passwords.hash_password(password)
        await user.save(update_fields=["password_hash"])
    await svc.limiter.clear(svc.settings.login_attempts, pair_key)
    token = await create_session(user, kind=kind, days=svc.settings.session_days)
    return user, token


async def check_password_throttled(svc: Services, user: User, password: object, address: str) -> None:
    """Re-check a signed-in member's password (e.g. to delete the account), limited like sign-in."""
    user_key, address_key = f"password-check:{user.id}", f"login-addr:{address}"
    await svc.limiter.guard(svc.settings.login_attempts, user_key, message=TOO_MANY)
    await svc.limiter.guard(svc.settings.login_attempts_address, address_key, message=TOO_MANY)
    if not isinstance(password, str) or len(password) > passwords.MAX_PASSWORD \
            or not passwords.verify_password(user.password_hash, password):
        await svc.limiter.record(svc.settings.login_attempts, user_key)
        await svc.limiter.record(svc.settings.login_attempts_address, address_key)
        raise Unauthenticated("That password isn't right.", code="bad_credentials", field="password")
    await svc.limiter.clear(svc.settings.login_attempts, user_key)


async def do_logout(session: Session | None, svc: Services | None = None) -> None:
    """End one session; with ``svc``, that session's live sockets close at once (others stay)."""
    if session is None:
        return
    await Session.filter(id=session.id).delete()
    if svc is not None:
        await EventBuffer([Event(user_channel(session.user_id), frames.close_command(
            CLOSE_SIGNED_OUT, "You signed out.", session.id))]).flush(svc.broker)


async def do_update_profile(user: User, *, bio: object = None, country: object = None,
                            email: object = None) -> User:
    fields: list[str] = []
    if bio is not None:
        text = clean_text(bio, "bio", max_len=2000, required=False, label="Bio")
        if text != user.bio:
            # A bio is shown to everyone at once: suspended members can't change it, and it is
            # screened like a post but can't be held, so what review would hold is refused.
            require_active(Viewer(user))
            user.bio = await screening.screen_field(user, None, text, field="bio", label="Your bio")
            fields.append("bio")
    if country is not None:
        code = country.strip().upper() if isinstance(country, str) else None
        if code == "UK":
            code = "GB"
        if code and code not in moderation.SUPPORTED_COUNTRIES:
            raise Invalid("Please choose a country from the list.", code="invalid_country", field="country")
        user.country = code or None
        fields.append("country")
    if email is not None:
        user.email = check_email(email)
        fields.append("email")
    if fields:
        await user.save(update_fields=fields)
    return user


async def do_set_role(user: User, role: str) -> User:
    if role not in ("member", "moderator", "admin"):
        raise Invalid("Unknown role.", code="invalid_role", field="role")
    user.role = role
    await user.save(update_fields=["role"])
    return user


async def do_delete_account(svc: Services, user: User, password: object, address: str) -> None:
    """Delete an account: anonymize the user row, blank everything it wrote.

    Threads stay (other members replied in them) but lose their author; the
    text of every post and chat message is replaced, so nothing personal stays.
    """
    if account_blocked(user) and user.deleted:
        return
    await check_password_throttled(svc, user, password, address)
    events = EventBuffer()
    async with in_transaction():
        post_ids: list[int] = await column(Post.filter(author_id=user.id), "id")
        await PostRevision.filter(post_id__in=post_ids).delete()
        await Post.filter(author_id=user.id).update(
            body="", body_html="", content_note=None, status="deleted", status_reason="account deleted",
            author_id=None)
        await Thread.filter(author_id=user.id).update(title=DELETED_TITLE, status="deleted", author_id=None)
        # Live clients drop each message (a ``removed`` frame) before its text is blanked.
        # (set_message_status sends nothing for a message already taken down.)
        messages = await ChatMessage.filter(author_id=user.id)
        for message in messages:
            await set_message_status(message, "deleted", "account deleted", events)
        message_ids: list[int] = await column(ChatMessage.filter(author_id=user.id), "id")
        await ChatMessage.filter(author_id=user.id).update(
            body="", body_html="", content_note=None, status="deleted", author_id=None)
        await resolve_open_items("post", list(post_ids))
        await search.sync_posts(post_ids)
        await resolve_open_items("message", list(message_ids))
        await revoke_all_sessions(user)
        await RecoveryCode.filter(user_id=user.id).delete()
        await Reaction.filter(user_id=user.id).delete()  # counts drop them; nothing names them
        # What the member chose and where they went: follows, reads, RSVPs, notifications, settings.
        for model in (RoomFollow, ThreadRead, NotificationSettings, Rsvp, Notification):
            await model.filter(user_id=user.id).delete()
        user.guidelines_agreed_at = None
        user.handle = f"deleted-{user.id}"
        user.handle_lower = f"deleted-{user.id}-{secrets.token_hex(4)}"
        user.email = None
        user.bio = ""
        user.country = None
        user.password_hash = passwords.hash_password(secrets.token_urlsafe(32))
        user.deleted = True
        await user.save()
    events.add(Event(user_channel(user.id), frames.close_command(CLOSE_SIGNED_OUT, "This account was deleted.")))
    await events.flush(svc.broker)
    log.info("account deleted id=%s at %s", user.id, utcnow().isoformat())
