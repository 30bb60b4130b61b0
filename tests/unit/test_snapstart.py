"""SnapStart hooks, called directly: no Lambda runtime here (a fake registry stands in for
snapshot_restore_py). Nothing reaches AWS: creating SDK clients makes no request."""
from __future__ import annotations

import random

import boto3
import pytest

from chalicelib import snapstart
from chalicelib.store import blobs, queues
from chalicelib.store.items import ExecutionItem, TableItem
from chalicelib.store.triggers import ScheduledTrigger


class FakeRegistry:
    """The two registration functions of snapshot_restore_py."""

    def __init__(self):
        self.before, self.after = [], []

    def register_before_snapshot(self, hook):
        self.before.append(hook)

    def register_after_restore(self, hook):
        self.after.append(hook)


@pytest.fixture
def fresh_registration(monkeypatch):
    monkeypatch.setattr(snapstart, "_registered", False)


def test_outside_lambda_nothing_is_registered(fresh_registration):
    assert snapstart.register() is False  # no snapshot_restore_py in this environment
    assert snapstart._registered is False


def test_both_hooks_are_registered_once(fresh_registration):
    registry = FakeRegistry()
    assert snapstart.register(registry) is True
    assert snapstart.register(registry) is True
    assert registry.before == [snapstart.before_snapshot]
    assert registry.after == [snapstart.after_restore]


def test_restored_copies_of_one_snapshot_draw_different_random_numbers():
    random.seed(1234)
    snapshot = random.getstate()
    draws = []
    for _ in range(3):  # three environments restored from the same memory
        random.setstate(snapshot)
        snapstart.after_restore()
        draws.append([random.random() for _ in range(4)])
    assert len({tuple(d) for d in draws}) == 3
    random.setstate(snapshot)
    without_hook = [random.random() for _ in range(4)]
    random.setstate(snapshot)
    assert [random.random() for _ in range(4)] == without_hook  # what the hook prevents


def test_restore_drops_cached_clients_and_every_table_connection(monkeypatch):
    sqs, s3 = queues._sqs(), blobs._s3()
    assert queues._sqs() is sqs  # cached per process
    stale = object()
    for model in (TableItem, ExecutionItem, ScheduledTrigger):
        monkeypatch.setattr(model, "_connection", stale)
    snapstart.after_restore()
    assert queues._sqs() is not sqs and blobs._s3() is not s3
    assert TableItem._connection is None and ExecutionItem._connection is None
    assert ScheduledTrigger._connection is None


def test_restore_drops_a_default_session_with_static_keys_and_keeps_refreshable_ones(monkeypatch):
    boto3.setup_default_session()  # keys from the environment (conftest): static
    snapstart.after_restore()
    assert boto3.DEFAULT_SESSION is None

    class Refreshable:
        def refresh_needed(self):
            return False

    class Session:
        def get_credentials(self):
            return Refreshable()

    session = Session()
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", session)
    snapstart.after_restore()
    assert boto3.DEFAULT_SESSION is session  # container credentials refresh themselves


def test_before_snapshot_imports_the_lazy_modules_and_loads_the_sdk_models():
    missing = snapstart.before_snapshot()
    assert "boto3" not in missing and "ortools.sat.python.cp_model" not in missing
    # Modules of the other issue-18 branches, absent until they are merged.
    later = ("chalicelib.observability", "chalicelib.services.long_runs", "aws_lambda_powertools", "aws_xray_sdk")
    assert all(name.startswith(later) for name in missing), missing
    loader = boto3.DEFAULT_SESSION._session.get_component("data_loader")
    loaded = {key[1] for key in loader._cache if key[0] == "load_service_model"}
    assert set(snapstart.SDK_CLIENTS) <= loaded  # restored environments build clients from these
    boto3.DEFAULT_SESSION = None
