"""Against a real Prefect server started on loopback (once for the module): runs are recorded there, a
served deployment triggered through the API completes, a failing source leaves the others stored, and
a work pool with two process workers runs per-source crawls into PostgreSQL."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from crawlers.registry import SOURCES
from tests.services import PREFECT, prefect_environment, prefect_server, stop_process_group, wait_until

MLPATH = str(Path(sys.executable).with_name("mlpath"))
RUN_DEADLINE_SECONDS = 240
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@pytest.fixture(scope="module")
def api_url(tmp_path_factory):
    with prefect_server(tmp_path_factory.mktemp("prefect-server")) as url:
        yield url


@pytest.fixture
def api(api_url):
    with httpx.Client(base_url=api_url, timeout=30) as client:
        yield client


def environment(home: Path, api_url: str, **extra: str) -> dict[str, str]:
    """A client process's environment: its own MLPATH_HOME and PREFECT_HOME, the module's server."""
    (home / "prefect").mkdir(parents=True, exist_ok=True)
    values = {**prefect_environment(home / "prefect", api_url), "MLPATH_HOME": str(home), **extra}
    values.pop("PREFECT_API_DATABASE_CONNECTION_URL")  # a client; the server has its own database
    if "MLPATH_DATABASE_URL" not in extra:
        values.pop("MLPATH_DATABASE_URL", None)
    return values


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=RUN_DEADLINE_SECONDS)


def crawl_runs(home: Path) -> dict[str, tuple]:
    with sqlite3.connect(home / "mlpath.db") as connection:
        rows = connection.execute("SELECT source, status, stored, message FROM crawl_runs").fetchall()
    return {source: (status, stored, message) for source, status, stored, message in rows}


def flow_runs(api: httpx.Client, flow_name: str) -> list[dict]:
    response = api.post("/flow_runs/filter", json={"flows": {"name": {"any_": [flow_name]}}})
    response.raise_for_status()
    return response.json()


def finished_flow_run(api: httpx.Client, flow_run_id: str) -> dict:
    """Poll the flow run until it ends (with a deadline); its final JSON."""
    def state_type():
        return api.get(f"/flow_runs/{flow_run_id}").json()["state"]["type"]

    wait_until(lambda: state_type() in TERMINAL, f"flow run {flow_run_id}", RUN_DEADLINE_SECONDS)
    return api.get(f"/flow_runs/{flow_run_id}").json()


def trigger(api: httpx.Client, deployment: str) -> str:
    """Create a run of the deployment, as the UI's "Run" button does. A busy SQLite server answers
    503 (retry later), as Prefect's own client knows: so do we, until a deadline."""
    found = api.get(f"/deployments/name/mlpath-source/{deployment}")
    found.raise_for_status()
    answers = []

    def created() -> bool:
        answers.append(api.post(f"/deployments/{found.json()['id']}/create_flow_run", json={}))
        return answers[-1].status_code != 503

    wait_until(created, f"a run of {deployment}", 60)
    answers[-1].raise_for_status()
    return answers[-1].json()["id"]


def test_a_run_is_recorded_on_the_server_with_its_report(api_url, api, small_archive, tmp_path):
    result = run([MLPATH, "run", "--replay", str(small_archive), "--source", "ds-colleges",
                  "--source", "mastersportal"], environment(tmp_path, api_url))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr, result.stderr[-3000:]
    assert "all 2 sources ok" in result.stderr
    assert {source: status for source, (status, *_) in crawl_runs(tmp_path).items()} == {
        "ds-colleges": "ok", "mastersportal": "ok"}

    [recorded] = flow_runs(api, "mlpath-run")
    assert recorded["state"]["type"] == "COMPLETED"
    for name in ("mlpath-writer", "mlpath-trainer"):  # created by the run: one store, one training at a time
        limit = api.get(f"/v2/concurrency_limits/{name}").json()
        assert (limit["limit"], limit["active"], limit["active_slots"]) == (1, True, 0)
    artifacts = api.post("/artifacts/filter", json={"artifacts": {"key": {"any_": ["mlpath-run-report"]}}}).json()
    [report] = [artifact for artifact in artifacts if artifact["flow_run_id"] == recorded["id"]]
    stored = crawl_runs(tmp_path)["ds-colleges"][1]
    assert stored > 0
    assert f"| ds-colleges | ok | 1 | 60 | {stored} | 0 | 0 | ok |" in report["data"]
    assert "health" in result.stdout and "ds-colleges" in result.stdout and "mastersportal" in result.stdout


FAILING_RUN = """
import sys
from pathlib import Path
from flows.run import run_pipeline
state = run_pipeline(sources=["ds-colleges", "no-such-source"], replay=Path(sys.argv[1]), return_state=True)
print(state.type.value, state.message)
"""


def test_a_failing_source_is_retried_named_and_leaves_the_others_stored(api_url, api, small_archive, tmp_path):
    env = environment(tmp_path, api_url, MLPATH_CRAWL_RETRIES="1", MLPATH_CRAWL_RETRY_BACKOFF_SECONDS="0.5")
    result = run([sys.executable, "-c", FAILING_RUN, str(small_archive)], env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "FAILED 1 of 2 sources failed: no-such-source"

    runs = crawl_runs(tmp_path)
    assert runs["ds-colleges"][:1] == ("ok",) and runs["ds-colleges"][1] > 0
    status, stored, message = runs["no-such-source"]
    assert (status, stored) == ("failed", 0)
    assert message.startswith("no-such-source: spider exited")

    failed = [flow_run for flow_run in flow_runs(api, "mlpath-run") if flow_run["state"]["type"] == "FAILED"]
    assert len(failed) == 1
    tasks = api.post("/task_runs/filter", json={
        "flow_runs": {"id": {"any_": [failed[0]["id"]]}},
        "task_runs": {"name": {"any_": ["crawl-no-such-source"]}}}).json()
    assert [task["run_count"] for task in tasks] == [2]  # tried, then retried once


@pytest.fixture
def serving(api_url, api, small_archive, tmp_path):
    """`mlpath schedule serve --replay ...` running against the module's server until the test ends."""
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([MLPATH, "schedule", "serve", "--replay", str(small_archive)],
                               env=environment(tmp_path, api_url), stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    registered = lambda: api.get("/deployments/name/mlpath-source/crawl-udemy-catalog").status_code == 200  # noqa: E731
    try:
        wait_until(registered, "mlpath schedule serve registering its deployments", process=process)
        yield tmp_path
    finally:
        os.killpg(process.pid, signal.SIGINT)  # serve's own shutdown path
        stop_process_group(process)
        log.close()


def test_a_served_deployment_triggered_through_the_api_completes(api, serving):
    deployments = api.post("/deployments/filter", json={}).json()
    served = {deployment["name"]: deployment for deployment in deployments}
    assert {f"crawl-{name}" for name in SOURCES} <= set(served)
    ds_colleges = served["crawl-ds-colleges"]
    assert [schedule["schedule"]["cron"] for schedule in ds_colleges["schedules"]] == [SOURCES["ds-colleges"].cadence]
    assert ds_colleges["parameters"]["source"] == "ds-colleges"
    # a source switched off in the registry is registered paused, the others run on their schedule
    assert {name: served[f"crawl-{name}"]["paused"] for name in SOURCES} == {
        name: not declared.enabled for name, declared in SOURCES.items()
    }
    assert ds_colleges["parameters"]["replay"].endswith("small.warc.gz")

    finished = finished_flow_run(api, trigger(api, "crawl-ds-colleges"))
    assert finished["state"]["type"] == "COMPLETED", finished["state"]
    status, stored, _ = crawl_runs(serving)["ds-colleges"]
    assert status == "ok" and stored > 0


def test_a_work_pool_with_two_workers_runs_per_source_crawls_into_postgres(
        api_url, api, small_archive, tmp_path, postgres_url):
    env = environment(tmp_path, api_url, MLPATH_DATABASE_URL=postgres_url, PREFECT_WORKER_QUERY_SECONDS="1")
    # The workers start (slowly: they import Prefect) while the deployments are being registered.
    workers = [subprocess.Popen([PREFECT, "worker", "start", "--pool", "mlpath-test", "--type", "process",
                                 "--limit", "1", "--name", f"worker-{number}"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, start_new_session=True)
               for number in (1, 2)]
    try:
        registered = run([MLPATH, "schedule", "serve", "--pool", "mlpath-test", "--replay", str(small_archive)], env)
        assert registered.returncode == 0, registered.stderr[-3000:]
        [pool] = api.post("/work_pools/filter", json={}).json()
        assert (pool["name"], pool["type"]) == ("mlpath-test", "process")
        flow_run_ids = [trigger(api, f"crawl-{source}") for source in ("ds-colleges", "mastersportal")]
        finished = [finished_flow_run(api, flow_run_id) for flow_run_id in flow_run_ids]
        polling = api.post("/work_pools/mlpath-test/workers/filter", json={}).json()
    finally:
        for worker in workers:
            stop_process_group(worker)
    assert sorted(worker["name"] for worker in polling) == ["worker-1", "worker-2"]
    assert [flow_run["state"]["type"] for flow_run in finished] == ["COMPLETED", "COMPLETED"], [
        flow_run["state"] for flow_run in finished]
    assert {flow_run["work_pool_name"] for flow_run in finished} == {"mlpath-test"}

    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        runs = dict(connection.execute(text("SELECT source, status FROM crawl_runs")).all())
        programs = dict(connection.execute(text(
            "SELECT source, COUNT(DISTINCT program_id) FROM source_records GROUP BY source")).all())
    engine.dispose()
    assert runs == {"ds-colleges": "ok", "mastersportal": "ok"}
    assert programs["ds-colleges"] > 0 and programs["mastersportal"] > 0
