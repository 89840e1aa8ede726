"""Set-up through the server's own actions (role changes, sanctions, blocks), never raw SQL.

``*_action`` coroutines run where the ORM is initialised: on an ``InProcessSite``'s loop
(``site.run(...)``), or, for a uvicorn ``LiveServer`` in another process, through
``on_database``: a private Tortoise context on the server's database in a helper thread, which
leaves the test process's own Tortoise state (the in-process site's, or none) untouched.
Events those actions publish go to a buffer nobody reads, as a CLI command's would: the server
in the other process sees the stored change on its next read.
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def _user(handle: str) -> Any:
    from server.models.accounts import User
    from server.passwords import handle_key

    user = await User.get_or_none(handle_lower=handle_key(handle), deleted=False)
    if user is None:
        raise LookupError(f"no account with handle {handle}")
    return user


async def set_role_action(handle: str, role: str) -> None:
    from server.actions.accounts import do_set_role

    await do_set_role(await _user(handle), role)


async def sanction_action(handle: str, kind: str, *, room_slug: str | None = None, reason: str = "test",
                          seconds: int | None = None) -> None:
    """A warn/mute/suspend/ban on ``handle`` as the moderation action records it (no moderator)."""
    from tortoise.transactions import in_transaction

    from server.actions.review import apply_sanction
    from server.events import EventBuffer
    from server.models.rooms import Room

    room_id = (await Room.get(slug=room_slug)).id if room_slug else None
    async with in_transaction():
        await apply_sanction(None, await _user(handle), kind, reason, seconds,  # type: ignore[arg-type]
                             room_id, EventBuffer())


async def block_action(blocker: str, blocked: str) -> None:
    from server.actions.members import do_block
    from server.auth import Viewer

    await do_block(Viewer(await _user(blocker), via="bearer"), blocked)


def on_database(database_url: str, make: Callable[[], Coroutine[Any, Any, T]], timeout: float = 60.0) -> T:
    """Run ``make()`` against ``database_url`` in a private Tortoise context, in a helper thread."""
    from tortoise.context import TortoiseContext

    from server.db import tortoise_config

    async def main() -> T:
        async with TortoiseContext() as ctx:
            await ctx.init(config=tortoise_config(database_url))
            return await make()

    result: list[T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            result.append(asyncio.run(main()))
        except BaseException as exc:  # handed back to the caller below
            failure.append(exc)

    thread = threading.Thread(target=work, name="test-action", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError(f"action on {database_url} took over {timeout} s")
    if failure:
        raise failure[0]
    return result[0]
