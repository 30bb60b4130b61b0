"""Builder documents, versions, restore and builder execution through the HTTP layer."""
import os
import random
import string
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from moto.core.botocore_stubber import BotocoreStubber

from chalicelib.services import versions as version_service
from chalicelib.services.auth import Caller
from chalicelib.store.executions import get_execution
from tests.api.builder_helpers import node, production_canvas
from tests.api.helpers import call, new_org

B = "/api/v2/builder"


@pytest.fixture
def org():
    return new_org(credits=50)


@pytest.fixture
def doc(client, org):
    status, body = call(client, "POST", B, org, {"name": "Warehouse Optimizer", "canvas_json": production_canvas()})
    assert status == 201, body
    return body


def checkpoint(client, org, doc_id, canvas):
    return call(client, "POST", f"{B}/{doc_id}/versions", org, {"canvas_json": canvas})


def test_document_shape_and_compiled_model(client, org, doc):
    assert set(doc) == {"id", "organization_id", "name", "description", "canvas_json", "model_json",
                        "is_active", "created_at", "updated_at"}
    assert doc["id"].startswith("doc_") and doc["organization_id"] == org.id and doc["is_active"] is True
    assert doc["canvas_json"] == production_canvas()  # stored as sent, viewport included
    assert doc["model_json"]["parameters"] == {"capacity": 14.0}
    assert call(client, "GET", f"{B}/{doc['id']}", org) == (200, doc)


def test_put_saves_canvas_and_invalid_canvas_has_no_model(client, org, doc):
    broken = {"nodes": [node("c1", "constraint", expression="x <= 1")], "edges": []}
    status, saved = call(client, "PUT", f"{B}/{doc['id']}", org, {"canvas_json": broken, "name": "Renamed"})
    assert status == 200 and saved["canvas_json"] == broken and saved["model_json"] is None
    assert saved["name"] == "Renamed"
    status, error = call(client, "POST", f"{B}/{doc['id']}/execute", org, {})
    assert status == 400 and error["details"] == [
        {"node_id": "c1", "message": "unknown name 'x': not a variable or parameter of the model"}]
    assert call(client, "GET", "/api/v2/organization", org)[1]["credits"] == 50


def test_compile_lists_every_offending_node_without_saving(client, org, doc):
    canvas = {"nodes": [node("v1", "variable", name="x"), node("c1", "constraint", expression="x + ghost <= 3"),
                        node("o1", "objective", expression="x"), node("o2", "objective", expression="2*x"),
                        node("p1", "parameter", name="a", expression="b + 1"),
                        node("p2", "parameter", name="b", expression="a * 2")],
              "edges": [{"id": "e9", "source": "v1", "target": "nowhere"}]}
    status, error = call(client, "POST", f"{B}/{doc['id']}/compile", org, {"canvas_json": canvas})
    assert status == 400
    problems = {(p["node_id"], p["message"].split(";")[0]) for p in error["details"]}
    assert ("c1", "unknown name 'ghost': not a variable or parameter of the model") in problems
    assert {"o1", "o2", "p1", "p2", "e9"} <= {p[0] for p in problems}
    assert any("cycle" in p[1] for p in problems if p[0] == "p1")
    status, ok = call(client, "POST", f"{B}/{doc['id']}/compile", org, {})
    assert status == 200 and ok["valid"] is True
    assert call(client, "GET", f"{B}/{doc['id']}", org)[1]["canvas_json"] == production_canvas()


def test_execute_current_and_version_against_hand_computed_optimum(client, org, doc):
    status, result = call(client, "POST", f"{B}/{doc['id']}/execute", org, {})
    # Vertices of x + 2y <= 14, x - y <= 2: (0, 7) -> 28, (6, 4) -> 34, (2, 0) -> 6.
    assert status == 200 and result["objective_value"] == 34
    assert result["solution"]["variables"] == {"x": 6, "y": 4}
    assert (result["document_id"], result["version_id"], result["sequence"]) == (doc["id"], None, None)
    _, version = checkpoint(client, org, doc["id"], production_canvas(capacity=20))
    status, result = call(client, "POST", f"{B}/{doc['id']}/execute", org,
                          {"version_id": version["id"], "parameters": {"capacity": 8}})
    # capacity 8: vertices (0, 4) -> 16, (4, 2) -> 20, (2, 0) -> 6.
    assert status == 200 and result["objective_value"] == 20
    record = get_execution(org.id, result["execution_id"])
    assert (record.kind, record.document_id, record.version_id, record.sequence) == (
        "builder", doc["id"], version["id"], 1)
    status, error = call(client, "POST", f"{B}/{doc['id']}/execute", org, {"parameters": {"nope": 1}})
    assert status == 400 and error["details"][0]["field"] == "parameters.nope"


def test_checkpoint_dedupes_and_summarises_changes(client, org, doc):
    status, first = checkpoint(client, org, doc["id"], production_canvas())
    assert status == 201 and first["sequence"] == 1 and first["change_summary"] == "Added 6 nodes and 2 edges"
    assert first["canvas_json"] == production_canvas() and first["is_named"] is False
    reordered = {k: production_canvas()[k] for k in reversed(list(production_canvas()))}
    status, again = checkpoint(client, org, doc["id"], reordered)
    assert status == 200 and again["id"] == first["id"]  # same canvas: no duplicate
    changed = production_canvas()
    changed["nodes"][3]["data"]["expression"] = "x + 3*y <= capacity"
    changed["nodes"][4]["data"]["expression"] = "x - 2*y <= 2"
    changed["nodes"].append(node("v3", "variable", name="z"))
    status, second = checkpoint(client, org, doc["id"], changed)
    assert status == 201 and second["sequence"] == 2
    assert second["change_summary"] == "Modified 2 constraints, added 1 variable"
    _, listed = call(client, "GET", f"{B}/{doc['id']}/versions", org)
    assert [v["sequence"] for v in listed] == [2, 1] and "canvas_json" not in listed[0]
    _, one = call(client, "GET", f"{B}/{doc['id']}/versions/{first['id']}", org)
    assert one["canvas_json"] == production_canvas() and one["model_json"]["parameters"] == {"capacity": 14.0}


def test_list_skip_limit_and_bad_values(client, org, doc):
    for capacity in range(1, 8):
        checkpoint(client, org, doc["id"], production_canvas(capacity))
    _, page = call(client, "GET", f"{B}/{doc['id']}/versions?skip=2&limit=3", org)
    assert [v["sequence"] for v in page] == [5, 4, 3]
    for bad in ("skip=-1", "limit=0", "limit=101", "skip=x", "order=asc"):
        assert call(client, "GET", f"{B}/{doc['id']}/versions?{bad}", org)[0] == 400, bad


def test_promote_requires_a_name(client, org, doc):
    _, version = checkpoint(client, org, doc["id"], production_canvas())
    assert call(client, "PATCH", f"{B}/{doc['id']}/versions/{version['id']}", org, {})[0] == 400
    status, named = call(client, "PATCH", f"{B}/{doc['id']}/versions/{version['id']}", org,
                         {"version_name": "Production v2.1", "version_description": "Added capacity"})
    assert status == 200 and named["is_named"] is True and named["version_name"] == "Production v2.1"
    _, listed = call(client, "GET", f"{B}/{doc['id']}/versions", org)
    assert listed[0]["version_description"] == "Added capacity"


def test_restore_checkpoints_current_then_sets_the_version_canvas(client, org, doc):
    _, old = checkpoint(client, org, doc["id"], production_canvas(10))
    current = production_canvas(99)
    status, restored = call(client, "POST", f"{B}/{doc['id']}/versions/{old['id']}/restore", org,
                            {"current_canvas_json": current})
    assert status == 200 and restored["document"]["canvas_json"] == production_canvas(10)
    _, safety = call(client, "GET", f"{B}/{doc['id']}/versions/{restored['checkpoint_id']}", org)
    assert safety["canvas_json"] == current and safety["sequence"] == 2
    assert call(client, "GET", f"{B}/{doc['id']}", org)[1]["canvas_json"] == production_canvas(10)


def test_restore_is_atomic_when_the_transaction_fails(client, org, doc, monkeypatch):
    _, old = checkpoint(client, org, doc["id"], production_canvas(10))
    before_doc = call(client, "GET", f"{B}/{doc['id']}", org)[1]
    before_versions = call(client, "GET", f"{B}/{doc['id']}/versions", org)[1]
    original = BotocoreStubber.process_request
    failed = []

    def fail_transactions(self, request):
        target = request.headers.get("X-Amz-Target") or b""
        if "TransactWriteItems" in (target.decode() if isinstance(target, bytes) else target):
            failed.append(target)
            raise RuntimeError("injected failure")
        return original(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", fail_transactions)
    status, error = call(client, "POST", f"{B}/{doc['id']}/versions/{old['id']}/restore", org,
                         {"current_canvas_json": production_canvas(77)})
    monkeypatch.setattr(BotocoreStubber, "process_request", original)
    assert len(failed) == 1  # the restore reached its one transaction, which failed
    assert status == 500 and error["error"] == "internal_error"
    assert call(client, "GET", f"{B}/{doc['id']}", org)[1] == before_doc
    assert call(client, "GET", f"{B}/{doc['id']}/versions", org)[1] == before_versions


def test_retention_prunes_unnamed_and_keeps_named(client, org, doc, monkeypatch):
    monkeypatch.setenv("JAOT_VERSION_RETENTION", "3")
    from chalicelib.settings import get_settings
    get_settings.cache_clear()
    ids = [checkpoint(client, org, doc["id"], production_canvas(c))[1]["id"] for c in range(1, 4)]
    call(client, "PATCH", f"{B}/{doc['id']}/versions/{ids[0]}", org, {"version_name": "Keep me"})
    for capacity in range(4, 10):
        checkpoint(client, org, doc["id"], production_canvas(capacity))
    _, listed = call(client, "GET", f"{B}/{doc['id']}/versions?limit=100", org)
    unnamed = [v["sequence"] for v in listed if not v["is_named"]]
    assert unnamed == [9, 8, 7]  # the newest 3 unnamed
    assert [v["version_name"] for v in listed if v["is_named"]] == ["Keep me"]
    assert call(client, "GET", f"{B}/{doc['id']}/versions/{ids[1]}", org)[0] == 404


def test_sequences_never_repeat_or_skip_under_concurrency(client, org, doc, monkeypatch):
    lock = threading.Lock()
    original = BotocoreStubber.process_request

    def atomic(self, request):  # DynamoDB applies each request atomically; moto needs a lock for it
        with lock:
            return original(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", atomic)
    caller = Caller(org.id, "test")
    with ThreadPoolExecutor(8) as pool:
        made = list(pool.map(lambda c: version_service.create_checkpoint(caller, doc["id"], production_canvas(c)),
                             range(100, 116)))
    assert all(created for _, created in made)
    assert sorted(v.sequence for v, _ in made) == list(range(1, 17))


def test_two_megabyte_canvas_round_trips_through_s3(client, org, doc):
    rng = random.Random(1)
    noise = "".join(rng.choice(string.ascii_letters) for _ in range(2_100_000))
    big = {**production_canvas(), "notes": noise}
    status, version = checkpoint(client, org, doc["id"], big)
    assert status == 201
    assert call(client, "GET", f"{B}/{doc['id']}/versions/{version['id']}", org)[1]["canvas_json"] == big
    status, saved = call(client, "PUT", f"{B}/{doc['id']}", org, {"canvas_json": production_canvas(5)})
    status, restored = call(client, "POST", f"{B}/{doc['id']}/versions/{version['id']}/restore", org,
                            {"current_canvas_json": production_canvas(5)})
    assert status == 200 and restored["document"]["canvas_json"] == big
    assert call(client, "GET", f"{B}/{doc['id']}", org)[1]["canvas_json"] == big
    import boto3
    keys = boto3.client("s3").list_objects_v2(Bucket=os.environ.get("JAOT_BUCKET_NAME", "jaot-blobs"))
    assert keys["KeyCount"] >= 1


def test_other_organizations_documents_and_versions_are_404(client, org, doc):
    _, version = checkpoint(client, org, doc["id"], production_canvas())
    intruder = new_org()
    d, v = doc["id"], version["id"]
    for method, path, body in [
        ("GET", f"{B}/{d}", None), ("PUT", f"{B}/{d}", {"name": "x"}), ("DELETE", f"{B}/{d}", None),
        ("POST", f"{B}/{d}/compile", {}), ("POST", f"{B}/{d}/execute", {}),
        ("GET", f"{B}/{d}/versions", None), ("POST", f"{B}/{d}/versions", {"canvas_json": production_canvas()}),
        ("GET", f"{B}/{d}/versions/{v}", None), ("PATCH", f"{B}/{d}/versions/{v}", {"version_name": "x"}),
        ("POST", f"{B}/{d}/versions/{v}/restore", {"current_canvas_json": production_canvas()}),
    ]:
        status, error = call(client, method, path, intruder, body)
        assert (status, error["error"]) == (404, "not_found"), (method, path)
    assert call(client, "GET", B, intruder)[1]["total"] == 0
    for bad_version in ("ver_1_aaaaaaaaaaaa", "ver_zz", "nonsense"):
        assert call(client, "GET", f"{B}/{d}/versions/{bad_version}", org)[0] == 404


def test_delete_is_soft_and_blocks_execute(client, org, doc):
    assert call(client, "DELETE", f"{B}/{doc['id']}", org) == (200, {"status": "deactivated"})
    assert call(client, "GET", f"{B}/{doc['id']}", org)[1]["is_active"] is False
    assert call(client, "POST", f"{B}/{doc['id']}/execute", org, {})[0] == 404
    assert call(client, "GET", f"{B}?is_active=false", org)[1]["total"] == 1
    assert call(client, "PUT", f"{B}/{doc['id']}", org, {"is_active": True})[1]["is_active"] is True


@pytest.mark.parametrize("body", [{"name": ""}, {"name": "x", "canvas_json": {"nodes": "bad"}},
                                  {"name": "x", "canvas_json": {"nodes": [{"type": "variable"}]}},
                                  {"name": "x", "extra": 1}])
def test_bad_document_bodies_are_400_and_write_nothing(client, org, body):
    assert call(client, "POST", B, org, body)[0] == 400
    assert call(client, "GET", B, org)[1]["total"] == 0


def test_builder_model_runs_its_pinned_version_through_the_models_api(client, org, doc):
    _, version = checkpoint(client, org, doc["id"], production_canvas())
    status, model = call(client, "POST", "/api/v2/models", org, {
        "name": "plan_model", "generator_type": "builder",
        "custom_config": {"document_id": doc["id"], "version_id": version["id"]}})
    assert status == 201 and model["credits_per_execution"] == 2
    _, pinned = call(client, "GET", f"{B}/{doc['id']}/versions/{version['id']}", org)
    assert pinned["is_named"] is True and pinned["version_name"] == "Pinned #1"
    _, schema = call(client, "GET", f"/api/v2/models/{model['id']}/schema", org)
    assert schema["input_schema"]["properties"] == {"capacity": {"type": "number", "default": 14.0}}
    # A later canvas change does not change what the model runs.
    call(client, "PUT", f"{B}/{doc['id']}", org, {"canvas_json": production_canvas(2)})
    status, result = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org, {"input_data": {}})
    assert status == 200 and result["objective_value"] == 34 and result["version_id"] == version["id"]
    status, result = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org,
                          {"input_data": {"capacity": 8}})
    assert status == 200 and result["objective_value"] == 20 and result["model_id"] == model["id"]
    status, error = call(client, "POST", f"/api/v2/models/{model['id']}/execute", org,
                         {"input_data": {"capacity": "lots"}})
    assert status == 400
    status, error = call(client, "POST", "/api/v2/models", org, {
        "name": "broken", "generator_type": "builder", "custom_config": {"document_id": doc["id"],
                                                                          "version_id": "ver_9_aaaaaaaaaaaa"}})
    assert status == 400 and error["details"][0]["field"] == "custom_config.version_id"
