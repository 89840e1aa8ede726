"""Keep garbage-collector pauses out of message latency.

Every open socket owns a few hundred long-lived objects (protocol state,
tasks, queues). CPython's full (gen2) collection walks all of them: with a
thousand sockets that is a 50–100 ms pause, every few seconds while sockets
come and go, and every member's message waits for it. ``gc.freeze()`` (cheap:
it splices lists) moves what exists now into the permanent generation, which
collections skip; the hub calls ``settle`` every few seconds. Frozen objects
that are later dropped are still freed by reference counting; only cyclic
garbage waits, until the periodic ``unfreeze`` hands everything back to the
collector (one full pause every ten minutes instead of many).
"""
from __future__ import annotations

import gc
import time

PERIOD = 5.0  # seconds between freezes
UNFREEZE_AFTER = 600.0  # seconds

_last_unfreeze = time.monotonic()


def settle() -> None:
    global _last_unfreeze
    now = time.monotonic()
    if now - _last_unfreeze >= UNFREEZE_AFTER:
        _last_unfreeze = now
        gc.unfreeze()  # the next full collection reclaims any cycles frozen meanwhile
        return
    gc.freeze()
