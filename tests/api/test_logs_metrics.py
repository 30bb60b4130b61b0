"""Logs and metrics of a real flow, through HTTP and the worker: every log line is JSON with
the request's context, no line holds a key, a webhook secret or the input; metrics are
emitted per route pattern and per run with the agreed names and dimensions."""
from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chalicelib import events
from chalicelib.ids import catalog_id_for
from chalicelib.observability import METRICS
from chalicelib.settings import get_settings
from tests.api.helpers import call, new_org
from tests.api.test_execute import SPEC_INPUT
from tests.api.test_triggers import signed_post

MARKER = "Marker-Hub-7f3a9c"
"""A recognizable string in the input: it must never reach a log line."""


def marked_input() -> dict:
    data = json.loads(json.dumps(SPEC_INPUT))
    data["warehouses"][0]["name"] = MARKER
    return data


class _Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def emitted(text: str) -> tuple[list[dict], list[dict]]:
    """(log lines, EMF metric objects) printed: every line must be JSON."""
    logs, metrics = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)  # a line that is not JSON fails here
        (metrics if "_aws" in record else logs).append(record)
    return logs, metrics


def metric_values(metrics: list[dict], name: str) -> list[dict]:
    """Each emission of `name`: its dimensions (name -> value) and its value."""
    found = []
    for blob in metrics:
        directive = blob["_aws"]["CloudWatchMetrics"][0]
        if any(metric["Name"] == name for metric in directive["Metrics"]):
            dimensions = {key: blob[key] for key in directive["Dimensions"][0]}
            values = blob[name] if isinstance(blob[name], list) else [blob[name]]
            found.extend({"dimensions": dimensions, "value": value,
                          "dimension_names": tuple(directive["Dimensions"][0]),
                          "namespace": directive["Namespace"]} for value in values)
    return found


def test_a_flow_with_a_key_a_secret_and_an_input_logs_json_with_context_and_nothing_secret(
        client, receiver, capfd, caplog):
    caplog.set_level(logging.INFO, logger="jaot")
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    status, run = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": marked_input()})
    assert status == 200
    _, trigger = call(client, "POST", "/api/v2/triggers", org,
                      {"name": "t", "type": "webhook", "model_id": model["id"], "callback_url": receiver})
    secret = trigger["secret"]
    status, queued = signed_post(client, trigger["id"], json.dumps(marked_input()).encode(), secret)
    assert status == 202
    assert events.drain(get_settings().runs_queue) == ["solved"]
    status, record = call(client, "GET", f"/api/v2/executions/{queued['execution_id']}", org)
    assert status == 200 and record["deliveries"][-1]["delivered"] is True
    assert events.drain(get_settings().runs_queue, max_messages=1) == []
    events.handle_message(get_settings().runs_queue, events.handlers()[get_settings().runs_queue],
                          json.dumps({"note": MARKER}), {})  # a malformed run message

    captured = capfd.readouterr()
    everything = captured.out + captured.err + "\n".join(
        f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    for forbidden in (org.key, secret, MARKER, "Bearer", "X-JAOT-Signature".lower()):
        assert forbidden not in everything, forbidden

    logs, _ = emitted(captured.out)
    assert logs and all(line["service"] == "jaot" and line["request_id"] for line in logs)
    requests = [line for line in logs if "status" in line and "method" in line]
    by_route = {(line["method"], line["route"]): line for line in requests}
    execute = by_route[("POST", "/api/v2/models/{model_id}/execute")]
    assert execute["organization_id"] == org.id and execute["execution_id"] == run["execution_id"]
    assert execute["status"] == 200 and execute["gb_seconds"] > 0 and execute["ddb_write_units"] > 0
    hook = by_route[("POST", "/api/v2/hooks/{trigger_id}")]
    assert hook["trigger_id"] == trigger["id"] and hook["organization_id"] == org.id
    assert hook["execution_id"] == queued["execution_id"] and hook["status"] == 202
    shown = by_route[("GET", "/api/v2/executions/{execution_id}")]
    assert shown["execution_id"] == queued["execution_id"] and shown["organization_id"] == org.id
    worker_lines = [line for line in logs if line.get("route") == f"queue:{get_settings().runs_queue}"]
    solved = next(line for line in worker_lines if line.get("outcome") == "solved")
    assert solved["organization_id"] == org.id and solved["execution_id"] == queued["execution_id"]
    assert solved["ddb_calls"] > 0
    dropped = next(line for line in worker_lines if "malformed" in line["message"])
    assert "bytes, sha256" in dropped["message"] and "execution_id" not in dropped
    assert len({line["request_id"] for line in requests}) == len(requests)  # one id per request


def test_metrics_per_route_pattern_and_per_run_with_the_agreed_names_and_dimensions(client, receiver, capfd):
    org = new_org(credits=100)
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": marked_input()})
    _, trigger = call(client, "POST", "/api/v2/triggers", org,
                      {"name": "t", "type": "webhook", "model_id": model["id"], "callback_url": receiver})
    signed_post(client, trigger["id"], json.dumps(marked_input()).encode(), trigger["secret"])
    assert events.drain(get_settings().runs_queue) == ["solved"]
    assert call(client, "GET", "/api/v2/executions/exc_doesnotexist0000", org)[0] == 404

    _, metrics = emitted(capfd.readouterr().out)
    for blob in metrics:
        directive = blob["_aws"]["CloudWatchMetrics"][0]
        assert directive["Namespace"] == "JAOT"
        for metric in directive["Metrics"]:
            assert tuple(directive["Dimensions"][0]) == METRICS[metric["Name"]]  # no service, no organization
        assert org.id not in json.dumps(blob)
    requests = {(item["dimensions"]["Route"], item["dimensions"]["Status"])
                for item in metric_values(metrics, "Requests")}
    assert {("/api/v2/models/{model_id}/execute", "200"), ("/api/v2/hooks/{trigger_id}", "202"),
            ("/api/v2/executions/{execution_id}", "404"), ("/api/v2/triggers", "201")} <= requests
    assert not any("exc_" in route or "trg_" in route or "exe_" in route for route, _ in requests)
    assert metric_values(metrics, "Errors5xx") == []
    runs = [item["dimensions"] for item in metric_values(metrics, "Runs")]
    assert runs == [{"Template": "warehouse_allocation", "Status": "succeeded"}] * 2
    assert len(metric_values(metrics, "SolveSeconds")) == 2
    assert [item["value"] for item in metric_values(metrics, "CreditsCharged")] == [3, 3]
    latency = metric_values(metrics, "QueueToStartSeconds")
    assert len(latency) == 1 and latency[0]["value"] >= 0  # the queued run only
    assert [item["value"] for item in metric_values(metrics, "CallbackDeliveries")] == [1]
    assert metric_values(metrics, "CallbackFailures") == []


def test_a_5xx_is_counted_by_route_pattern(client, capfd, monkeypatch):
    from chalicelib.services import execution_records

    org = new_org()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(execution_records, "get_execution", broken)
    status, _ = call(client, "GET", "/api/v2/executions/exc_whatever00000", org)
    _, metrics = emitted(capfd.readouterr().out)
    errors = metric_values(metrics, "Errors5xx")
    assert status == 500
    assert [item["dimensions"] for item in errors] == [{"Route": "/api/v2/executions/{execution_id}"}]
    assert {"Route": "/api/v2/executions/{execution_id}", "Status": "500"} in [
        item["dimensions"] for item in metric_values(metrics, "Requests")]
