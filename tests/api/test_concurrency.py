"""Races at the service layer (one Lambda serves one request at a time, so
concurrency comes from many processes: threads stand in for them here)."""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from chalicelib.errors import Conflict, InsufficientCredits
from chalicelib.ids import catalog_id_for
from chalicelib.schemas.results import ExecuteRequest
from chalicelib.services import idempotency, model_runs, org_models
from chalicelib.services.auth import Caller
from chalicelib.store.organizations import get_organization
from chalicelib.templates import get_template
from tests.api.helpers import new_org


pytestmark = pytest.mark.usefixtures("atomic_moto")


def test_concurrent_activations_make_one_model():
    org = new_org()
    caller = Caller(org.id, "test")
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: org_models.activate(caller, catalog_id_for("warehouse_allocation")),
                                range(8)))
    assert len({result.id for result in results}) == 1
    from chalicelib.store.org_models import list_org_models
    assert len(list_org_models(org.id)) == 1


def test_concurrent_executes_never_overdraw():
    org = new_org(credits=3 * 4 + 2)  # enough for exactly 4 runs at 3 credits
    caller = Caller(org.id, "test")
    model_id = org_models.activate(caller, catalog_id_for("warehouse_allocation")).id
    body = ExecuteRequest(input_data=get_template("warehouse_allocation").example_input)

    def run(_):
        try:
            return model_runs.execute_model(caller, model_id, body).status
        except InsufficientCredits:
            return "402"

    with ThreadPoolExecutor(10) as pool:
        outcomes = list(pool.map(run, range(10)))
    assert sorted(outcomes) == ["402"] * 6 + ["optimal"] * 4
    assert get_organization(org.id).credits == 2


def test_a_second_request_with_a_running_idempotency_key_is_a_409_not_a_second_run():
    caller = Caller(new_org().id, "test")
    started, finish, runs = threading.Event(), threading.Event(), []

    def respond():
        runs.append(1)
        started.set()
        finish.wait(5)
        return idempotency.Reply(200, {"ok": True})

    first = threading.Thread(target=idempotency.run, args=(caller, "key-1", "same", respond))
    first.start()
    assert started.wait(5)
    with pytest.raises(Conflict, match="still running"):
        idempotency.run(caller, "key-1", "same", respond)
    finish.set()
    first.join()
    assert idempotency.run(caller, "key-1", "same", respond).body == {"ok": True}
    assert runs == [1]
