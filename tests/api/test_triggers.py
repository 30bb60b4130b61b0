"""Triggers: CRUD, pinned versions, schedules, webhooks, queue messages, stored files, callbacks."""
from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
import pytest

from chalicelib import events, signing
from chalicelib.ids import catalog_id_for
from chalicelib.services import trigger_events
from chalicelib.settings import get_settings
from chalicelib.store import queues
from tests.api.builder_helpers import production_canvas
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT, brute_force_two_warehouses

WAREHOUSE_COST = 3


@pytest.fixture
def org():
    return new_org(credits=50)


@pytest.fixture
def model_id(client, org):
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    return model["id"]


@pytest.fixture
def document(client, org):
    """A document with two checkpoints: capacity 14 (optimum 34) then capacity 20."""
    _, doc = call(client, "POST", "/api/v2/builder", org, {"name": "Plan", "canvas_json": production_canvas(14)})
    _, first = call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org, {"canvas_json": production_canvas(14)})
    _, second = call(client, "POST", f"/api/v2/builder/{doc['id']}/versions", org, {"canvas_json": production_canvas(20)})
    return {"id": doc["id"], "first": first["id"], "second": second["id"]}


def create(client, org, **fields):
    return call(client, "POST", "/api/v2/triggers", org, {"name": "t", **fields})


def drain_runs():
    return events.drain(get_settings().runs_queue)


def execution(client, org, execution_id):
    return call(client, "GET", f"/api/v2/executions/{execution_id}", org)[1]


def signed_post(client, trigger_id, body: bytes, secret: str, timestamp: int | None = None, signature=None):
    stamp = int(time.time()) if timestamp is None else timestamp
    header = signature if signature is not None else signing.sign(secret, body, stamp)
    response = client.http.post(f"/api/v2/hooks/{trigger_id}", body=body,
                                headers={"Content-Type": "application/json", "X-JAOT-Signature": header})
    return response.status_code, json.loads(response.body)


def test_a_schedule_pins_its_version_and_runs_it_whatever_the_canvas_becomes(client, org, document):
    status, trigger = create(client, org, type="schedule", schedule_expression="rate(5 minutes)",
                             document_id=document["id"], version_id=document["first"], input_data={})
    assert status == 201 and trigger["secret"].startswith("whsec_") and trigger["sequence"] == 1
    _, version = call(client, "GET", f"/api/v2/builder/{document['id']}/versions/{document['first']}", org)
    assert version["is_named"] is True  # pinned: retention can never prune it
    _, shown = call(client, "GET", f"/api/v2/triggers/{trigger['id']}", org)
    assert "secret" not in shown and shown["next_run_at"] == trigger["next_run_at"]

    # The canvas changes after pinning; the trigger still runs version 1 (capacity 14 -> 34).
    call(client, "PUT", f"/api/v2/builder/{document['id']}", org, {"canvas_json": production_canvas(40)})
    due = datetime.strptime(trigger["next_run_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert trigger_events.fire_due_schedules(due - timedelta(seconds=1)) == 0
    assert trigger_events.fire_due_schedules(due) == 1
    assert trigger_events.fire_due_schedules(due) == 0  # fired once per due time
    assert drain_runs() == ["solved"]
    _, listing = call(client, "GET", f"/api/v2/executions?trigger_id={trigger['id']}", org)
    [run] = listing["items"]
    record = execution(client, org, run["execution_id"])
    assert record["version_id"] == document["first"] and record["started_by"] == trigger["id"]
    assert record["result"]["objective_value"] == pytest.approx(34)
    _, after = call(client, "GET", f"/api/v2/triggers/{trigger['id']}", org)
    assert after["fire_count"] == 1 and after["last_execution_id"] == run["execution_id"]
    assert after["next_run_at"] > trigger["next_run_at"]


def test_two_overlapping_ticks_fire_a_due_schedule_once(client, org, model_id, atomic_moto):
    _, trigger = create(client, org, type="schedule", schedule_expression="rate(1 minute)",
                        model_id=model_id, input_data=SPEC_INPUT)
    due = datetime.strptime(trigger["next_run_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    fired, barrier = [], threading.Barrier(4)

    def tick():
        barrier.wait()
        fired.append(trigger_events.fire_due_schedules(due))

    ticks = [threading.Thread(target=tick) for _ in range(4)]
    for thread in ticks:
        thread.start()
    for thread in ticks:
        thread.join()
    assert sum(fired) == 1
    assert len(call(client, "GET", "/api/v2/executions", org)[1]["items"]) == 1


def test_a_disabled_schedule_does_not_fire_until_enabled(client, org, model_id):
    _, trigger = create(client, org, type="schedule", schedule_expression="cron(0 6 * * *)",
                        model_id=model_id, input_data=SPEC_INPUT, is_enabled=False)
    assert trigger["next_run_at"] is None
    far = datetime.now(timezone.utc) + timedelta(days=2)
    assert trigger_events.fire_due_schedules(far) == 0
    status, enabled = call(client, "PATCH", f"/api/v2/triggers/{trigger['id']}", org, {"is_enabled": True})
    assert status == 200 and enabled["next_run_at"].endswith("T06:00:00Z")
    assert trigger_events.fire_due_schedules(far) == 1


def test_a_signed_webhook_runs_its_body_and_bad_ones_run_nothing(client, org, model_id):
    _, trigger = create(client, org, type="webhook", model_id=model_id)
    assert trigger["webhook_url"] == f"/api/v2/hooks/{trigger['id']}" and trigger["input_from_event"] is True
    body = json.dumps(SPEC_INPUT).encode()
    secret = trigger["secret"]

    assert signed_post(client, trigger["id"], body, "whsec_wrong")[0] == 401
    assert signed_post(client, trigger["id"], body, secret, timestamp=int(time.time()) - 3600)[0] == 401
    assert signed_post(client, trigger["id"], body, secret, signature="")[0] == 401
    tampered = signing.sign(secret, body, int(time.time()))
    assert signed_post(client, trigger["id"], body + b" ", secret, signature=tampered)[0] == 401
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []

    stamp = int(time.time())
    status, queued = signed_post(client, trigger["id"], body, secret, timestamp=stamp)
    assert status == 202 and queued["status"] == "queued"
    assert signed_post(client, trigger["id"], body, secret, timestamp=stamp)[0] == 409  # replayed
    assert drain_runs() == ["solved"]
    record = execution(client, org, queued["execution_id"])
    assert record["trigger_id"] == trigger["id"] and record["input"] == SPEC_INPUT
    assert record["result"]["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))

    assert signed_post(client, "trg_doesnotexist000", body, secret)[0] == 404
    bad_input = json.dumps({"warehouses": []}).encode()
    status, error = signed_post(client, trigger["id"], bad_input, secret)
    assert status == 400
    assert call(client, "GET", f"/api/v2/triggers/{trigger['id']}", org)[1]["last_error"] == error["message"]


@pytest.mark.parametrize("body, named", [
    (b'{"warehouses": [{"capacity": 1e16}]}', "warehouses[0].capacity"),  # beyond +-1e15
    (b'{"warehouses": [{"capacity": 1e400}]}', "warehouses[0].capacity"),  # decodes to infinity
    (b'{"products": [{"demand": 123456789012345678901234567890}]}', "products[0].demand"),
    (b'{"a": ' * 70 + b"1" + b"}" * 70, "nested deeper than 64 levels"),
])
def test_event_inputs_are_held_to_the_rules_of_a_request_body(client, org, model_id, body, named):
    """A webhook body, a queue message and a stored file are client input: the same number
    bound and nesting limit as any request body, a 400 (or a rejected event) naming the field,
    and nothing queued or charged."""
    credits = call(client, "GET", "/api/v2/organization", org)[1]["credits"]
    _, hook = create(client, org, type="webhook", model_id=model_id)
    status, error = signed_post(client, hook["id"], body, hook["secret"])
    assert status == 400 and named in error["message"], error
    _, queue = create(client, org, type="queue", model_id=model_id)
    boto3.client("sqs").send_message(QueueUrl=queues.queue_url(get_settings().trigger_events_queue),
                                     MessageBody=body.decode(), MessageAttributes={
                                         "trigger_id": {"DataType": "String", "StringValue": queue["id"]}})
    assert events.drain(get_settings().trigger_events_queue) == ["rejected"]
    assert named in call(client, "GET", f"/api/v2/triggers/{queue['id']}", org)[1]["last_error"]
    _, stored = create(client, org, type="storage", model_id=model_id)
    boto3.client("s3").put_object(Bucket=get_settings().bucket_name, Key=f"{stored['storage_prefix']}in.json", Body=body)
    assert [outcome for outcome in events.drain(get_settings().storage_events_queue) if outcome != "test event"] \
        == ["rejected"]
    assert call(client, "GET", "/api/v2/executions", org)[1]["items"] == []
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == credits


def test_a_queue_message_is_the_input_of_the_trigger_it_names(client, org, model_id):
    _, trigger = create(client, org, type="queue", model_id=model_id)
    sqs = boto3.client("sqs")
    url = queues.queue_url(get_settings().trigger_events_queue)
    attributes = {"trigger_id": {"DataType": "String", "StringValue": trigger["id"]}}
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps(SPEC_INPUT), MessageAttributes=attributes)
    sqs.send_message(QueueUrl=url, MessageBody="not json", MessageAttributes=attributes)
    sqs.send_message(QueueUrl=url, MessageBody="{}", MessageAttributes={
        "trigger_id": {"DataType": "String", "StringValue": "trg_unknown000000000"}})
    assert sorted(events.drain(get_settings().trigger_events_queue)) == ["queued", "rejected", "unknown trigger"]
    assert drain_runs() == ["solved"]
    _, listing = call(client, "GET", f"/api/v2/executions?trigger_id={trigger['id']}", org)
    assert [item["status"] for item in listing["items"]] == ["succeeded"]


def test_a_stored_file_runs_and_its_result_lands_beside_it(client, org, model_id):
    _, trigger = create(client, org, type="storage", model_id=model_id)
    prefix = trigger["storage_prefix"]
    assert prefix == f"inbox/{org.id}/{trigger['id']}/"
    s3, bucket = boto3.client("s3"), get_settings().bucket_name
    s3.put_object(Bucket=bucket, Key=f"{prefix}week-48.json", Body=json.dumps(SPEC_INPUT).encode())
    s3.put_object(Bucket=bucket, Key=f"{prefix}broken.json", Body=b"[1, 2")
    outcomes = events.drain(get_settings().storage_events_queue)
    assert sorted(outcome for outcome in outcomes if outcome != "test event") == ["queued", "rejected"]
    assert drain_runs() == ["solved"]
    result = json.loads(s3.get_object(Bucket=bucket, Key=f"{prefix}week-48.result.json")["Body"].read())
    assert result["objective_value"] == pytest.approx(brute_force_two_warehouses(SPEC_INPUT))
    rejected = json.loads(s3.get_object(Bucket=bucket, Key=f"{prefix}broken.result.json")["Body"].read())
    assert rejected["status"] == "rejected" and "not valid JSON" in rejected["error"]["message"]
    # Result files do not fire the trigger again.
    assert events.drain(get_settings().storage_events_queue) == ["ignored", "ignored"]


class _Receiver(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(500 if len(self.received) == 1 else 200)  # the first attempt fails
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_result_is_posted_signed_to_the_callback_url_with_retries(client, org, model_id, monkeypatch):
    monkeypatch.setenv("JAOT_CALLBACK_BASE_DELAY_S", "0.01")
    get_settings.cache_clear()
    _Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/jaot"
        _, trigger = create(client, org, type="webhook", model_id=model_id, callback_url=url)
        _, queued = signed_post(client, trigger["id"], json.dumps(SPEC_INPUT).encode(), trigger["secret"])
        assert drain_runs() == ["solved"]
    finally:
        server.shutdown()
    assert len(_Receiver.received) == 2
    headers, body = _Receiver.received[-1]
    signature = {name.lower(): value for name, value in headers.items()}["x-jaot-signature"]
    signing.verify(trigger["secret"], body, signature, now=int(time.time()))
    payload = json.loads(body)
    assert payload["execution_id"] == queued["execution_id"] and payload["result"]["status"] == "optimal"
    record = execution(client, org, queued["execution_id"])
    assert [d["status_code"] for d in record["deliveries"]] == [500, 200]
    assert record["deliveries"][-1]["delivered"] is True


def test_a_pinned_version_cannot_be_deleted_until_its_trigger_is(client, org, document):
    _, trigger = create(client, org, type="webhook", document_id=document["id"], version_id=document["first"])
    path = f"/api/v2/builder/{document['id']}/versions/{document['first']}"
    status, error = call(client, "DELETE", path, org)
    assert status == 409 and "trigger" in error["message"]
    # Re-pinning moves the protection to the other version.
    status, repinned = call(client, "PATCH", f"/api/v2/triggers/{trigger['id']}", org,
                            {"version_id": document["second"]})
    assert status == 200 and repinned["sequence"] == 2
    status, _ = call(client, "DELETE", path, org)
    assert status == 200
    assert call(client, "GET", path, org)[0] == 404
    # The newest version is the canvas's last checkpoint: not deletable either.
    assert call(client, "DELETE", "/api/v2/triggers/" + trigger["id"], org)[0] == 200
    status, error = call(client, "DELETE", f"/api/v2/builder/{document['id']}/versions/{document['second']}", org)
    assert status == 409 and "newest" in error["message"]


def test_a_firing_without_credits_is_recorded_on_the_trigger(client, model_id):
    poor = new_org(credits=2)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", poor)
    _, trigger = create(client, poor, type="webhook", model_id=model["id"])
    status, error = signed_post(client, trigger["id"], json.dumps(SPEC_INPUT).encode(), trigger["secret"])
    assert status == 402
    _, after = call(client, "GET", f"/api/v2/triggers/{trigger['id']}", poor)
    assert "credits" in after["last_error"] and after["last_execution_id"] is None


@pytest.mark.parametrize("fields, field", [
    ({"type": "schedule", "schedule_expression": "rate(0 minutes)", "input_data": SPEC_INPUT}, "schedule_expression"),
    ({"type": "schedule", "schedule_expression": "cron(* * * * * *)", "input_data": SPEC_INPUT}, "schedule_expression"),
    ({"type": "schedule", "input_data": SPEC_INPUT}, None),
    ({"type": "schedule", "schedule_expression": "rate(1 hour)"}, None),
    ({"type": "webhook", "callback_url": "ftp://example.com/x"}, "callback_url"),
    ({"type": "webhook", "callback_url": "http://169.254.169.254/latest"}, "callback_url"),
    ({"type": "webhook", "input_from_event": False, "input_data": {"warehouses": []}}, None),
    ({"type": "carrier-pigeon"}, "type"),
])
def test_bad_triggers_are_400_and_nothing_is_written(client, org, model_id, fields, field):
    status, error = create(client, org, model_id=model_id, **fields)
    assert status == 400 and error["error"] == "bad_request"
    if field:
        assert field in json.dumps(error["details"])
    assert call(client, "GET", "/api/v2/triggers", org)[1]["total"] == 0


def test_targets_must_be_the_callers_own(client, org, model_id, document):
    other = new_org()
    assert create(client, other, type="webhook", model_id=model_id)[0] == 400
    assert create(client, other, type="webhook", document_id=document["id"], version_id=document["first"])[0] == 400
    _, trigger = create(client, org, type="webhook", model_id=model_id)
    for method, body in (("GET", None), ("PATCH", {"name": "mine"}), ("DELETE", None)):
        status, error = call(client, method, f"/api/v2/triggers/{trigger['id']}", other, body)
        assert status == 404 and trigger["id"] not in json.dumps(error)
    assert call(client, "GET", "/api/v2/triggers", other)[1]["items"] == []


def test_list_filters_and_paginates(client, org, model_id, document):
    for index in range(3):
        create(client, org, type="webhook", model_id=model_id, name=f"hook {index}")
    create(client, org, type="queue", document_id=document["id"], version_id=document["first"])
    _, page = call(client, "GET", "/api/v2/triggers?page_size=2", org)
    assert page["total"] == 4 and len(page["items"]) == 2
    _, hooks = call(client, "GET", "/api/v2/triggers?type=webhook", org)
    assert hooks["total"] == 3
    _, by_doc = call(client, "GET", f"/api/v2/triggers?document_id={document['id']}", org)
    assert [item["type"] for item in by_doc["items"]] == ["queue"]


def test_a_time_limit_every_firing_would_refuse_is_refused_at_creation(client, org, model_id):
    status, error = create(client, org, type="webhook", model_id=model_id, options={"time_limit_s": 100000})
    assert status == 400 and error["details"][0]["field"] == "options.time_limit_s"


def test_a_rejected_update_pins_nothing(client, org, document):
    _, trigger = create(client, org, type="webhook", document_id=document["id"], version_id=document["first"])
    status, _ = call(client, "PATCH", f"/api/v2/triggers/{trigger['id']}", org,
                     {"version_id": document["second"], "callback_url": "ftp://example.com/x"})
    assert status == 400
    _, second = call(client, "GET", f"/api/v2/builder/{document['id']}/versions/{document['second']}", org)
    assert second["is_named"] is False
    assert call(client, "GET", f"/api/v2/triggers/{trigger['id']}", org)[1]["version_id"] == document["first"]
