"""Settings: one definition each, the README's table matches them, bad values stop start-up clearly.

The definitions are the fields of ``server.settings.Settings``. Variable names and defaults are
a contract with deployments and the README, so the ones below may gain entries but never change.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from server import cli
from server.settings import Settings, SettingsError, definitions, read_environment
from tests.support import ROOT

README = (ROOT / "README.md").read_text("utf-8")

# Every variable that deployments may already set, with its default when unset.
KEPT = {
    "DATABASE_URL": "", "REDIS_URL": None, "SECUREBASE_DATA_DIR": Path("securebase-data"),
    "SECUREBASE_SECRET_KEY": "", "SECUREBASE_SITE_URL": None, "SECUREBASE_COOKIE_SECURE": None,
    "SECUREBASE_SESSION_DAYS": 30, "SECUREBASE_LOGIN_RATE": "5/5minute",
    "SECUREBASE_LOGIN_ADDRESS_RATE": "20/5minute", "SECUREBASE_LOGIN_SLOW_AFTER": "5/15minute",
    "SECUREBASE_REGISTER_RATE": "10/hour", "SECUREBASE_EXPORT_RATE": "10/hour",
    "SECUREBASE_POST_RATE": "10/minute", "SECUREBASE_CHAT_RATE": "20/10second",
    "SECUREBASE_REPORT_THRESHOLD": 3, "SECUREBASE_REPORT_RATE": "20/hour",
    "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS": 24.0, "SECUREBASE_LOG_LEVEL": "info",
    "SECUREBASE_WS_SEND_QUEUE": 256, "SECUREBASE_SOCKET_RECHECK_SECONDS": 15.0,
    "SECUREBASE_REDIS_PREFIX": "", "SECUREBASE_CRISIS_ESCALATE_AFTER": 300.0,
    "SECUREBASE_ALERT_WEBHOOK_URL": None, "SECUREBASE_LOG_ADDRESSES": False,
    "SECUREBASE_MAX_SOCKETS_PER_USER": 10, "SECUREBASE_WS_TICKET_SECONDS": 30.0,
    "SECUREBASE_HEADER_TIMEOUT": 10.0, "SECUREBASE_PUBLIC_READ": False,
}


def readme_rows() -> dict[str, tuple[str, str]]:
    """variable -> (default cell, meaning cell) from the table under "## Configuration"."""
    section = README.split("\n## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \| (.*?) \| (.*?) \|$", section, re.M)
    names = [name for name, _, _ in rows]
    assert len(names) == len(set(names)), f"a variable is listed twice: {sorted(names)}"
    return {name: (default, meaning) for name, default, meaning in rows}


def test_each_setting_is_defined_once_with_a_variable_default_and_description() -> None:
    defs = definitions()
    envs = [d.env for d in defs]
    assert len(envs) == len(set(envs))
    for d in defs:
        assert d.env.startswith("SECUREBASE_") or d.env in {"DATABASE_URL", "REDIS_URL"}, d.env
        assert d.type and d.about.strip() and d.form.expected, d


def test_variable_names_and_defaults_are_kept() -> None:
    defined = {d.env: d.default for d in definitions()}
    assert {env: defined.get(env, "missing") for env in KEPT} == KEPT


def test_readme_table_lists_every_setting_and_nothing_else() -> None:
    rows = readme_rows()
    defined = {d.env for d in definitions()}
    assert sorted(defined - rows.keys()) == [], "settings missing from the README's configuration table"
    assert sorted(rows.keys() - defined) == [], "README rows that are no setting"


@pytest.mark.parametrize("d", definitions(), ids=lambda d: d.env)
def test_readme_row_shows_the_definitions_default(d) -> None:
    default, meaning = readme_rows()[d.env]
    assert default.startswith(d.shown_default), f"{d.env}: README default {default!r}, defined {d.shown_default!r}"
    assert meaning.strip(), f"{d.env} has no meaning in the README"


def test_unset_and_empty_variables_give_the_defaults(tmp_path: Path) -> None:
    env = {d.env: "" for d in definitions()} | {"SECUREBASE_DATA_DIR": str(tmp_path)}
    s = Settings.from_env(env)
    for d in definitions():
        if d.env not in {"SECUREBASE_DATA_DIR", "DATABASE_URL", "SECUREBASE_SECRET_KEY", "SECUREBASE_REDIS_PREFIX"}:
            assert getattr(s, d.name) == d.default, d.env
    # Computed at start-up: SQLite in the data dir, a secret kept there, a prefix from the database.
    assert s.database_url == f"sqlite://{(tmp_path / 'securebase.sqlite3').resolve()}"
    assert s.secret_key == (tmp_path / "secret_key").read_text().strip() and len(s.secret_key) >= 32
    assert s.redis_prefix.startswith("sb:")


def test_good_values_are_read() -> None:
    values = read_environment({
        "SECUREBASE_SESSION_DAYS": "0", "SECUREBASE_POST_RATE": "3/minute",
        "SECUREBASE_LOGIN_SLOW_AFTER": "5/15minutes", "SECUREBASE_CHAT_RATE": " 20 / 10 Second ",
        "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS": "0", "SECUREBASE_CRISIS_ESCALATE_AFTER": "2.5",
        "SECUREBASE_PUBLIC_READ": "1", "SECUREBASE_LOG_ADDRESSES": "off", "SECUREBASE_COOKIE_SECURE": "true",
        "SECUREBASE_LOG_LEVEL": "WARNING", "DATABASE_URL": "postgresql://u:pw@127.0.0.1:5432/db",
        "REDIS_URL": "redis://127.0.0.1:6379/0", "SECUREBASE_SITE_URL": "https://securebase.example/",
        "SECUREBASE_ALERT_WEBHOOK_URL": "http://127.0.0.1:9/hook", "SECUREBASE_REDIS_PREFIX": "site-a:",
    })
    assert values == {
        "session_days": 0, "post_rate": "3/minute", "login_slow_after": "5/15minute",
        "chat_rate": "20/10second", "trusted_reporter_min_age_hours": 0.0, "crisis_escalate_after": 2.5,
        "public_read": True, "log_addresses": False, "cookie_secure": True, "log_level": "warning",
        "database_url": "postgresql://u:pw@127.0.0.1:5432/db", "redis_url": "redis://127.0.0.1:6379/0",
        "site_url": "https://securebase.example/", "alert_webhook_url": "http://127.0.0.1:9/hook",
        "redis_prefix": "site-a:",
    }


@pytest.mark.parametrize(("env", "value", "message"), [
    ("SECUREBASE_POST_RATE", "ten a minute", "SECUREBASE_POST_RATE must look like 10/minute"),
    ("SECUREBASE_POST_RATE", "10 per minute", "SECUREBASE_POST_RATE must look like 10/minute"),
    ("SECUREBASE_LOGIN_RATE", "0/minute", "SECUREBASE_LOGIN_RATE must look like 10/minute"),
    ("SECUREBASE_CHAT_RATE", "5/0second", "SECUREBASE_CHAT_RATE must look like 10/minute"),
    ("SECUREBASE_EXPORT_RATE", "10/fortnight", "SECUREBASE_EXPORT_RATE must look like 10/minute"),
    ("SECUREBASE_SESSION_DAYS", "thirty", "SECUREBASE_SESSION_DAYS must be a whole number"),
    ("SECUREBASE_SESSION_DAYS", "2.5", "SECUREBASE_SESSION_DAYS must be a whole number"),
    ("SECUREBASE_SESSION_DAYS", "-1", "SECUREBASE_SESSION_DAYS must be a whole number"),
    ("SECUREBASE_SESSION_DAYS", "３０", "SECUREBASE_SESSION_DAYS must be a whole number"),
    ("SECUREBASE_REPORT_THRESHOLD", "0", "SECUREBASE_REPORT_THRESHOLD must be a whole number, 1 or more"),
    ("SECUREBASE_MAX_SOCKETS_PER_USER", "99999999999", "SECUREBASE_MAX_SOCKETS_PER_USER must be a whole number"),
    ("SECUREBASE_HEADER_TIMEOUT", "0", "SECUREBASE_HEADER_TIMEOUT must be a number of seconds, more than 0"),
    ("SECUREBASE_CRISIS_ESCALATE_AFTER", "5m", "SECUREBASE_CRISIS_ESCALATE_AFTER must be a number of seconds"),
    ("SECUREBASE_SOCKET_RECHECK_SECONDS", "nan", "SECUREBASE_SOCKET_RECHECK_SECONDS must be a number of seconds"),
    ("SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS", "-3", "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS must be a number of hours"),
    ("SECUREBASE_PUBLIC_READ", "maybe", "SECUREBASE_PUBLIC_READ must be 1 or 0"),
    ("SECUREBASE_COOKIE_SECURE", "2", "SECUREBASE_COOKIE_SECURE must be 1 or 0"),
    ("SECUREBASE_LOG_LEVEL", "loud", "SECUREBASE_LOG_LEVEL must be one of critical, error, warning, info"),
    ("DATABASE_URL", "postgress://u:pw@host/db", "DATABASE_URL must look like postgres://user:pw@host:5432/db"),
    ("DATABASE_URL", "securebase.sqlite3", "DATABASE_URL must look like postgres://"),
    ("REDIS_URL", "127.0.0.1:6379", "REDIS_URL must look like redis://host:6379/0"),
    ("SECUREBASE_SITE_URL", "securebase.example", "SECUREBASE_SITE_URL must be an origin like https://securebase.example"),
    ("SECUREBASE_SITE_URL", "https://securebase.example/forum", "SECUREBASE_SITE_URL must be an origin"),
    ("SECUREBASE_ALERT_WEBHOOK_URL", "ftp://pager.example/hook", "SECUREBASE_ALERT_WEBHOOK_URL must look like https://"),
])
def test_a_bad_value_names_the_variable_and_the_form_expected(env: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({env: value})
    assert caught.value.problems == [caught.value.problems[0]]
    assert caught.value.problems[0].startswith(message), caught.value.problems


def test_every_bad_value_is_reported_at_once_and_no_password_is_echoed() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"SECUREBASE_SESSION_DAYS": "x", "SECUREBASE_POST_RATE": "lots",
                           "DATABASE_URL": "postgress://u:hunter2@host/db",
                           "SECUREBASE_ALERT_WEBHOOK_URL": "pager.example/hook?token=hunter2"})
    problems = caught.value.problems
    assert [p.split()[0] for p in problems] == ["DATABASE_URL", "SECUREBASE_SESSION_DAYS",
                                                "SECUREBASE_POST_RATE", "SECUREBASE_ALERT_WEBHOOK_URL"]
    assert "'lots'" in problems[2]  # a plain value is quoted, to show what was read
    assert "hunter2" not in str(caught.value)


def _securebase(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SECUREBASE_") and k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "server.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60,
                          env={**base, "SECUREBASE_DATA_DIR": str(tmp_path), **env})


@pytest.mark.parametrize("command", [["migrate"], ["serve", "--port", "1"]])
def test_start_up_stops_on_a_bad_value_with_the_message(tmp_path: Path, command: list[str]) -> None:
    done = _securebase(tmp_path, *command, SECUREBASE_POST_RATE="10 a minute", SECUREBASE_SESSION_DAYS="thirty")
    assert done.returncode == 2, done.stderr
    assert "SECUREBASE_POST_RATE must look like 10/minute" in done.stderr
    assert "SECUREBASE_SESSION_DAYS must be a whole number" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "securebase.sqlite3").exists()  # nothing was started or written


def test_serve_takes_its_log_level_from_the_setting_unless_given(monkeypatch, tmp_path: Path) -> None:
    """SECUREBASE_LOG_LEVEL sets the server's log level (uvicorn's and the project's loggers);
    ``serve --log-level`` overrides it."""
    import uvicorn

    runs: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: runs.append(kw))

    async def prepared(settings: Settings) -> None:
        return None

    monkeypatch.setattr(cli, "prepare", prepared)
    monkeypatch.setenv("SECUREBASE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite://{tmp_path}/db.sqlite3")
    monkeypatch.setenv("SECUREBASE_LOG_LEVEL", "warning")
    assert cli.main(["serve"]) == 0
    assert cli.main(["serve", "--log-level", "DEBUG"]) == 0
    monkeypatch.delenv("SECUREBASE_LOG_LEVEL")
    assert cli.main(["serve"]) == 0
    assert [(r["log_level"], r["log_config"]["root"]["level"]) for r in runs] == [
        ("warning", "WARNING"), ("debug", "DEBUG"), ("info", "INFO")]
