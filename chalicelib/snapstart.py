"""Lambda SnapStart runtime hooks (docs/deployment.md#snapstart).

With SnapStart, Lambda runs the init phase once per published version, snapshots the
memory, and starts every new execution environment from that one snapshot. So:
- before the snapshot, import what a first request would otherwise import lazily, and
  load the AWS SDK's service models, so that restored environments start with them;
- after each restore, give `random` its own seed (every restored copy would otherwise
  draw the same sequence: retry jitter in store/transactions, services/versions and
  services/callbacks), drop the cached SDK clients and PynamoDB connections (their
  sockets, if any, did not survive the snapshot), and drop a default SDK session whose
  credentials were static when the snapshot was taken. Ids and secrets (ids.py,
  signing.py, ULIDs) come from os.urandom / `secrets`, unique after a restore already.

`snapshot_restore_py` exists only in Lambda's Python runtime: elsewhere `register()` does
nothing, and the hooks are plain functions tests call directly.
"""
from __future__ import annotations

import importlib
import random
import sys
from typing import Any, Callable

# Imported lazily by the code (to keep `make run` and tests light), eagerly before a snapshot.
WARM_MODULES = (
    "boto3", "numpy", "google.protobuf.json_format",
    "ortools.sat.python.cp_model", "ortools.linear_solver.pywraplp", "ortools.math_opt.python.mathopt",
    "pyvrp", "fast_tsp", "jwt", "idna", "re2", "referencing",
    "chalicelib.engine.cpsat", "chalicelib.engine.generic", "chalicelib.services.trigger_events",
    "chalicelib.services.long_runs",
    "chalicelib.observability", "aws_lambda_powertools.logging", "aws_lambda_powertools.metrics",
    "aws_xray_sdk.core",
)
SDK_CLIENTS = ("sqs", "s3", "ecs")  # what store.queues, store.blobs and services.long_runs create
# (module, functools.cache'd function) pairs that hold an SDK client.
CLIENT_CACHES = (("chalicelib.store.queues", "_sqs"), ("chalicelib.store.blobs", "_s3"),
                 ("chalicelib.services.long_runs", "_ecs"))

_registered = False


def before_snapshot() -> list[str]:
    """Import the lazy modules and load the SDK's service models into the default session
    (no request is made). Returns the modules that could not be imported (not deployed)."""
    from chalicelib.preload import FIRST_USE

    missing = []
    for name in WARM_MODULES + tuple(module for modules in FIRST_USE.values() for module in modules):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if "boto3" not in missing:
        import boto3

        for service in SDK_CLIENTS:  # the clients are dropped after restore, the models stay
            boto3.client(service)
    return missing


def after_restore() -> None:
    random.seed()  # from os.urandom, which Lambda makes unique per restored environment
    for module_name, function_name in CLIENT_CACHES:
        cached = getattr(sys.modules.get(module_name), function_name, None)
        if cached is not None:
            cached.cache_clear()
    drop_table_connections()
    boto3 = sys.modules.get("boto3")
    if boto3 is not None and boto3.DEFAULT_SESSION is not None:
        credentials = boto3.DEFAULT_SESSION.get_credentials()
        if credentials is not None and not hasattr(credentials, "refresh_needed"):
            boto3.DEFAULT_SESSION = None  # static keys from before the snapshot: resolve again


def drop_table_connections() -> None:
    """Every PynamoDB model class caches its own connection (store/triggers.py has one apart)."""
    items = sys.modules.get("chalicelib.store.items")
    if items is None:
        return
    pending = [items.TableItem]
    while pending:
        model = pending.pop()
        model._connection = None
        pending.extend(model.__subclasses__())


def register(registry: Any = None) -> bool:
    """Register both hooks with `registry` (snapshot_restore_py in Lambda); once per process.
    False where there is no such module (tests, `make run`, the Fargate task)."""
    global _registered
    if registry is None:
        try:
            import snapshot_restore_py as registry  # type: ignore[import-not-found, no-redef]
        except ImportError:
            return False
    if not _registered:
        hooks: tuple[tuple[Callable[..., Any], Callable[[], Any]], ...] = (
            (registry.register_before_snapshot, before_snapshot),
            (registry.register_after_restore, after_restore))
        for add, hook in hooks:
            add(hook)
        _registered = True
    return True


register()
