"""`make run` (`python -m local.run`) in a subprocess, for tests of the live service and
the fuzz run.

local/run.py serves the API from a child process in a session of its own and stops it
when it receives SIGTERM, then snapshots the store. `LocalServer` starts it on free ports
with its own settings and data folder (a new temporary one unless given: pass the same
`data_dir` to a second server to restart on the same data), reads the demo key from the
`JAOT_API_KEY=...` line of its log, waits for `GET /api/v2/health`, and on exit sends
SIGTERM, waits, and makes sure neither the process group nor the API's survives (SIGKILL
after a grace period). `kill()` is `kill -9` of everything. Everything listens on
127.0.0.1 only.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RUN_LOCAL = ["-m", "local.run"]
KEY_LINE = re.compile(r"^JAOT_API_KEY=(\S+)$", re.MULTILINE)

# Settings of the server under test (docs/deployment.md, settings); each can be overridden
# through the environment of the test run (same variable name).
SERVER_SETTINGS = {
    # The fuzzer spends credits on every run it gets through; never let a 402 hide a path.
    "JAOT_DEMO_CREDITS": "100000000",
    # Bounds every solve the fuzzer asks for. 5 s, not lower: the spec's request examples
    # (which the examples phase sends) ask for `time_limit_s: 5`. (Fuzz finding F1: a run
    # that gives no time limit gets the default, 10 s, and is refused while the bound is
    # below it; the fuzzer only sees more 400s.)
    "JAOT_MAX_TIME_LIMIT_S": "5",
    # The per-credential limit (600/min) would answer 429s to a fuzzer.
    "JAOT_RATE_LIMIT_PER_MINUTE": "0",
    # The scheduler never fires during a run: a fuzzed schedule trigger would otherwise
    # start runs whose callbacks (any public https URL passes validation) leave the machine.
    "JAOT_TICK_S": "1000000000",
    "JAOT_CALLBACK_HTTP_HOSTS": "127.0.0.1,localhost",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return pids


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _killpg(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


class LocalServer:
    """`with LocalServer() as server:` -> server.base_url, server.api_key, server.log_path."""

    def __init__(self, log_dir: str | os.PathLike[str] | None = None, startup_timeout_s: float = 90.0,
                 data_dir: str | os.PathLike[str] | None = None, **settings: str) -> None:
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="jaot-data-"))
        self.port = free_port()
        self.store_port = free_port()
        while self.store_port == self.port:
            self.store_port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.api_url = f"{self.base_url}/api/v2"
        self.startup_timeout_s = startup_timeout_s
        self.log_path = Path(log_dir or tempfile.mkdtemp(prefix="jaot-server-")) / "server.log"
        self.settings = {name: os.environ.get(name, value) for name, value in SERVER_SETTINGS.items()}
        self.settings.update(settings)
        self.api_key = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._api_pids: list[int] = []

    def environment(self) -> dict[str, str]:
        # Nothing of the test session's AWS or JAOT settings leaks in (tests/conftest.py
        # sets some): local/run.py configures its own store, table and dummy credentials.
        env = {name: value for name, value in os.environ.items()
               if not name.startswith(("AWS_", "JAOT_", "PYTEST_", "COV_"))}
        env.update(self.settings)
        env.update({"PORT": str(self.port), "JAOT_STORE_PORT": str(self.store_port), "JAOT_DATA_DIR": str(self.data_dir),
                    "PYTHONUNBUFFERED": "1", "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
        return env

    def start(self) -> "LocalServer":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # The log is appended to (a restart on the same data keeps one log): this start's key is
        # the one printed after this offset, never one an earlier server left in a kept log dir.
        self._log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-u", *RUN_LOCAL], cwd=ROOT, env=self.environment(),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"local/run.py exited with {self.process.returncode}:\n{self.log_tail()}")
            if not self.api_key:
                with open(self.log_path, "rb") as log:
                    log.seek(self._log_start)
                    keys = KEY_LINE.findall(log.read().decode(errors="replace"))
                self.api_key = keys[-1] if keys else ""
            if self.api_key:
                try:
                    with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                        if response.status == 200:
                            self._api_pids = _children(self.process.pid)
                            return
                except OSError:
                    pass
            time.sleep(0.25)
        raise TimeoutError(f"the local API did not answer within {self.startup_timeout_s:g} s:\n{self.log_tail()}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace_s: float = 15.0) -> None:
        if self.process is None:
            return
        api_pids = self._api_pids or _children(self.process.pid)
        if self.process.poll() is None:
            # local/run.py's SIGTERM handler stops the API's process group, then the store.
            _killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                _killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        # chalice local runs in a session of its own (its pid is its group id).
        for pid in api_pids:
            if _alive(pid):
                _killpg(pid, signal.SIGTERM)
                end = time.monotonic() + 5
                while _alive(pid) and time.monotonic() < end:
                    time.sleep(0.1)
                if _alive(pid):
                    _killpg(pid, signal.SIGKILL)
        self.process = None

    def kill(self) -> None:
        """`kill -9` of the service and its API process, as a crash would."""
        if self.process is None:
            return
        api_pids = self._api_pids or _children(self.process.pid)
        _killpg(self.process.pid, signal.SIGKILL)
        for pid in api_pids:
            _killpg(pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def request(self, method: str, path: str, body: Any = None, timeout: float = 30.0) -> tuple[int, Any]:
        """A JSON request with the demo key (for seeding the server); returns (status, JSON body)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.api_url}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
