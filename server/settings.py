"""One Settings object, read from the environment once.

Every knob lives here; nothing else in the code reads ``os.environ``.
Defaults are safe and embedded: a SQLite file and a generated secret kept in
the data folder, an in-process broker.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _int(name: str, default: int) -> int:
    raw = _env(name)
    return int(raw) if raw is not None else default


def _bool(name: str, default: bool) -> bool:
    raw = _env(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _load_secret(data_dir: Path) -> str:
    """Generate the signing secret once and keep it beside the database."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


@dataclass
class Settings:
    data_dir: Path = field(default_factory=lambda: Path("securebase-data"))
    database_url: str = ""
    redis_url: str | None = None
    secret_key: str = ""
    site_url: str | None = None  # public origin, e.g. https://securebase.example; None: trust the Host header
    session_days: int = 30
    cookie_secure: bool | None = None  # None: Secure when the request came over https
    login_attempts: str = "5/5minute"  # failed sign-ins per (handle, address) pair; password re-checks per member
    login_attempts_address: str = "20/5minute"  # failed sign-ins per client address
    login_slow_after: str = "5/15minute"  # failures per handle (any address) after which each try waits 1-8 s
    register_attempts: str = "10/hour"
    export_rate: str = "10/hour"  # "Download my data" per member
    post_rate: str = "10/minute"
    chat_rate: str = "20/10second"
    report_threshold: int = 3
    report_rate: str = "20/hour"  # reports per member
    trusted_reporter_min_age_hours: float = 24.0  # younger accounts' reports don't count toward hiding
    log_level: str = "info"
    ws_send_queue: int = 256  # frames a live socket may fall behind before it is dropped (it resumes)
    socket_recheck_seconds: float = 15.0  # how often open sockets re-check bans, sessions and blocks
    redis_prefix: str = ""  # Redis channel/key prefix; "": derived from DATABASE_URL (one site, one prefix)
    crisis_escalate_after: float = 300.0  # seconds an imminent crisis item may wait unacknowledged
    alert_webhook_url: str | None = None  # POSTed {"event": "crisis_unacknowledged", ...} on escalation
    log_addresses: bool = False  # client addresses in the access log (off: logs hold no addresses)
    max_sockets_per_user: int = 10  # live sockets one member may hold per process; the oldest is closed
    ws_ticket_seconds: float = 30.0  # lifetime of a one-time websocket ticket (POST /api/ws-ticket)
    header_timeout: float = 10.0  # seconds a connection may take to send a request's headers
    public_read: bool = False  # signed-out visitors may read threads (off: members only)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        data_dir = Path(_env("SECUREBASE_DATA_DIR", "securebase-data") or "securebase-data")
        s = cls(
            data_dir=data_dir,
            database_url=_env("DATABASE_URL", "") or "",
            redis_url=_env("REDIS_URL"),
            secret_key=_env("SECUREBASE_SECRET_KEY", "") or "",
            site_url=_env("SECUREBASE_SITE_URL"),
            session_days=_int("SECUREBASE_SESSION_DAYS", 30),
            cookie_secure=_bool("SECUREBASE_COOKIE_SECURE", False) if _env("SECUREBASE_COOKIE_SECURE") else None,
            login_attempts=_env("SECUREBASE_LOGIN_RATE", "5/5minute") or "5/5minute",
            login_attempts_address=_env("SECUREBASE_LOGIN_ADDRESS_RATE", "20/5minute") or "20/5minute",
            login_slow_after=_env("SECUREBASE_LOGIN_SLOW_AFTER", "5/15minute") or "5/15minute",
            register_attempts=_env("SECUREBASE_REGISTER_RATE", "10/hour") or "10/hour",
            export_rate=_env("SECUREBASE_EXPORT_RATE", "10/hour") or "10/hour",
            post_rate=_env("SECUREBASE_POST_RATE", "10/minute") or "10/minute",
            chat_rate=_env("SECUREBASE_CHAT_RATE", "20/10second") or "20/10second",
            report_threshold=_int("SECUREBASE_REPORT_THRESHOLD", 3),
            report_rate=_env("SECUREBASE_REPORT_RATE", "20/hour") or "20/hour",
            trusted_reporter_min_age_hours=float(_env("SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS", "24") or 24),
            log_level=_env("SECUREBASE_LOG_LEVEL", "info") or "info",
            ws_send_queue=_int("SECUREBASE_WS_SEND_QUEUE", 256),
            socket_recheck_seconds=float(_env("SECUREBASE_SOCKET_RECHECK_SECONDS", "15") or 15),
            redis_prefix=_env("SECUREBASE_REDIS_PREFIX", "") or "",
            crisis_escalate_after=float(_env("SECUREBASE_CRISIS_ESCALATE_AFTER", "300") or 300),
            alert_webhook_url=_env("SECUREBASE_ALERT_WEBHOOK_URL"),
            log_addresses=_bool("SECUREBASE_LOG_ADDRESSES", False),
            max_sockets_per_user=_int("SECUREBASE_MAX_SOCKETS_PER_USER", 10),
            ws_ticket_seconds=float(_env("SECUREBASE_WS_TICKET_SECONDS", "30") or 30),
            header_timeout=float(_env("SECUREBASE_HEADER_TIMEOUT", "10") or 10),
            public_read=_bool("SECUREBASE_PUBLIC_READ", False),
        )
        for key, value in overrides.items():
            setattr(s, key, value)
        s.finalize()
        return s

    def finalize(self) -> None:
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.database_url = f"sqlite://{(self.data_dir / 'securebase.sqlite3').resolve()}"
        if not self.secret_key:
            self.secret_key = _load_secret(self.data_dir)
        if not self.redis_prefix:
            # Processes sharing a database share live events; sites sharing a Redis never mix.
            self.redis_prefix = "sb:" + hashlib.sha256(self.database_url.encode()).hexdigest()[:12] + ":"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
