"""Long runs on the running local service (`make run`): with JAOT_LAMBDA_RUN_LIMIT_S=1 every
queued run above 1 s goes through the task path, a process of its own started by the
worker (launcher `process`), as a Fargate task does in AWS."""
from __future__ import annotations

import os
import time
from pathlib import Path

import boto3
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.store import keys
from tests.api.test_execute import SPEC_INPUT, brute_force_two_warehouses
from tests.api.test_executions import ft10_input
from tests.live_server import LocalServer, _children
from tests.local.conftest import Api, tsp_input, wait_for

TABLE = "jaot-dev"  # .chalice/config.json's dev stage, which local/run.py uses


def alive(pid: int) -> bool:
    """Running: an ended process whose parent has not reaped it yet (a zombie) is not."""
    if not Path("/proc/self").exists():
        return _signal_0(pid)
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _signal_0(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with LocalServer(data_dir=tmp_path_factory.mktemp("long-runs"), JAOT_DEMO_CREDITS="1000",
                     JAOT_LAMBDA_RUN_LIMIT_S="1", JAOT_MAX_TIME_LIMIT_S="120", JAOT_CANCEL_POLL_S="0.2",
                     JAOT_LONG_RUN_CANCEL_GRACE_S="10") as live:
        yield live


@pytest.fixture(scope="module")
def api(server):
    return Api(server)


@pytest.fixture(scope="module")
def aws(server):
    """The local store itself, to read what the API does not show (launcher, process id)."""
    options = {"endpoint_url": f"http://127.0.0.1:{server.store_port}", "region_name": "us-east-1",
               "aws_access_key_id": "local", "aws_secret_access_key": "local"}
    return boto3.client("dynamodb", **options), boto3.client("sqs", **options)


def record(aws, organization_id: str, execution_id: str) -> dict:
    item = aws[0].get_item(TableName=TABLE, ConsistentRead=True, Key={
        "PK": {"S": keys.org_pk(organization_id)}, "SK": {"S": keys.execution_sk(execution_id)}})["Item"]
    return {name: next(iter(value.values())) for name, value in item.items()}


def runs_queue_counts(aws) -> tuple[int, int]:
    """(messages waiting or in flight, messages delayed) on the runs queue."""
    sqs = aws[1]
    url = sqs.get_queue_url(QueueName="jaot-runs")["QueueUrl"]
    counts = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
        "ApproximateNumberOfMessagesDelayed"])["Attributes"]
    return (int(counts["ApproximateNumberOfMessages"]) + int(counts["ApproximateNumberOfMessagesNotVisible"]),
            int(counts["ApproximateNumberOfMessagesDelayed"]))


def service_pids(server) -> set[int]:
    return {server.process.pid, *_children(server.process.pid)}


def activate(api, template: str) -> str:
    status, model = api.call("POST", f"/models/catalog/{catalog_id_for(template)}/activate")
    assert status in (200, 201), model
    return model["id"]


def test_a_long_run_is_solved_in_a_process_of_its_own(server, api, aws):
    organization_id = api.call("GET", "/organization")[1]["id"]
    model_id = activate(api, "warehouse_allocation")
    credits = api.call("GET", "/organization")[1]["credits"]
    status, queued = api.call("POST", f"/models/{model_id}/execute",
                              {"input_data": SPEC_INPUT, "options": {"time_limit_s": 3}, "async": True})
    assert status == 202, queued
    path = f"/executions/{queued['execution_id']}"
    run = wait_for(lambda: (run := api.call("GET", path)[1])["status"] not in ("queued", "running") and run)
    assert run["status"] == "succeeded", run
    assert run["result"]["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))
    stored = record(aws, organization_id, queued["execution_id"])
    assert stored["launcher"] == "process"
    assert int(stored["process_id"]) not in service_pids(server)  # neither the worker, the API nor make run
    cost = credits - api.call("GET", "/organization")[1]["credits"]
    assert cost == run["credits_used"] > 0


@pytest.mark.parametrize("template,input_data,ended_by", [
    # CP-SAT lets the process's cancel watcher run: it stops the solver, the run keeps its best schedule.
    ("job_shop", ft10_input(), {"canceled while running"}),
    # OR-Tools' routing search holds the interpreter lock for long stretches: when the watcher
    # cannot run, the grace period's watch ends the run and kills the process (StopTask on ECS).
    ("tsp", tsp_input(), {"canceled while running", "canceled; its task was stopped"}),
])
def test_a_long_run_is_canceled_refunded_once_and_its_process_ends(server, api, aws, template, input_data, ended_by):
    organization_id = api.call("GET", "/organization")[1]["id"]
    model_id = activate(api, template)
    credits = api.call("GET", "/organization")[1]["credits"]
    status, queued = api.call("POST", f"/models/{model_id}/execute",
                              {"input_data": input_data, "options": {"time_limit_s": 60}, "async": True})
    assert status == 202, queued
    path = f"/executions/{queued['execution_id']}"
    wait_for(lambda: api.call("GET", path)[1]["status"] == "running")
    process_id = int(record(aws, organization_id, queued["execution_id"])["process_id"])
    assert alive(process_id) and process_id not in service_pids(server)
    assert api.call("GET", "/organization")[1]["credits"] < credits  # charged while it runs

    watches = runs_queue_counts(aws)  # the hand-off watches, delayed to their tasks' start deadline
    status, canceled = api.call("POST", f"{path}/cancel")
    assert status == 200 and canceled["cancel_requested"] is True
    run = wait_for(lambda: (run := api.call("GET", path)[1])["status"] != "running" and run, timeout_s=45)
    assert run["status"] == "canceled" and run["credits_used"] == 0
    wait_for(lambda: not alive(process_id), timeout_s=45)
    wait_for(lambda: runs_queue_counts(aws) == watches, timeout_s=45)  # the cancel's watch was handled too
    assert api.call("GET", "/organization")[1]["credits"] == credits  # refunded, once
    history = api.call("GET", path)[1]["status_history"]
    assert [change["status"] for change in history] == ["queued", "running", "canceled"]
    assert history[-1]["reason"] in ended_by


def test_a_time_limit_above_the_maximum_is_refused_naming_it(server, api):
    model_id = activate(api, "warehouse_allocation")
    status, error = api.call("POST", f"/models/{model_id}/execute",
                             {"input_data": SPEC_INPUT, "options": {"time_limit_s": 121}, "async": True})
    assert status == 400 and "at most 120 seconds" in error["message"]
    status, error = api.call("POST", f"/models/{model_id}/execute",
                             {"input_data": SPEC_INPUT, "options": {"time_limit_s": 30}})
    assert status == 400 and "at most 25 seconds" in error["message"] and "async" in error["message"]


def test_stopping_make_run_ends_a_long_run_failed_and_refunded_and_its_process(tmp_path):
    settings = {"JAOT_DEMO_CREDITS": "1000", "JAOT_LAMBDA_RUN_LIMIT_S": "1", "JAOT_MAX_TIME_LIMIT_S": "120"}
    with LocalServer(data_dir=tmp_path, **settings) as first:
        api = Api(first)
        aws = (boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{first.store_port}", region_name="us-east-1",
                            aws_access_key_id="local", aws_secret_access_key="local"), None)
        organization_id = api.call("GET", "/organization")[1]["id"]
        model_id = activate(api, "job_shop")
        credits = api.call("GET", "/organization")[1]["credits"]
        _, queued = api.call("POST", f"/models/{model_id}/execute",
                             {"input_data": ft10_input(), "options": {"time_limit_s": 60}, "async": True})
        path = f"/executions/{queued['execution_id']}"
        wait_for(lambda: api.call("GET", path)[1]["status"] == "running")
        process_id = int(record(aws, organization_id, queued["execution_id"])["process_id"])
    assert not alive(process_id)  # it did not outlive the service
    with LocalServer(data_dir=tmp_path, **settings) as second:
        api = Api(second)
        run = api.call("GET", path)[1]
        assert run["status"] == "failed" and run["credits_used"] == 0
        assert run["failure_reason"] == "The run's task was stopped before the run ended; no credits were charged."
        assert api.call("GET", "/organization")[1]["credits"] == credits
