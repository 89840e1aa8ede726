"""What every action needs from the app: settings, broker and rate limiter."""
from __future__ import annotations

from dataclasses import dataclass

from server.events import Broker
from server.ratelimit import RateLimiter
from server.settings import Settings


@dataclass
class Services:
    settings: Settings
    broker: Broker
    limiter: RateLimiter
