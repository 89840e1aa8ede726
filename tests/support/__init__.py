"""Real servers and clients for the tests: a uvicorn subprocess on a free port."""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]

# Generous limits so the suite's many sign-ups from 127.0.0.1 are not throttled;
# tests that check throttling start their own server with tight limits.
TEST_ENV = {
    "SECUREBASE_REGISTER_RATE": "10000/minute",
    "SECUREBASE_LOGIN_ADDRESS_RATE": "10000/minute",
    "SECUREBASE_POST_RATE": "10000/minute",
    "SECUREBASE_CHAT_RATE": "10000/minute",
    "SECUREBASE_REPORT_RATE": "10000/minute",
    "SECUREBASE_TRUSTED_REPORTER_MIN_AGE_HOURS": "0",
    "SECUREBASE_LOG_LEVEL": "warning",
    # Many tests read threads signed out to check what the public would see; members-only
    # tests start their own server with SECUREBASE_PUBLIC_READ="" (the default, off).
    "SECUREBASE_PUBLIC_READ": "1",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unique(prefix: str = "m") -> str:
    return f"{prefix}_{secrets.token_hex(5)}"


@dataclass
class LiveServer:
    """`securebase serve` in a subprocess. Same data dir + DB can be restarted."""

    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    workers: int = 1
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    log_level: str = "warning"  # the server's --log-level (info: uvicorn and the access log too)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> LiveServer:
        env = {**os.environ, **TEST_ENV, "SECUREBASE_DATA_DIR": str(self.data_dir), **self.env}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / f"server-{self.port}.log"
        with open(self.log_path, "ab") as log:  # the server keeps its own copy of the file
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--port", str(self.port),
                 "--workers", str(self.workers), "--log-level", self.log_level],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become ready:\n{self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.proc = None

    def kill(self) -> None:
        """Stop abruptly, as a crash would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        self.proc = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path and self.log_path.exists() else ""


def register(base_url: str, handle: str | None = None, password: str = "a calm long password") -> dict:
    """Register and sign in over the API; returns {handle, token, user, headers}."""
    handle = handle or unique()
    with httpx.Client(base_url=base_url, timeout=20) as c:
        r = c.post("/api/auth/register", json={"handle": handle, "password": password})
        assert r.status_code == 201, r.text
        r = c.post("/api/auth/login", json={"handle": handle, "password": password})
        assert r.status_code == 200, r.text
    data = r.json()
    return {"handle": handle, "password": password, "token": data["token"], "user": data["user"],
            "headers": {"Authorization": f"Bearer {data['token']}"}}


def set_role(server: LiveServer, handle: str, role: str) -> None:
    env = {**os.environ, "SECUREBASE_DATA_DIR": str(server.data_dir), **server.env}
    subprocess.run([sys.executable, "-m", "server.cli", "set-role", handle, role], cwd=ROOT, env=env,
                   check=True, capture_output=True)
