"""Per-room hub: the sockets of this process, by room. (Filled in by the live-chat work.)"""
from __future__ import annotations

from server.events import Broker


class Hub:
    def __init__(self, broker: Broker) -> None:
        self.broker = broker

    async def close(self) -> None:
        return None
