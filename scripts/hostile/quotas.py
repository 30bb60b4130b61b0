"""Count limits raced: many creates of one kind sent at once, just below an organization's
limit (documents, activated and private models, triggers, API keys), deletes raced against
each other, and an organization from before the quota counters existed.

Got through: every create past a limit, every answer other than the create's success or a
409 `conflict`, every counter that disagrees with the items it counts, and every delete
that freed more (or less) than one place.
"""
from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

CLASS = "count limits raced"
LIMIT = 3
PARALLEL = 10


@contextlib.contextmanager
def lambda_per_thread() -> Iterator[None]:
    """Threads stand in for Lambdas, each serving one request. chalice.test.Client keeps the
    current request in one attribute of the app and swaps the stage's environment into
    os.environ around each call: give each thread its own request, leave os.environ alone."""
    from chalice.app import Chalice
    from chalice.test import BaseClient

    if isinstance(Chalice.__dict__.get("current_request"), property):
        yield  # already in force (make reliability holds it for the whole run)
        return
    local = threading.local()
    patched_env = BaseClient.__dict__["_patched_env_vars"]
    Chalice.current_request = property(lambda self: getattr(local, "request", None),
                                       lambda self, request: setattr(local, "request", request))
    BaseClient._patched_env_vars = contextlib.contextmanager(lambda self, environment: (yield))
    try:
        yield
    finally:
        del Chalice.current_request
        BaseClient._patched_env_vars = patched_env


@contextlib.contextmanager
def small_limits() -> Iterator[None]:
    """Limits of LIMIT for the run (on the cached settings: the environment is left alone)."""
    from chalicelib.settings import get_settings

    settings = get_settings()
    names = ("max_documents_per_org", "max_models_per_org", "max_triggers_per_org")
    saved = {name: getattr(settings, name) for name in names}
    for name in names:
        setattr(settings, name, LIMIT)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(settings, name, value)


class Run:
    def __init__(self, api):
        self.api, self.tried, self.got_through, self.notes = api, 0, 0, []

    def race(self, headers: dict, requests: list[tuple[str, str, Any]]) -> list[tuple[int, Any]]:
        with ThreadPoolExecutor(len(requests)) as pool:
            answers = list(pool.map(lambda r: self.api.call(r[0], r[1], headers, r[2])[:2], requests))
        self.tried += len(requests)
        return answers

    def expect(self, what: str, answers: list[tuple[int, Any]], ok: set[int], successes: int) -> None:
        """Exactly `successes` answers in `ok`; every other one a 409 conflict in our envelope."""
        won = sum(status in ok for status, _ in answers)
        wrong = [status for status, body in answers if status not in ok and not (
            status == 409 and isinstance(body, dict) and body.get("error") == "conflict"
            and set(body) == {"error", "message", "details"})]
        if won != successes or wrong:
            self.got_through += max(won - successes, 0) + len(wrong) + (won < successes)
            self.notes.append(f"{what}: {won} succeeded (expected {successes}), wrong answers {wrong}")

    def counted(self, what: str, organization_id: str, kind: str, expected: int) -> None:
        """The items of `kind` stored, and the organization's counter of them, are `expected`."""
        import boto3

        from chalicelib.settings import get_settings

        dynamodb, table = boto3.client("dynamodb"), get_settings().table_name
        items = dynamodb.query(TableName=table, ConsistentRead=True, Select="COUNT",
                               KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
                               ExpressionAttributeValues={":pk": {"S": f"ORG#{organization_id}"},
                                                          ":prefix": {"S": PREFIXES[kind]}})["Count"]
        counter = dynamodb.get_item(TableName=table, ConsistentRead=True, Key={
            "PK": {"S": f"ORG#{organization_id}"}, "SK": {"S": f"QUOTA#{kind}"}}).get("Item", {})
        used = int(counter["used"]["N"]) if "used" in counter else None
        if not items == used == expected:
            self.got_through += 1
            self.notes.append(f"{what}: {items} items, counter {used}, expected {expected}")


PREFIXES = {"documents": "DOC#", "models": "MODEL#", "triggers": "TRG#", "api_keys": "APIKEY#"}
"""What each counter counts (chalicelib/store/quotas.py), spelled out: this checks the store."""


def run(api) -> tuple[int, int, list[str]]:
    run_ = Run(api)
    with lambda_per_thread(), small_limits():
        _documents(run_)
        _models(run_)
        _triggers(run_)
        _api_keys(run_)
        _older_organization(run_)
    return run_.tried, run_.got_through, run_.notes


def _org(name: str) -> tuple[str, dict]:
    from chalicelib.services.organizations import create_organization

    organization_id, key = create_organization(name, 100)
    return organization_id, {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}


def _documents(run: Run) -> None:
    org, headers = _org("quota documents")
    canvas = {"nodes": [{"id": "v", "type": "variable", "data": {"name": "x", "upper": 5}}], "edges": []}
    answers = run.race(headers, [("POST", "/api/v2/builder", {"name": "d", "canvas_json": canvas})] * PARALLEL)
    run.expect("documents", answers, {201}, LIMIT)
    run.expect("documents once full", run.race(headers, [("POST", "/api/v2/builder", {"name": "d"})] * PARALLEL),
               {201}, 0)
    run.counted("documents", org, "documents", LIMIT)
    created = [body["id"] for status, body in answers if status == 201] or [None]
    run.api.call("DELETE", f"/api/v2/builder/{created[0]}", headers)  # deactivated documents count
    run.expect("document after a delete", run.race(headers, [("POST", "/api/v2/builder", {"name": "d"})] * 4),
               {201}, 0)
    run.counted("documents after a delete", org, "documents", LIMIT)


def _models(run: Run) -> None:
    from chalicelib.ids import catalog_id_for
    from chalicelib.templates import TEMPLATE_NAMES

    names = sorted(TEMPLATE_NAMES)
    org, headers = _org("quota activations")
    answers = run.race(headers, [("POST", f"/api/v2/models/catalog/{catalog_id_for(name)}/activate", None)
                                 for name in names[:PARALLEL]])
    run.expect("activations", answers, {200, 201}, LIMIT)
    run.counted("activations", org, "models", LIMIT)

    org, headers = _org("quota private models")
    body = {"name": "mine", "generator_type": "template", "custom_config": {"template": "knapsack"}}
    run.expect("private models", run.race(headers, [("POST", "/api/v2/models", body)] * PARALLEL), {201}, LIMIT)
    run.counted("private models", org, "models", LIMIT)

    org, headers = _org("quota last place")  # the last place, claimed by one model ten times
    for name in names[:LIMIT - 1]:
        run.api.call("POST", f"/api/v2/models/catalog/{catalog_id_for(name)}/activate", headers)
    path = f"/api/v2/models/catalog/{catalog_id_for(names[-1])}/activate"
    answers = run.race(headers, [("POST", path, None)] * PARALLEL)
    run.expect("one model activated at the last place", answers, {200, 201}, PARALLEL)
    if len({body.get("id") for _, body in answers if isinstance(body, dict)}) != 1:
        run.got_through += 1
        run.notes.append("one model activated at the last place: several models made")
    run.counted("one model at the last place", org, "models", LIMIT)


def _triggers(run: Run) -> None:
    from chalicelib.ids import catalog_id_for

    org, headers = _org("quota triggers")
    _, model, _ = run.api.call("POST", f"/api/v2/models/catalog/{catalog_id_for('knapsack')}/activate", headers)
    body = {"name": "t", "type": "webhook", "model_id": model["id"], "input_from_event": True}
    answers = run.race(headers, [("POST", "/api/v2/triggers", body)] * PARALLEL)
    run.expect("triggers", answers, {201}, LIMIT)
    run.counted("triggers", org, "triggers", LIMIT)
    created = [body["id"] for status, body in answers if status == 201]
    for trigger_id in created[:2]:  # each deleted by four requests at once: one place freed each
        deletes = run.race(headers, [("DELETE", f"/api/v2/triggers/{trigger_id}", None)] * 4)
        if sorted(status for status, _ in deletes) != [200, 404, 404, 404]:
            run.got_through += 1
            run.notes.append(f"a trigger deleted four times at once answered {[s for s, _ in deletes]}")
    run.counted("triggers after deletes", org, "triggers", LIMIT - 2)
    run.expect("triggers after two deletes", run.race(headers, [("POST", "/api/v2/triggers", body)] * PARALLEL),
               {201}, 2)
    run.counted("triggers refilled", org, "triggers", LIMIT)


def _api_keys(run: Run) -> None:
    """The issue's own example: 46 keys held, 12 created at once, a limit of 50."""
    org, headers = _org("quota keys")
    for i in range(45):
        run.api.call("POST", "/api/v2/api-keys", headers, {"name": f"k{i}"})
    answers = run.race(headers, [("POST", "/api/v2/api-keys", {"name": "race"})] * 12)
    run.expect("API keys", answers, {201}, 4)
    run.counted("API keys", org, "api_keys", 50)
    created = [body["id"] for status, body in answers if status == 201] or ["key_none"]
    run.api.call("DELETE", f"/api/v2/api-keys/{created[0]}", headers)  # revoked keys count
    run.expect("API key after a revocation", run.race(headers, [("POST", "/api/v2/api-keys", {})] * 4), {201}, 0)


def _older_organization(run: Run) -> None:
    """An organization whose items were created before the counters: counted once, then held."""
    import boto3

    from chalicelib.settings import get_settings

    org, headers = _org("quota older")
    for _ in range(2):
        run.api.call("POST", "/api/v2/builder", headers, {"name": "old"})
    for kind in PREFIXES:
        boto3.client("dynamodb").delete_item(TableName=get_settings().table_name, Key={
            "PK": {"S": f"ORG#{org}"}, "SK": {"S": f"QUOTA#{kind}"}})
    answers = run.race(headers, [("POST", "/api/v2/builder", {"name": "new"})] * PARALLEL)
    run.expect("documents of an older organization", answers, {201}, LIMIT - 2)
    run.counted("documents of an older organization", org, "documents", LIMIT)
    answers = run.race(headers, [("POST", "/api/v2/api-keys", {"name": "new"})] * 4)
    run.expect("keys of an older organization", answers, {201}, 4)
    run.counted("keys of an older organization", org, "api_keys", 5)
