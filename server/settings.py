"""One Settings object, read from the environment once.

Each setting is defined once, as a field of ``Settings`` made by ``setting()``: its environment
variable, its type (the annotation), its default, the form a value must take and what it does.
From those definitions come the loader (``Settings.from_env``), the error a bad value gives at
start-up (``SettingsError``, e.g. "SECUREBASE_POST_RATE must look like 10/minute ..."), and the
README's configuration table, which ``tests/unit/test_settings.py`` checks against them.
Nothing else in the code reads ``os.environ``.

Defaults are safe and embedded: a SQLite file and a generated secret kept in the data folder,
an in-process broker. A variable set to the empty string counts as unset.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from limits import parse as parse_rate


class SettingsError(ValueError):
    """Environment variables with values of the wrong form: one line per variable, naming it and
    the form expected (the value is quoted only when it cannot hold a password)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# ---------------------------------------------------------------- forms a value may take

@dataclass(frozen=True)
class Form:
    """The form a variable's value must take."""

    expected: str  # completes "<VARIABLE> must ...", e.g. "be a whole number"
    parse: Callable[[str], Any]  # the raw value -> the setting's value; ValueError when malformed
    show: Callable[[Any], str] = str  # a value as it is written in the environment
    quote_bad_value: bool = True  # off for URLs and secrets, which can carry passwords


def _text(raw: str) -> str:
    return raw


def _whole_number(minimum: int) -> Form:
    def parse(raw: str) -> int:
        value = raw.strip()
        # ASCII digits only: int() also takes "١٢" or "１２", which nobody means here.
        if not re.fullmatch(r"[0-9]{1,9}", value) or int(value) < minimum:
            raise ValueError(raw)
        return int(value)

    return Form("be a whole number" + (f", {minimum} or more" if minimum else ""), parse)


def _number(unit: str, example: str, *, zero_ok: bool) -> Form:
    def parse(raw: str) -> float:
        value = raw.strip()
        if not re.fullmatch(r"[0-9]{1,9}(\.[0-9]{1,9})?", value) or (float(value) == 0 and not zero_ok):
            raise ValueError(raw)
        return float(value)

    least = "0 or more" if zero_ok else "more than 0"
    return Form(f"be a number of {unit}, {least} (e.g. {example})", parse, lambda v: f"{v:g}")


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(raw)


_RATE = re.compile(r"([0-9]{1,9})/([0-9]{0,9})(second|minute|hour|day|month|year)s?", re.I)


def _rate(raw: str) -> str:
    """'10/minute', '5/15minute': a count per window, as limits parses and the login
    throttle splits it (count before the slash, window after)."""
    found = _RATE.fullmatch(raw.strip().replace(" ", ""))
    if not found or int(found[1]) < 1 or (found[2] and int(found[2]) == 0):
        raise ValueError(raw)
    value = f"{int(found[1])}/{found[2]}{found[3].lower()}"
    parse_rate(value)
    return value


def _url(schemes: set[str], *, host: bool, origin: bool = False) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip()
        scheme, sep, rest = value.partition("://")
        if not sep or scheme.lower() not in schemes or not rest:
            raise ValueError(raw)
        parts = urlsplit(value)
        if host and not parts.hostname:
            raise ValueError(raw)
        if origin and (parts.path not in ("", "/") or parts.query or parts.fragment or parts.username):
            raise ValueError(raw)
        return value

    return parse


LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")  # uvicorn's names


def _log_level(raw: str) -> str:
    value = raw.strip().lower()
    if value not in LOG_LEVELS:
        raise ValueError(raw)
    return value


TEXT = Form("be text", _text, quote_bad_value=False)
PATH = Form("be a folder path", Path)
FLAG = Form("be 1 or 0 (or true/false, yes/no, on/off)", _flag, lambda v: "1" if v else "0")
RATE = Form("look like 10/minute or 5/15minute (a count per second, minute, hour or day)", _rate)
SECONDS = _number("seconds", "30 or 2.5", zero_ok=False)
HOURS = _number("hours", "24 or 0.5", zero_ok=True)
LOG_LEVEL = Form("be one of " + ", ".join(LOG_LEVELS), _log_level)
DATABASE = Form("look like postgres://user:pw@host:5432/db or sqlite:///path/to/securebase.sqlite3",
                _url({"sqlite", "postgres", "postgresql", "asyncpg", "psycopg"}, host=False),
                quote_bad_value=False)
REDIS = Form("look like redis://host:6379/0 (or rediss://, unix://)",
             _url({"redis", "rediss", "unix"}, host=False), quote_bad_value=False)
ORIGIN = Form("be an origin like https://securebase.example (scheme and host, no path)",
              _url({"http", "https"}, host=True, origin=True), quote_bad_value=False)
WEBHOOK = Form("look like https://pager.example/hook (http or https)",
               _url({"http", "https"}, host=True), quote_bad_value=False)


# ---------------------------------------------------------------- definitions

@dataclass(frozen=True)
class Definition:
    """One setting, as the loader, the error messages and the README table see it."""

    name: str  # attribute on Settings
    env: str  # environment variable
    type: str  # the attribute's annotation
    default: Any
    form: Form
    about: str  # what it does (the README's "meaning" may say it more fully)
    shown_default: str  # how the README shows the default: "`30`", "unset", "auto"...

    def problem(self, raw: str) -> str:
        line = f"{self.env} must {self.form.expected}"
        if self.form.quote_bad_value:
            line += f"; it is {raw[:40]!r}"
        return line


def setting(env: str, default: Any, form: Form, about: str, *, shown: str | None = None) -> Any:
    """A ``Settings`` field that carries its variable, form and description; ``shown`` is how the
    README shows a default that is not a plain value (computed at start-up, or "auto")."""
    return dataclasses.field(default=default, metadata={"env": env, "form": form, "about": about,
                                                        "shown": shown})


@dataclass
class Settings:
    data_dir: Path = setting("SECUREBASE_DATA_DIR", Path("securebase-data"), PATH,
                             "folder for the SQLite file and the generated secret key",
                             shown="`./securebase-data`")
    database_url: str = setting("DATABASE_URL", "", DATABASE,
                                "the database: postgres://... for PostgreSQL; unset: SQLite in the data dir",
                                shown="`sqlite://./securebase-data/securebase.sqlite3`")
    redis_url: str | None = setting("REDIS_URL", None, REDIS,
                                    "Redis for live events and rate limits shared by all processes")
    secret_key: str = setting("SECUREBASE_SECRET_KEY", "", TEXT,
                              "signing secret (recovery-code hand-off)", shown="generated once")
    site_url: str | None = setting("SECUREBASE_SITE_URL", None, ORIGIN,
                                   "public origin, for Origin checks and links in alerts; unset: trust Host")
    cookie_secure: bool | None = setting("SECUREBASE_COOKIE_SECURE", None, FLAG,
                                         "force the session cookie's Secure flag; unset: when the request is https",
                                         shown="auto")
    session_days: int = setting("SECUREBASE_SESSION_DAYS", 30, _whole_number(0), "session lifetime in days")
    login_attempts: str = setting("SECUREBASE_LOGIN_RATE", "5/5minute", RATE,
                                  "failed sign-ins per (handle, address) pair; password re-checks per member")
    login_attempts_address: str = setting("SECUREBASE_LOGIN_ADDRESS_RATE", "20/5minute", RATE,
                                          "failed sign-ins per client address")
    login_slow_after: str = setting("SECUREBASE_LOGIN_SLOW_AFTER", "5/15minute", RATE,
                                    "failures per handle (any address) after which each try waits 1-8 s")
    register_attempts: str = setting("SECUREBASE_REGISTER_RATE", "10/hour", RATE, "new accounts per client address")
    export_rate: str = setting("SECUREBASE_EXPORT_RATE", "10/hour", RATE, '"Download my data" per member')
    post_rate: str = setting("SECUREBASE_POST_RATE", "10/minute", RATE, "threads and replies per member")
    chat_rate: str = setting("SECUREBASE_CHAT_RATE", "20/10second", RATE, "chat messages per member")
    report_threshold: int = setting("SECUREBASE_REPORT_THRESHOLD", 3, _whole_number(1),
                                    "default distinct reporters that hide an item")
    report_rate: str = setting("SECUREBASE_REPORT_RATE", "20/hour", RATE, "reports per member")
    trusted_reporter_min_age_hours: float = setting(
        "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS", 24.0, HOURS,
        "younger accounts' reports don't count toward hiding an item")
    log_level: str = setting("SECUREBASE_LOG_LEVEL", "info", LOG_LEVEL,
                             "the server's log level (securebase serve --log-level overrides it)")
    ws_send_queue: int = setting("SECUREBASE_WS_SEND_QUEUE", 256, _whole_number(1),
                                 "frames a live socket may fall behind before it is dropped (it resumes)")
    socket_recheck_seconds: float = setting("SECUREBASE_SOCKET_RECHECK_SECONDS", 15.0, SECONDS,
                                            "how often open sockets re-check bans, sessions and blocks")
    redis_prefix: str = setting("SECUREBASE_REDIS_PREFIX", "", TEXT,
                                "Redis channel and key prefix; unset: derived from DATABASE_URL",
                                shown="derived from `DATABASE_URL`")
    crisis_escalate_after: float = setting("SECUREBASE_CRISIS_ESCALATE_AFTER", 300.0, SECONDS,
                                           "seconds an imminent crisis item may wait unacknowledged")
    alert_webhook_url: str | None = setting("SECUREBASE_ALERT_WEBHOOK_URL", None, WEBHOOK,
                                            'POSTed {"event": "crisis_unacknowledged", ...} on escalation')
    log_addresses: bool = setting("SECUREBASE_LOG_ADDRESSES", False, FLAG,
                                  "client addresses in the access log (off: logs hold no addresses)")
    max_sockets_per_user: int = setting("SECUREBASE_MAX_SOCKETS_PER_USER", 10, _whole_number(1),
                                        "live sockets one member may hold per process; the oldest is closed")
    ws_ticket_seconds: float = setting("SECUREBASE_WS_TICKET_SECONDS", 30.0, SECONDS,
                                       "lifetime of a one-time websocket ticket (POST /api/ws-ticket)")
    header_timeout: float = setting("SECUREBASE_HEADER_TIMEOUT", 10.0, SECONDS,
                                    "seconds a connection may take to send a request's headers")
    public_read: bool = setting("SECUREBASE_PUBLIC_READ", False, FLAG,
                                "signed-out visitors may read threads (off: members only)")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); ``SettingsError`` names every
        variable whose value has the wrong form."""
        values = read_environment(os.environ if environ is None else environ)
        s = cls(**values)
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


def definitions() -> list[Definition]:
    """Every setting, in the order of ``Settings``' fields."""
    out = []
    for f in dataclasses.fields(Settings):
        meta = f.metadata
        shown = meta["shown"] or ("unset" if f.default is None else f"`{meta['form'].show(f.default)}`")
        out.append(Definition(f.name, meta["env"], str(f.type), f.default, meta["form"], meta["about"], shown))
    return out


def read_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings ``environ`` sets, parsed; raises ``SettingsError`` listing every bad one."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for d in definitions():
        raw = environ.get(d.env)
        if raw is None or raw == "":
            continue
        try:
            values[d.name] = d.form.parse(raw)
        except ValueError:
            problems.append(d.problem(raw))
    if problems:
        raise SettingsError(problems)
    return values


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
