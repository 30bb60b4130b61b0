"""Per-organization count limits hold under parallel creates (issue 12, item 3).

Each race sends N creates at once through the HTTP layer. moto is made atomic per request
(`atomic_moto`), as DynamoDB is; a limit enforced by reading a count and then writing
still lets several creates through, one enforced in the create's transaction does not.
"""
from __future__ import annotations

import boto3
import pytest

from chalicelib.ids import catalog_id_for
from chalicelib.settings import get_settings
from chalicelib.templates import TEMPLATE_NAMES
from tests.api.builder_helpers import production_canvas
from tests.api.helpers import call, new_org
from tests.api.races import lambda_per_thread, race  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("atomic_moto", "lambda_per_thread")

LIMIT = 3
PARALLEL = 10


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    for name in ("JAOT_MAX_DOCUMENTS_PER_ORG", "JAOT_MAX_MODELS_PER_ORG", "JAOT_MAX_TRIGGERS_PER_ORG"):
        monkeypatch.setenv(name, str(LIMIT))
    get_settings.cache_clear()


def statuses(answers) -> list[int]:
    return sorted(status for status, _ in answers)


def assert_refusals_are_conflicts(answers, limit_text: str) -> None:
    for status, body in answers:
        if status == 409:
            assert set(body) == {"error", "message", "details"} and body["error"] == "conflict"
            assert limit_text in body["message"]


def partition_items(organization_id: str, prefix: str) -> int:
    """Items of one kind under the organization (a test-only query of the table)."""
    reply = boto3.client("dynamodb").query(
        TableName=get_settings().table_name, ConsistentRead=True, Select="COUNT",
        KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues={":pk": {"S": f"ORG#{organization_id}"}, ":prefix": {"S": prefix}})
    return reply["Count"]


def stored_count(organization_id: str, kind: str) -> int:
    from chalicelib.store import quotas

    return quotas.used(organization_id, getattr(quotas, kind))


def forget_counters(organization_id: str) -> None:
    """Make the organization look like one created before the counters existed."""
    from chalicelib.store import keys, quotas

    dynamodb = boto3.client("dynamodb")
    for quota in quotas.ALL:
        dynamodb.delete_item(TableName=get_settings().table_name,
                             Key={"PK": {"S": keys.org_pk(organization_id)}, "SK": {"S": keys.quota_sk(quota.kind)}})


def test_parallel_document_creates_stop_at_the_limit(client):
    org = new_org()
    answers = race(client, org, [("POST", "/api/v2/builder", {"name": f"doc {i}", "canvas_json": production_canvas()})
                                 for i in range(PARALLEL)])
    assert statuses(answers) == [201] * LIMIT + [409] * (PARALLEL - LIMIT)
    assert_refusals_are_conflicts(answers, f"at most {LIMIT} documents")
    assert partition_items(org.id, "DOC#") == LIMIT == stored_count(org.id, "DOCUMENTS")
    # A deleted document is deactivated, and deactivated documents count: still no room.
    created = next(body for status, body in answers if status == 201)
    assert call(client, "DELETE", f"/api/v2/builder/{created['id']}", org)[0] == 200
    assert call(client, "POST", "/api/v2/builder", org, {"name": "one more"})[0] == 409
    assert partition_items(org.id, "DOC#") == LIMIT == stored_count(org.id, "DOCUMENTS")


def test_parallel_activations_and_private_models_stop_at_the_limit(client):
    org = new_org()
    requests = [("POST", f"/api/v2/models/catalog/{catalog_id_for(name)}/activate", None)
                for name in sorted(TEMPLATE_NAMES)[:PARALLEL - 4]]
    requests += [("POST", "/api/v2/models", {"name": f"private_{i}", "generator_type": "template",
                                             "custom_config": {"template": "knapsack"}}) for i in range(4)]
    answers = race(client, org, requests)
    assert sorted(status >= 400 for status, _ in answers) == [False] * LIMIT + [True] * (PARALLEL - LIMIT)
    assert {status for status, _ in answers} <= {200, 201, 409}
    assert_refusals_are_conflicts(answers, f"at most {LIMIT} models")
    assert partition_items(org.id, "MODEL#") == LIMIT == stored_count(org.id, "MODELS")
    # Deactivated models count too.
    created = next(body for status, body in answers if status < 400)
    assert call(client, "DELETE", f"/api/v2/models/{created['id']}", org)[0] == 200
    assert call(client, "POST", "/api/v2/models", org, {"name": "late", "generator_type": "template"})[0] == 409


def test_activating_the_same_model_at_the_last_place_gives_everyone_that_model(client):
    org = new_org()
    for name in sorted(TEMPLATE_NAMES)[:LIMIT - 1]:
        call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for(name)}/activate", org)
    path = f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate"
    answers = race(client, org, [("POST", path, None)] * PARALLEL)
    assert {status for status, _ in answers} <= {200, 201}
    assert len({body["id"] for _, body in answers}) == 1
    assert partition_items(org.id, "MODEL#") == LIMIT == stored_count(org.id, "MODELS")


def test_parallel_trigger_creates_stop_at_the_limit_and_a_delete_frees_exactly_one_place(client):
    org = new_org()
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    body = {"name": "t", "type": "webhook", "model_id": model["id"], "input_from_event": True}
    answers = race(client, org, [("POST", "/api/v2/triggers", body)] * PARALLEL)
    assert statuses(answers) == [201] * LIMIT + [409] * (PARALLEL - LIMIT)
    assert_refusals_are_conflicts(answers, f"at most {LIMIT} triggers")
    assert partition_items(org.id, "TRG#") == LIMIT == stored_count(org.id, "TRIGGERS")

    created = next(body for status, body in answers if status == 201)
    deletes = race(client, org, [("DELETE", f"/api/v2/triggers/{created['id']}", None)] * 4)
    assert statuses(deletes) == [200] + [404] * 3  # deleted once, counted off once
    assert partition_items(org.id, "TRG#") == LIMIT - 1 == stored_count(org.id, "TRIGGERS")
    answers = race(client, org, [("POST", "/api/v2/triggers", body)] * PARALLEL)
    assert statuses(answers) == [201] + [409] * (PARALLEL - 1)
    assert partition_items(org.id, "TRG#") == LIMIT == stored_count(org.id, "TRIGGERS")


def test_parallel_key_creates_stop_at_fifty_revoked_keys_included(client):
    org = new_org()  # its first key is one of the fifty
    for i in range(45):
        assert call(client, "POST", "/api/v2/api-keys", org, {"name": f"k{i}"})[0] == 201
    answers = race(client, org, [("POST", "/api/v2/api-keys", {"name": "race"})] * 12)
    assert statuses(answers) == [201] * 4 + [409] * 8
    assert_refusals_are_conflicts(answers, "at most 50 API keys")
    assert partition_items(org.id, "APIKEY#") == 50 == stored_count(org.id, "API_KEYS")
    created = next(body for status, body in answers if status == 201)
    assert call(client, "DELETE", f"/api/v2/api-keys/{created['id']}", org)[0] == 200
    assert call(client, "POST", "/api/v2/api-keys", org, {"name": "after revoke"})[0] == 409


def test_an_organization_from_before_the_counters_is_counted_once_then_held_to_its_limit(client):
    org = new_org()
    for i in range(2):
        assert call(client, "POST", "/api/v2/builder", org, {"name": f"old {i}"})[0] == 201
    _, model = call(client, "POST", f"/api/v2/models/catalog/{catalog_id_for('warehouse_allocation')}/activate", org)
    trigger = {"name": "t", "type": "webhook", "model_id": model["id"], "input_from_event": True}
    _, old_trigger = call(client, "POST", "/api/v2/triggers", org, trigger)
    forget_counters(org.id)

    answers = race(client, org, [("POST", "/api/v2/builder", {"name": "new"})] * PARALLEL)
    assert statuses(answers) == [201] * (LIMIT - 2) + [409] * (PARALLEL - LIMIT + 2)
    assert partition_items(org.id, "DOC#") == LIMIT == stored_count(org.id, "DOCUMENTS")
    # A delete before any create initializes the counter from the items, the deleted one included.
    assert call(client, "DELETE", f"/api/v2/triggers/{old_trigger['id']}", org)[0] == 200
    assert partition_items(org.id, "TRG#") == 0 == stored_count(org.id, "TRIGGERS")
    answers = race(client, org, [("POST", "/api/v2/api-keys", {"name": "k"})] * 4)
    assert statuses(answers) == [201] * 4
    assert partition_items(org.id, "APIKEY#") == 5 == stored_count(org.id, "API_KEYS")


def test_a_refused_create_writes_nothing(client):
    org = new_org()
    for i in range(LIMIT):
        call(client, "POST", "/api/v2/builder", org, {"name": f"d{i}"})
    before = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    status, body = call(client, "POST", "/api/v2/builder", org, {"name": "over"})
    after = boto3.client("dynamodb").scan(TableName=get_settings().table_name)["Items"]
    assert status == 409 and body["error"] == "conflict"
    without_rate = lambda items: sorted(repr(sorted(i.items())) for i in items if "RATE#" not in repr(i))  # noqa: E731
    assert without_rate(before) == without_rate(after)
