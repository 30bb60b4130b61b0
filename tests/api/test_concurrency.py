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
from chalicelib.store.executions import list_executions
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


def test_twenty_concurrent_executes_with_credits_for_seven():
    org = new_org(credits=3 * 7)  # exactly 7 runs at 3 credits
    caller = Caller(org.id, "test")
    model_id = org_models.activate(caller, catalog_id_for("warehouse_allocation")).id
    body = ExecuteRequest(input_data=get_template("warehouse_allocation").example_input)
    balances, done = [], threading.Event()

    def watch_balance():
        while not done.is_set():
            balances.append(int(get_organization(org.id).credits))

    def run(_):
        try:
            return model_runs.execute_model(caller, model_id, body).status
        except InsufficientCredits:
            return "402"

    watcher = threading.Thread(target=watch_balance)
    watcher.start()
    with ThreadPoolExecutor(20) as pool:
        outcomes = list(pool.map(run, range(20)))
    done.set()
    watcher.join()
    assert sorted(outcomes) == ["402"] * 13 + ["optimal"] * 7
    assert get_organization(org.id).credits == 0
    assert balances and min(balances) >= 0
    # The ledger: every debit and refund is on an execution record, and they add up.
    records = list_executions(org.id, limit=100, after_sk=None, low_sk="EXEC#", high_sk="EXEC#~",
                              filters={}).items
    assert len(records) == 7
    assert sum(int(record.credits_charged) for record in records) == 21
    assert sum(int(record.credits_used) for record in records) == 21 - int(get_organization(org.id).credits)


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
