"""chalicelib/observability.py and chalicelib/costs.py on their own: context fields, metric
names and dimensions, tracing off outside Lambda, lazy loading, DynamoDB units by the rules."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from chalicelib import costs, observability

ROOT = Path(__file__).resolve().parents[2]


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_importing_app_loads_no_powertools():
    """The cold start pays for Powertools only when a request or message is served."""
    code = "import sys, app; print(sorted(m for m in sys.modules if m.startswith(('aws_lambda_powertools', 'aws_xray'))))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "[]"


def test_a_context_binds_its_fields_and_clears_them_after(capfd):
    log = logging.getLogger("jaot")
    with observability.context("request", request_id="req-1", route="/api/v2/things/{thing_id}"):
        observability.bind(organization_id="org_1", execution_id=None, api_key="never")  # unknown names dropped
        log.info("inside")
        with observability.context("message", request_id="req-2", route="queue:q", execution_id="exc_2"):
            log.info("nested")
        log.info("back")
    log.info("outside")
    inside, nested, back, outside = json_lines(capfd.readouterr().out)
    assert inside["request_id"] == "req-1" and inside["organization_id"] == "org_1"
    assert inside["route"] == "/api/v2/things/{thing_id}" and "api_key" not in inside and "execution_id" not in inside
    assert nested["request_id"] == "req-2" and nested["execution_id"] == "exc_2" and "organization_id" not in nested
    assert back["request_id"] == "req-1" and back["organization_id"] == "org_1" and "execution_id" not in back
    assert not set(observability.CONTEXT_FIELDS) & set(outside)
    assert inside["service"] == "jaot" and inside["level"] == "INFO"


def test_metrics_are_flushed_once_at_the_end_grouped_by_dimension_set(capfd):
    with observability.context("request", request_id="r", route="/x"):
        observability.metric("Requests", 1, Route="/x", Status="200")
        observability.metric("Runs", 1, Template="knapsack", Status="succeeded")
        observability.metric("SolveSeconds", 0.25, "Seconds", Template="knapsack")
        observability.metric("CreditsCharged", 3)
        assert capfd.readouterr().out == ""  # nothing before the end
    blobs = json_lines(capfd.readouterr().out)
    by_dimensions = {tuple(blob["_aws"]["CloudWatchMetrics"][0]["Dimensions"][0]): blob for blob in blobs}
    assert set(by_dimensions) == {("Route", "Status"), ("Template", "Status"), ("Template",), ()}
    assert by_dimensions[("Template",)]["SolveSeconds"] == [0.25]  # EMF takes a list of values
    assert by_dimensions[()]["CreditsCharged"] == [3] and "service" not in by_dimensions[()]
    assert all(blob["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "JAOT" for blob in blobs)


def test_a_metric_takes_exactly_its_agreed_dimensions():
    with pytest.raises(ValueError):
        observability.metric("Requests", 1, Route="/x")
    with pytest.raises(ValueError):
        observability.metric("Runs", 1, Template="knapsack", Status="succeeded", Organization="org_1")
    with pytest.raises(KeyError):
        observability.metric("Whatever", 1)


def test_tracing_is_off_outside_lambda_and_without_the_xray_sdk(monkeypatch):
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    assert not observability.tracing_enabled()
    monkeypatch.setenv("LAMBDA_TASK_ROOT", "/var/task")
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    assert not observability.tracing_enabled()
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "false")
    monkeypatch.setattr(observability.importlib.util, "find_spec", lambda name: None)
    assert not observability.tracing_enabled()  # in Lambda, but aws_xray_sdk is absent
    monkeypatch.delenv("LAMBDA_TASK_ROOT")
    with observability.segment("request", route="/x"):  # a no-op
        pass


def test_the_readable_rendering_keeps_the_fields():
    line = observability._render_readable({"level": "INFO", "message": "POST /x 200", "timestamp":
                                           "2026-11-30T23:00:00.123Z", "service": "jaot", "request_id": "r1",
                                           "organization_id": "org_1", "status": 200})
    assert line.startswith("23:00:00.123 INFO    POST /x 200") and "request_id=r1 organization_id=org_1" in line


def test_a_malformed_run_message_is_logged_by_size_and_hash_not_content(capfd, caplog):
    from chalicelib.services import worker

    body = '{"secret": "s3cr3t-body"'
    assert worker.process_run_message(body) == "malformed"
    captured = capfd.readouterr()
    assert "s3cr3t" not in captured.out + captured.err + caplog.text
    assert observability.fingerprint(body) in caplog.text and "24 bytes, sha256 " in caplog.text


# --- costs ---------------------------------------------------------------------------------

@pytest.fixture
def table(monkeypatch):
    monkeypatch.setenv("JAOT_CONSUMED_CAPACITY", "estimated")
    with mock_aws():
        costs.install()
        client = boto3.client("dynamodb", region_name="us-east-1")  # made after install: hooked
        client.create_table(TableName="units", BillingMode="PAY_PER_REQUEST",
                            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"},
                                       {"AttributeName": "SK", "KeyType": "RANGE"}],
                            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"},
                                                  {"AttributeName": "SK", "AttributeType": "S"}])
        yield client


def item(sk: str, payload_bytes: int) -> dict:
    return {"PK": {"S": "p"}, "SK": {"S": sk}, "data": {"S": "x" * payload_bytes}}


def test_a_logged_exception_keeps_its_type_and_traceback_but_not_its_message(capfd):
    """An error's message can echo a user's input or a URL's token: it never reaches the log."""

    class InputTooOdd(ValueError):
        pass

    def solve(value):
        raise InputTooOdd(f"cannot use {value}") from KeyError(f"chained {value}")

    log = logging.getLogger("jaot")
    marker = "-".join(("SECRET", "INPUT", "7f3a"))  # not in a source line the traceback quotes
    with observability.context("request", request_id="req-9", route="/api/v2/solve"):
        try:
            solve(marker)
        except InputTooOdd:
            log.exception("solve failed")
    out = capfd.readouterr().out
    assert marker not in out
    line = next(entry for entry in json_lines(out) if entry.get("message") == "solve failed")
    assert "InputTooOdd" in line["exception"] and "in solve" in line["exception"]  # type and frames kept
    assert "message withheld" in line["exception"]


def test_dynamodb_units_follow_the_published_rules(table):
    with costs.scope() as scope:
        table.put_item(TableName="units", Item=item("big", 2500))  # ~2.5 KB: 3 write units
    assert scope.usage.ddb_write_units == 3 and scope.usage.ddb_calls == 1
    with costs.scope() as scope:
        table.get_item(TableName="units", Key={"PK": {"S": "p"}, "SK": {"S": "big"}}, ConsistentRead=True)
        table.get_item(TableName="units", Key={"PK": {"S": "p"}, "SK": {"S": "big"}})  # eventually consistent
        table.get_item(TableName="units", Key={"PK": {"S": "p"}, "SK": {"S": "none"}}, ConsistentRead=True)
    assert scope.usage.ddb_read_units == 1 + 0.5 + 1  # a miss is still a read
    for number in range(3):
        table.put_item(TableName="units", Item=item(f"q{number}", 3000))
    with costs.scope() as scope:  # 4 items, ~10.5 KB in all: 3 units of 4 KB, halved
        table.query(TableName="units", KeyConditionExpression="PK = :p", ExpressionAttributeValues={":p": {"S": "p"}})
    assert scope.usage.ddb_read_units == 1.5
    with costs.scope() as scope:  # a transaction: twice the units of each item
        table.transact_write_items(TransactItems=[
            {"Put": {"TableName": "units", "Item": item("t1", 10)}},
            {"Update": {"TableName": "units", "Key": {"PK": {"S": "p"}, "SK": {"S": "big"}},
                        "UpdateExpression": "SET n = :n", "ExpressionAttributeValues": {":n": {"N": "1"}}}}])
    assert scope.usage.ddb_write_units == 2 * 1 + 2 * 3  # the update is sized as last seen (2.5 KB)


def test_calls_outside_any_scope_are_not_counted_and_scopes_do_not_mix(table):
    table.put_item(TableName="units", Item=item("a", 10))
    with costs.scope() as outer:
        table.put_item(TableName="units", Item=item("b", 10))
        with costs.scope() as inner:
            table.put_item(TableName="units", Item=item("c", 10))
    assert outer.usage.ddb_write_units == 1 and inner.usage.ddb_write_units == 1


def test_s3_and_sqs_requests_and_gb_seconds(table, monkeypatch):
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
    s3, sqs = boto3.client("s3", region_name="us-east-1"), boto3.client("sqs", region_name="us-east-1")
    s3.create_bucket(Bucket="cost-bucket")
    url = sqs.create_queue(QueueName="q")["QueueUrl"]
    with costs.scope() as scope:
        s3.put_object(Bucket="cost-bucket", Key="k", Body=b"1")
        s3.get_object(Bucket="cost-bucket", Key="k")
        s3.head_object(Bucket="cost-bucket", Key="k")
        sqs.send_message(QueueUrl=url, MessageBody="m")
    assert (scope.usage.s3_put, scope.usage.s3_get, scope.usage.sqs_requests) == (1, 2, 1)
    assert scope.usage.memory_mb == 1024 and scope.usage.gb_seconds == pytest.approx(scope.usage.duration_s)


def test_reported_capacity_is_used_when_dynamodb_reports_it():
    assert costs.reported_units({"ConsumedCapacity": [{"TableName": "t", "CapacityUnits": 4.0,
                                                       "WriteCapacityUnits": 4.0}]}) == (0.0, 4.0)
    assert costs.reported_units({}) is None
