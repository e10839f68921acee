"""Real services for tests, started on loopback and stopped after: PostgreSQL and a Prefect server.

A missing service fails the test with a message naming what to install; nothing is skipped.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from glob import glob
from pathlib import Path

import pytest

POSTGRES_USER = "nobody"  # PostgreSQL refuses to run as root
STARTUP_DEADLINE_SECONDS = 120
PREFECT = str(Path(sys.executable).with_name("prefect"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, what: str, deadline_seconds: float = STARTUP_DEADLINE_SECONDS, process=None) -> None:
    """Poll ``ready()`` until it is true; fail naming ``what`` at the deadline or if ``process`` dies."""
    deadline = time.monotonic() + deadline_seconds
    while not ready():
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what} exited with {process.returncode} before it was ready")
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not ready after {deadline_seconds} s")
        time.sleep(0.2)


# --- PostgreSQL -------------------------------------------------------------------------------------

def _postgres_bin() -> Path:
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found := shutil.which("initdb") or (candidates[0] if candidates else None):
        return Path(found).parent
    pytest.fail("PostgreSQL server not installed: initdb and pg_ctl are missing "
                "(apt-get update && apt-get install -y postgresql)")


def _as_postgres_user() -> dict:
    """Run the server's commands as an unprivileged user when the tests run as root."""
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(POSTGRES_USER)
    except KeyError:
        pytest.fail(f"user {POSTGRES_USER!r} is missing: PostgreSQL needs an unprivileged user to run as")
    return {"user": POSTGRES_USER}


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a free loopback port; yields its admin URL (no database)."""
    bindir, run_as = _postgres_bin(), _as_postgres_user()
    folder = Path(tempfile.mkdtemp(prefix="mlpath-postgres-"))
    if run_as:
        shutil.chown(folder, user=run_as["user"])
    data, log, port = folder / "data", folder / "server.log", free_port()
    subprocess.run([bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"],
                   check=True, capture_output=True, **run_as)
    options = f"-p {port} -h 127.0.0.1 -k {folder} -F"
    started = subprocess.run([bindir / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "start"],
                             capture_output=True, text=True, **run_as)
    if started.returncode:
        pytest.fail(f"PostgreSQL did not start: {started.stderr.strip()} {_tail(log)}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True, **run_as)
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server_url.replace("+psycopg", "") + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-1000:] if path.exists() else ""


# --- Prefect server ---------------------------------------------------------------------------------

def prefect_environment(home: Path, api_url: str | None = None) -> dict[str, str]:
    """Environment for Prefect processes: their own home and database, no analytics, no UI."""
    environment = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    environment.pop("PREFECT_API_URL", None)
    if api_url:
        environment["PREFECT_API_URL"] = api_url
    return environment


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def prefect_server(home: Path) -> Iterator[str]:
    """`prefect server start` on a free loopback port with its own SQLite; yields its API URL."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    log = (home / "server.log").open("w")
    process = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                               env=prefect_environment(home), stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_until(lambda: _healthy(api_url), f"prefect server on port {port} (log: {log.name})", process=process)
        yield api_url
    finally:
        stop_process_group(process)
        log.close()


def stop_process_group(process: subprocess.Popen, grace_seconds: float = 15) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(grace_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
