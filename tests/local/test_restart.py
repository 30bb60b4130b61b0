"""`make run` keeps what it is given (issue 13): through a clean stop, through `kill -9`
during writes and during runs; the demo key stays the same; ports and signals behave."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.templates import get_template
from tests.live_server import ROOT, LocalServer, free_port
from tests.local.conftest import Api, checkpoint_canvas, tsp_input, wait_for


def stop_and_time(server: LocalServer, sig: int) -> tuple[int, float]:
    started = time.monotonic()
    os.kill(server.process.pid, sig)
    code = server.process.wait(timeout=30)
    server.process = None
    return code, time.monotonic() - started


def test_a_restart_keeps_everything_and_the_key(tmp_path):
    with LocalServer(data_dir=tmp_path) as first:
        api = Api(first)
        _, document = api.call("POST", "/builder", {"name": "kept", "canvas_json": checkpoint_canvas(1)})
        versions = [api.call("POST", f"/builder/{document['id']}/versions",
                             {"canvas_json": checkpoint_canvas(i)})[1] for i in range(2, 5)]
        _, model = api.call("POST", f"/models/catalog/{catalog_id_for('warehouse_allocation')}/activate")
        _, result = api.call("POST", f"/models/{model['id']}/execute",
                             {"input_data": get_template("warehouse_allocation").example_input})
        _, queued = api.call("POST", f"/models/{model['id']}/execute",
                             {"input_data": get_template("warehouse_allocation").example_input, "async": True})
        wait_for(lambda: api.call("GET", f"/executions/{queued['execution_id']}")[1]["status"] == "succeeded")
        _, key = api.call("POST", "/api-keys", {"name": "second"})
        credits = api.call("GET", "/organization")[1]["credits"]
        code, seconds = stop_and_time(first, signal.SIGINT)
        assert code == 0 and seconds < 5, (code, seconds)
    with LocalServer(data_dir=tmp_path) as second:
        assert second.api_key == first.api_key  # printed again, the same
        api = Api(second)
        assert api.call("GET", "/organization")[1]["credits"] == credits
        listed = api.call("GET", f"/builder/{document['id']}/versions")[1]
        assert [v["id"] for v in listed] == [v["id"] for v in reversed(versions)]
        assert api.call("GET", f"/executions/{result['execution_id']}")[1]["status"] == "succeeded"
        assert api.call("GET", f"/executions/{queued['execution_id']}")[1]["result"]["status"] == "optimal"
        other = Api.__new__(Api)
        other.server, other.http = second, api.http.__class__(base_url=second.api_url, timeout=30,
                                                              headers={"Authorization": f"Bearer {key['key']}"})
        assert other.call("GET", "/organization")[0] == 200  # a key made yesterday still works
        code, seconds = stop_and_time(second, signal.SIGTERM)
        assert code == 0 and seconds < 5, (code, seconds)


def test_kill_9_during_writes_loses_nothing_acknowledged(tmp_path):
    acknowledged: list[dict] = []
    with LocalServer(data_dir=tmp_path) as first:
        api = Api(first)
        _, document = api.call("POST", "/builder", {"name": "crash", "canvas_json": checkpoint_canvas(0)})
        stop = threading.Event()

        def write(worker: int) -> None:
            i = 0
            while not stop.is_set():
                i += 1
                try:
                    status, version = api.call("POST", f"/builder/{document['id']}/versions",
                                               {"canvas_json": checkpoint_canvas(worker * 10_000 + i)})
                except Exception:
                    return  # the connection died with the server: never acknowledged
                if status == 201:
                    acknowledged.append(version)

        writers = [threading.Thread(target=write, args=(w,)) for w in range(8)]
        for writer in writers:
            writer.start()
        wait_for(lambda: len(acknowledged) >= 20, timeout_s=120)
        first.kill()
        stop.set()
        for writer in writers:
            writer.join()
    with LocalServer(data_dir=tmp_path) as second:
        api = Api(second)
        listed = api.call("GET", f"/builder/{document['id']}/versions", params={"limit": 100})[1]
        kept = {version["id"] for version in listed}
        assert {version["id"] for version in acknowledged} <= kept
        sequences = sorted(version["sequence"] for version in listed)
        assert sequences == list(range(1, len(sequences) + 1))  # nothing half-written
        status, fresh = api.call("POST", f"/builder/{document['id']}/versions", {"canvas_json": checkpoint_canvas(-1)})
        assert status == 201 and fresh["sequence"] == len(sequences) + 1


def test_kill_9_during_runs_leaves_no_run_running(tmp_path):
    long_runs = {"JAOT_MAX_TIME_LIMIT_S": "60", "JAOT_MAX_SYNC_TIME_LIMIT_S": "60"}
    with LocalServer(data_dir=tmp_path, JAOT_DEMO_CREDITS="100", **long_runs) as first:
        api = Api(first)
        _, model = api.call("POST", f"/models/catalog/{catalog_id_for('tsp')}/activate")
        body = {"input_data": tsp_input(), "options": {"time_limit_s": 40}}  # caught while running, surely
        credits_before = api.call("GET", "/organization")[1]["credits"]
        status, queued = api.call("POST", f"/models/{model['id']}/execute", {**body, "async": True})
        assert status == 202, queued
        wait_for(lambda: _running(api) == {queued["execution_id"]})
        sync = threading.Thread(target=_ignore_errors, args=(api.call, "POST", f"/models/{model['id']}/execute", body))
        sync.start()
        running = wait_for(lambda: len(_running(api)) == 2 and _running(api))
        first.kill()  # both seen running a moment ago
        sync.join()
    sync_id = next(iter(running - {queued["execution_id"]}))
    with LocalServer(data_dir=tmp_path, **long_runs) as second:
        api = Api(second)
        cut = api.call("GET", f"/executions/{sync_id}")[1]
        assert cut["status"] == "failed" and "never answered" in cut["failure_reason"]
        taken_up = wait_for(lambda: _taken_up(api, queued["execution_id"]))
        assert taken_up["status"] == "running" and taken_up["attempts"] == 2
        charged = credits_before - api.call("GET", "/organization")[1]["credits"]
        assert charged > 0  # the async run's one charge is held; the cut sync run's was refunded
        assert api.call("POST", f"/executions/{queued['execution_id']}/cancel")[0] in (200, 202)
        ended = wait_for(lambda: _finished(api, queued["execution_id"]))
        assert ended["status"] == "canceled"
        assert api.call("GET", "/organization")[1]["credits"] == credits_before  # both refunded now


def _taken_up(api: Api, execution_id: str):
    run = api.call("GET", f"/executions/{execution_id}")[1]
    return run if run["status"] == "running" and run["attempts"] == 2 else None


def _running(api: Api) -> set[str]:
    """Ids of the running runs, asked on a new connection each time: a kept-alive one may lead
    to the API process that is busy solving the synchronous run."""
    listed = httpx.get(f"{api.server.api_url}/executions", headers=api.http.headers, timeout=30).json()
    return {run["execution_id"] for run in listed["items"] if run["status"] == "running"}


def _finished(api: Api, execution_id: str):
    run = api.call("GET", f"/executions/{execution_id}")[1]
    return run if run["status"] in ("succeeded", "failed", "canceled") else None


def _ignore_errors(call, *args):
    try:
        call(*args)
    except Exception:
        pass


@pytest.mark.parametrize("setting", ["PORT", "JAOT_STORE_PORT"])
def test_a_busy_port_fails_fast_naming_the_setting(setting, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "JAOT_"))}
        env.update({"PORT": str(free_port()), "JAOT_STORE_PORT": str(free_port()), "JAOT_DATA_DIR": str(tmp_path),
                    setting: str(port)})
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "local.run"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 1
    assert time.monotonic() - started < 10
    assert f"Port {port} is already in use; set {setting} to a free port" in done.stderr
