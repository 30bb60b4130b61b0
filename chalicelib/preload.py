"""What each Lambda function of the app imports on its first event, to import it ahead of time.

Importing app.py leaves the routes' models and services, the worker path and the store
to their first use (docs/operations-and-benchmarks.md, "Cold starts"), which keeps a
cold start without SnapStart short. With SnapStart the import runs before the snapshot,
so the before-snapshot hook (snapstart.py) imports these modules: the snapshot then
holds them, and the first event after a restore imports nothing.
"""
from __future__ import annotations

import importlib

FIRST_USE: dict[str, tuple[str, ...]] = {
    # Any route may come first: the store, then every blueprint's schemas and services.
    "api": (
        "chalicelib.store.organizations", "chalicelib.store.transactions",
        "chalicelib.services.idempotency", "chalicelib.services.executions",
        "chalicelib.services.api_keys", "chalicelib.services.builder_runs", "chalicelib.services.catalog",
        "chalicelib.services.compare", "chalicelib.services.documents", "chalicelib.services.execution_records",
        "chalicelib.services.mathopt", "chalicelib.services.model_runs", "chalicelib.services.org_models",
        "chalicelib.services.organizations", "chalicelib.services.solve", "chalicelib.services.trigger_events",
        "chalicelib.services.triggers", "chalicelib.services.versions",
        "chalicelib.schemas.api_keys", "chalicelib.schemas.builder", "chalicelib.schemas.catalog",
        "chalicelib.schemas.compare", "chalicelib.schemas.executions", "chalicelib.schemas.mathopt",
        "chalicelib.schemas.models", "chalicelib.schemas.organization", "chalicelib.schemas.results",
        "chalicelib.schemas.solve", "chalicelib.schemas.triggers",
    ),
    # The runs queue and its dead letters: the worker, the store, the callbacks it sends.
    "worker": ("chalicelib.services.worker", "chalicelib.services.callbacks", "chalicelib.services.triggers"),
    # Trigger events (queue, storage, schedule).
    "triggers": ("chalicelib.services.trigger_events",),
}


def preload(function: str) -> None:
    """Import what `function` ("api", "worker", "triggers") needs on its first event."""
    for name in FIRST_USE[function]:
        importlib.import_module(name)
