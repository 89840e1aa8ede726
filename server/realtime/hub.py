"""Per-room hub: this process's sockets, by room, by user, and the moderators'.

The hub holds one broker subscription per room (and per user, and one for
moderators) for as long as this process has a socket there, and hands every
payload to each socket's bounded queue without waiting. A periodic recheck
closes sockets whose session ended or whose account was banned or suspended
(so a lost ``close`` event costs seconds, not forever), refreshes blocks and
roles, and keeps presence fresh in Redis.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from server.auth import account_blocked, utcnow
from server.events import MOD_CHANNEL, Broker, Event, Handler, room_channel, user_channel
from server.models.accounts import Block, Session, User
from server.realtime import frames, gctune
from server.realtime.connection import Client, Resync
from server.realtime.frames import (
    CLOSE_NOT_STAFF,
    CLOSE_POLICY,
    CLOSE_RESTART,
    CLOSE_SIGNED_OUT,
    CLOSE_TOO_MANY,
    Outgoing,
)
from server.realtime.presence import LocalPresence, PresenceStore, RedisPresence
from server.settings import Settings

log = logging.getLogger("securebase.hub")

PRESENCE_DEBOUNCE = 0.25  # seconds: a burst of joins becomes one presence frame


class RoomGroup:
    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.clients: set[Client] = set()
        self.unsubscribe: Callable[[], Any] | None = None
        self.presence_task: asyncio.Task[None] | None = None
        self.publish_presence = False

    def handles(self) -> list[str]:
        return sorted({c.handle for c in self.clients if c.handle})


async def blocked_handles(clients: list[Client]) -> dict[int, set[str]]:
    """Presence is per viewer: whoever a member blocked is not in their "who is here"."""
    wanted = {b for c in clients for b in c.view.blocked}
    if not wanted:
        return {}
    names = dict(await User.filter(id__in=wanted).values_list("id", "handle"))
    return {c.user_id: {names[b] for b in c.view.blocked if b in names}
            for c in clients if c.user_id is not None and c.view.blocked}


class Hub:
    def __init__(self, broker: Broker, settings: Settings | None = None) -> None:
        self.broker = broker
        self.settings = settings
        self.process_id = secrets.token_hex(6)
        self.rooms: dict[str, RoomGroup] = {}
        self.users: dict[int, set[Client]] = defaultdict(set)
        self._user_unsubs: dict[int, Callable[[], Any]] = {}
        self.mods: set[Client] = set()
        self._optional_mods: set[Client] = set()
        self._mod_unsub: Callable[[], Any] | None = None
        self.clients: set[Client] = set()
        client = getattr(broker, "client", None)
        self.presence: PresenceStore = (RedisPresence(client, getattr(broker, "prefix", "sb:"))
                                        if client is not None else LocalPresence())
        self._sweeper: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def recheck_seconds(self) -> float:
        return float(getattr(self.settings, "socket_recheck_seconds", 15) or 15)

    @property
    def max_sockets(self) -> int:
        return int(getattr(self.settings, "max_sockets_per_user", 10) or 10)

    @property
    def queue_size(self) -> int:
        return int(getattr(self.settings, "ws_send_queue", 256) or 256)

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # --- registration -----------------------------------------------------------------

    def register(self, client: Client) -> None:
        """Every socket: listen on its user's channel (bans close it; notifications reach it)."""
        self.clients.add(client)
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = self._spawn(self._sweep_loop())
        uid = client.user_id
        if uid is None:
            return
        self._enforce_cap(uid)
        self.users[uid].add(client)
        if uid not in self._user_unsubs:
            self._user_unsubs[uid] = self.broker.subscribe(user_channel(uid), self._user_handler(uid))

    def _enforce_cap(self, uid: int) -> None:
        """Make room for one more socket of this member (in this process) by closing the oldest."""
        open_ = sorted((c for c in self.users.get(uid, ()) if c.close_code is None), key=lambda c: c.opened)
        for old in open_[:max(0, len(open_) - self.max_sockets + 1)]:
            old.kill(CLOSE_TOO_MANY, f"Too many open connections (the limit is {self.max_sockets}); "
                                     "this, the oldest, was closed.")

    def unregister(self, client: Client) -> None:
        self.clients.discard(client)
        uid = client.user_id
        if uid is not None and uid in self.users:
            self.users[uid].discard(client)
            if not self.users[uid]:
                del self.users[uid]
                unsub = self._user_unsubs.pop(uid, None)
                if unsub:
                    unsub()
        if client in self.mods:
            self.leave_mod(client)
        if client.room is not None and client.in_room:
            self._leave_room(client)

    async def join_room(self, client: Client) -> None:
        assert client.room is not None
        slug = client.room.slug
        group = self.rooms.get(slug)
        if group is None:
            group = self.rooms[slug] = RoomGroup(slug)
            channel = room_channel(slug)
            group.unsubscribe = self.broker.subscribe(channel, self._room_handler(group))
            wait = getattr(self.broker, "wait_subscribed", None)
            if wait is not None:
                await wait(channel)
        group.clients.add(client)
        self._presence_changed(group)

    def _leave_room(self, client: Client) -> None:
        assert client.room is not None
        group = self.rooms.get(client.room.slug)
        if group is None:
            return
        group.clients.discard(client)
        if not group.clients:
            del self.rooms[group.slug]
            if group.unsubscribe:
                group.unsubscribe()
            if group.presence_task:
                group.presence_task.cancel()
        self._presence_changed(group)

    def join_mod(self, client: Client, *, optional: bool = False) -> None:
        """``optional``: a site socket, which stays open (off the channel) if its user loses staff."""
        self.mods.add(client)
        if optional:
            self._optional_mods.add(client)
        if self._mod_unsub is None:
            self._mod_unsub = self.broker.subscribe(MOD_CHANNEL, self._mod_handler)

    def leave_mod(self, client: Client) -> None:
        self.mods.discard(client)
        self._optional_mods.discard(client)
        if not self.mods and self._mod_unsub:
            self._mod_unsub()
            self._mod_unsub = None

    # --- broker handlers (must not block) -----------------------------------------------

    def _room_handler(self, group: RoomGroup) -> Handler:
        def handle(payload: Mapping[str, Any]) -> None:
            kind = payload.get("type")
            if kind == "_presence":
                if payload.get("origin") != self.process_id:
                    self._schedule_presence(group, publish=False)
                return
            if kind == "_resync":
                for c in list(group.clients):
                    c.offer(Resync())
                return
            out = Outgoing(payload)
            for c in list(group.clients):
                c.offer(out)
        return handle

    def _user_handler(self, uid: int) -> Handler:
        def handle(payload: Mapping[str, Any]) -> None:
            kind = payload.get("type")
            if kind == "close":
                code = payload.get("code")
                code = code if isinstance(code, int) and 4000 <= code <= 4999 else CLOSE_POLICY
                reason = str(payload.get("reason") or "This account can't use the chat right now.")
                session_id = payload.get("session_id")  # set: only that session's sockets (sign-out)
                for c in list(self.users.get(uid, ())):
                    if session_id is None or c.session_id == session_id:
                        c.kill(code, reason)
                return
            if isinstance(kind, str) and not kind.startswith("_"):
                for c in list(self.users.get(uid, ())):
                    c.push(payload)
        return handle

    def _mod_handler(self, payload: Mapping[str, Any]) -> None:
        for c in list(self.mods):
            c.push(payload)

    # --- presence -----------------------------------------------------------------------

    def _presence_changed(self, group: RoomGroup) -> None:
        self._schedule_presence(group, publish=True)

    def _schedule_presence(self, group: RoomGroup, *, publish: bool) -> None:
        group.publish_presence = group.publish_presence or publish
        if group.presence_task is None or group.presence_task.done():
            group.presence_task = self._spawn(self._presence_flush(group))

    async def _presence_flush(self, group: RoomGroup) -> None:
        await asyncio.sleep(PRESENCE_DEBOUNCE)
        publish, group.publish_presence = group.publish_presence, False
        group.presence_task = None
        local = group.handles()
        if publish:
            await self.presence.write(group.slug, self.process_id, local)
            await self._publish(Event(room_channel(group.slug), frames.presence_changed(self.process_id)))
        if not group.clients:
            return
        handles = await self.presence.read(group.slug, self.process_id, local)
        frame = frames.presence_frame(group.slug, handles)
        clients = list(group.clients)
        hidden = await blocked_handles(clients)
        for c in clients:
            unseen = hidden.get(c.user_id) if c.user_id is not None else None
            c.push(frames.presence_frame(group.slug, [h for h in handles if h not in unseen]) if unseen else frame)

    async def _publish(self, event: Event) -> None:
        try:
            await self.broker.publish(event)
        except Exception:  # a doorbell; clients resume
            log.warning("publish failed on %s", event.channel, exc_info=True)

    # --- periodic recheck -------------------------------------------------------------------

    async def _sweep_loop(self) -> None:
        next_check = 0.0
        while True:
            await asyncio.sleep(min(self.recheck_seconds, gctune.PERIOD))
            gctune.settle()
            next_check += min(self.recheck_seconds, gctune.PERIOD)
            if next_check < self.recheck_seconds:
                continue
            next_check = 0.0
            try:
                await self.recheck()
            except asyncio.CancelledError:
                raise
            except Exception:  # try again next round
                log.warning("socket recheck failed", exc_info=True)

    async def recheck(self) -> None:
        """Close sockets of ended sessions and blocked accounts; refresh roles, blocks, presence."""
        clients = [c for c in self.clients if c.session_id is not None]
        ids = list({c.session_id for c in clients})
        sessions = {s.id: s for s in await Session.filter(id__in=ids).prefetch_related("user")} if ids else {}
        now = utcnow()
        for c in clients:
            s = sessions.get(c.session_id) if c.session_id is not None else None
            if s is None or s.expires_at <= now:
                c.kill(CLOSE_SIGNED_OUT, "Your session ended. Please sign in again.")
            elif account_blocked(s.user):
                c.kill(CLOSE_POLICY, "This account can't use the chat right now.")
            elif c in self.mods and not s.user.is_staff:
                if c in self._optional_mods:
                    self.leave_mod(c)  # a site socket stays open for the member's own channel
                    c.view.is_staff = False
                else:
                    c.kill(CLOSE_NOT_STAFF, "Moderators only.")
            else:
                c.view.is_staff, c.view.role = s.user.is_staff, s.user.role
        users = list({c.user_id for c in clients if c.user_id is not None})
        if users:
            blocked: dict[int, set[int]] = defaultdict(set)
            for blocker, target in await Block.filter(blocker_id__in=users).values_list("blocker_id", "blocked_id"):
                blocked[blocker].add(target)
            for c in clients:
                if c.user_id is not None:
                    c.view.blocked = blocked.get(c.user_id, set())
        for group in list(self.rooms.values()):
            await self.presence.write(group.slug, self.process_id, group.handles())

    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        for c in list(self.clients):
            c.kill(CLOSE_RESTART, "The server is restarting; reconnecting shortly.")
        for group in list(self.rooms.values()):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.presence.write(group.slug, self.process_id, []), 1.0)
        for task in list(self._tasks):
            task.cancel()
