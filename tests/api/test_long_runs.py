"""Long runs: a queued run Lambda cannot hold is handed to a task of its own (ECS or a local
process), once; the task solves it with the worker's code; cancel, a dead task and a task
that never started all end the run refunded exactly once."""
from __future__ import annotations

import json
import time

import boto3
import pytest
from botocore.stub import Stubber

from chalicelib import events
from chalicelib.ids import catalog_id_for
from chalicelib.services import long_runs, worker
from chalicelib.settings import get_settings
from chalicelib.store import executions as execution_store
from chalicelib.store import queues
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT, brute_force_two_warehouses

COST = 3  # warehouse_allocation's credits_per_execution
TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/jaot-long-runs/0123456789abcdef"


@pytest.fixture
def org():
    return new_org(credits=30)


@pytest.fixture
def model_id(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    return model["id"]


@pytest.fixture
def settings(monkeypatch):
    """Any run above 1 s is long; the launcher is set per test."""
    def configure(**values: str):
        for name, value in {"JAOT_LAMBDA_RUN_LIMIT_S": "1", **values}.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
    return configure


@pytest.fixture
def started(monkeypatch):
    """The process launcher, faked: records what it would start."""
    calls = []

    def start(execution):
        calls.append(long_runs.command(execution))
        return 999_999_999  # no such process: a stop of it signals nothing

    monkeypatch.setattr(long_runs, "_start_process", start)
    return calls


@pytest.fixture
def ecs(monkeypatch):
    client = boto3.client("ecs", region_name="us-east-1")
    stubber = Stubber(client)
    monkeypatch.setattr(long_runs, "_ecs", lambda: client)
    with stubber:
        yield stubber
    stubber.assert_no_pending_responses()


def queue_long_run(client, org, model_id, time_limit_s=5):
    status, queued = call(client, "POST", f"/api/v2/models/{model_id}/execute", org,
                          {"input_data": SPEC_INPUT, "options": {"time_limit_s": time_limit_s}, "async": True})
    assert status == 202, queued
    return queued["execution_id"]


def balance(client, org):
    return call(client, "GET", "/api/v2/organization", org)[1]["credits"]


def message(org, execution_id):
    return json.dumps({"organization_id": org.id, "execution_id": execution_id})


def delayed_watches():
    attributes = queues._sqs().get_queue_attributes(QueueUrl=queues.queue_url(get_settings().runs_queue),
                                                    AttributeNames=["ApproximateNumberOfMessagesDelayed"])
    return int(attributes["Attributes"]["ApproximateNumberOfMessagesDelayed"])


def test_a_long_run_is_handed_to_a_process_once_and_solved_there_with_the_workers_code(
        client, org, model_id, settings, started):
    settings(JAOT_LONG_RUN_LAUNCHER="process")
    execution_id = queue_long_run(client, org, model_id)
    assert events.drain(get_settings().runs_queue) == ["handed off"]  # the message is consumed
    assert started == [["python", "-m", "chalicelib.long_run", org.id, execution_id]]
    item = execution_store.get_execution(org.id, execution_id)
    assert item.status == "queued" and item.launcher == "process" and item.process_id == 999_999_999
    assert delayed_watches() == 1  # the lease is watched

    # A redelivery of the message, or a second worker with the old record, starts nothing.
    assert worker.process_run_message(message(org, execution_id)) == "handed off"
    assert long_runs.hand_off(item) == "handed off already"
    assert len(started) == 1

    from chalicelib import long_run

    assert long_run.main([org.id, execution_id]) == 0  # what the process runs
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "succeeded" and record["attempts"] == 1
    assert record["result"]["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))
    assert balance(client, org) == 30 - COST
    assert worker.process_run_message(message(org, execution_id)) == "done already"
    assert long_run.main([org.id, execution_id]) == 0 and len(started) == 1


def test_a_run_within_the_lambda_limit_is_solved_by_the_worker(client, org, model_id, settings, started):
    settings(JAOT_LAMBDA_RUN_LIMIT_S="5", JAOT_LONG_RUN_LAUNCHER="process")
    execution_id = queue_long_run(client, org, model_id, time_limit_s=5)
    assert events.drain(get_settings().runs_queue) == ["solved"] and started == []
    assert execution_store.get_execution(org.id, execution_id).launcher is None


def test_the_ecs_launcher_runs_the_task_with_the_long_run_command(client, org, model_id, settings, ecs):
    settings(JAOT_LONG_RUN_LAUNCHER="ecs", JAOT_LONG_RUN_CLUSTER="runs", JAOT_LONG_RUN_TASK_DEFINITION="jaot-solver:3",
             JAOT_LONG_RUN_SUBNETS="subnet-a, subnet-b", JAOT_LONG_RUN_SECURITY_GROUPS="sg-1")
    execution_id = queue_long_run(client, org, model_id)
    ecs.add_response("run_task", {"tasks": [{"taskArn": TASK_ARN}], "failures": []}, {
        "cluster": "runs", "taskDefinition": "jaot-solver:3", "launchType": "FARGATE", "count": 1,
        "networkConfiguration": {"awsvpcConfiguration": {
            "subnets": ["subnet-a", "subnet-b"], "securityGroups": ["sg-1"], "assignPublicIp": "DISABLED"}},
        "overrides": {"containerOverrides": [{
            "name": "solver", "command": ["python", "-m", "chalicelib.long_run", org.id, execution_id]}]},
        "startedBy": "jaot", "clientToken": execution_id,
        "tags": [{"key": "organization_id", "value": org.id}, {"key": "execution_id", "value": execution_id}],
    })
    assert events.drain(get_settings().runs_queue) == ["handed off"]
    assert execution_store.get_execution(org.id, execution_id).task_arn == TASK_ARN
    assert worker.process_run_message(message(org, execution_id)) == "handed off"  # no second run_task


def test_a_task_ecs_cannot_start_ends_the_run_failed_and_refunded(client, org, model_id, settings, ecs):
    settings(JAOT_LONG_RUN_LAUNCHER="ecs")
    execution_id = queue_long_run(client, org, model_id)
    ecs.add_response("run_task", {"tasks": [], "failures": [{"reason": "RESOURCE:MEMORY"}]})
    assert events.drain(get_settings().runs_queue) == ["failed"]
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "failed" and "RESOURCE:MEMORY" in record["failure_reason"]
    assert balance(client, org) == 30


def test_an_sdk_error_starting_the_task_is_named_by_its_code_not_its_message(client, org, model_id, settings, ecs):
    """The SDK's message names the account's ARNs: the user's failure_reason gets its code."""
    settings(JAOT_LONG_RUN_LAUNCHER="ecs")
    execution_id = queue_long_run(client, org, model_id)
    ecs.add_client_error("run_task", service_error_code="AccessDeniedException", service_message=(
        "User: arn:aws:sts::123456789012:assumed-role/jaot-worker is not authorized to perform ecs:RunTask"))
    assert events.drain(get_settings().runs_queue) == ["failed"]
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "failed" and "AccessDeniedException" in record["failure_reason"]
    assert "123456789012" not in json.dumps(record)
    assert balance(client, org) == 30


def test_canceling_a_handed_off_run_before_its_task_takes_it_stops_the_task(client, org, model_id, settings, ecs):
    settings(JAOT_LONG_RUN_LAUNCHER="ecs", JAOT_LONG_RUN_CLUSTER="runs")
    execution_id = queue_long_run(client, org, model_id)
    ecs.add_response("run_task", {"tasks": [{"taskArn": TASK_ARN}]})
    events.drain(get_settings().runs_queue)
    ecs.add_response("stop_task", {}, {"cluster": "runs", "task": TASK_ARN,
                                       "reason": f"JAOT: run {execution_id} ended (queued)"})
    status, record = call(client, "POST", f"/api/v2/executions/{execution_id}/cancel", org)
    assert status == 200 and record["status"] == "canceled"
    assert balance(client, org) == 30
    from chalicelib import long_run

    assert long_run.main([org.id, execution_id]) == 0  # the task, had it started: nothing to do
    assert balance(client, org) == 30


def test_a_running_long_run_that_does_not_stop_on_cancel_is_ended_and_its_task_stopped(
        client, org, model_id, settings, ecs):
    settings(JAOT_LONG_RUN_LAUNCHER="ecs", JAOT_LONG_RUN_CLUSTER="runs", JAOT_LONG_RUN_CANCEL_GRACE_S="30")
    execution_id = queue_long_run(client, org, model_id, time_limit_s=600)
    ecs.add_response("run_task", {"tasks": [{"taskArn": TASK_ARN}]})
    events.drain(get_settings().runs_queue)
    item = execution_store.get_execution(org.id, execution_id)
    assert execution_store.claim(item, "2026-01-01T00:00:00Z", int(time.time()), 600 + 120)  # the task took it

    status, record = call(client, "POST", f"/api/v2/executions/{execution_id}/cancel", org)
    assert status == 200 and record["status"] == "running" and record["cancel_requested"] is True
    item.refresh()
    assert item.lease_until <= int(time.time()) + 30  # cut to the grace period
    assert worker.process_run_message(message(org, execution_id)) == "handed off"  # within the grace: wait

    item.update(actions=[type(item).lease_until.set(int(time.time()) - 1)])  # the grace has passed
    ecs.add_response("stop_task", {}, {"cluster": "runs", "task": TASK_ARN,
                                       "reason": f"JAOT: run {execution_id} ended (running)"})
    assert worker.process_run_message(message(org, execution_id)) == "canceled"
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "canceled" and record["credits_used"] == 0
    assert balance(client, org) == 30
    # The task ends the run after all: nothing changes, nothing is refunded twice.
    from chalicelib.engine.result import SolveOutcome
    from chalicelib.services import executions

    executions.finish(item, SolveOutcome(status="feasible", solver="x", solve_time_ms=1), canceled=True)
    assert balance(client, org) == 30
    assert call(client, "GET", f"/api/v2/executions/{execution_id}", org)[1]["status"] == "canceled"


def test_a_long_run_whose_task_died_ends_failed_and_refunded_at_its_lease(client, org, model_id, settings, started):
    settings(JAOT_LONG_RUN_LAUNCHER="process")
    execution_id = queue_long_run(client, org, model_id)
    events.drain(get_settings().runs_queue)
    item = execution_store.get_execution(org.id, execution_id)
    assert execution_store.claim(item, "2026-01-01T00:00:00Z", now=0, lease_s=1)  # took it, then was killed
    assert worker.process_run_message(message(org, execution_id)) == "failed"
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "failed" and record["failure_reason"] == long_runs.PAST_LEASE
    assert balance(client, org) == 30
    assert worker.process_run_message(message(org, execution_id)) == "done already"
    assert balance(client, org) == 30


def test_a_task_that_never_takes_its_run_ends_it_failed_and_refunded(client, org, model_id, settings, started):
    settings(JAOT_LONG_RUN_LAUNCHER="process")
    execution_id = queue_long_run(client, org, model_id)
    events.drain(get_settings().runs_queue)
    item = execution_store.get_execution(org.id, execution_id)
    item.update(actions=[type(item).lease_until.set(int(time.time()) - 1)])  # its start grace has passed
    assert worker.process_run_message(message(org, execution_id)) == "failed"
    _, record = call(client, "GET", f"/api/v2/executions/{execution_id}", org)
    assert record["status"] == "failed" and record["failure_reason"] == long_runs.NOT_STARTED
    assert balance(client, org) == 30


def test_time_limits_above_the_maximums_are_400_naming_them(client, org, model_id, monkeypatch):
    monkeypatch.setenv("JAOT_MAX_TIME_LIMIT_S", "3600")
    get_settings.cache_clear()
    path = f"/api/v2/models/{model_id}/execute"
    status, error = call(client, "POST", path, org, {"input_data": SPEC_INPUT, "options": {"time_limit_s": 3601},
                                                     "async": True})
    assert status == 400 and "at most 3600 seconds" in error["message"]
    assert error["details"] == [{"field": "options.time_limit_s", "message": "at most 3600"}]
    status, error = call(client, "POST", path, org, {"input_data": SPEC_INPUT, "options": {"time_limit_s": 60}})
    assert status == 400 and "at most 25 seconds" in error["message"] and "async" in error["message"]
    status, queued = call(client, "POST", path, org, {"input_data": SPEC_INPUT, "options": {"time_limit_s": 60},
                                                      "async": True})
    assert status == 202, queued
    assert balance(client, org) == 30 - COST


def test_a_dead_lettered_watch_leaves_a_live_long_run_to_its_task(client, org, model_id, settings, started):
    settings(JAOT_LONG_RUN_LAUNCHER="process")
    execution_id = queue_long_run(client, org, model_id)
    events.drain(get_settings().runs_queue)
    assert worker.process_dead_letter(message(org, execution_id)) == "handed off"
    assert execution_store.get_execution(org.id, execution_id).status == "queued"
    assert balance(client, org) == 30 - COST
