"""Runtime settings, read once from the environment on first use."""
from __future__ import annotations

import functools
import os
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, Field


class Settings(BaseModel):
    table_name: str = "jaot"
    jwt_secret: str | None = None
    bucket_name: str = "jaot-blobs"
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    max_time_limit_s: float = Field(default=3600.0, gt=0)
    """Longest `time_limit_s` of a queued run (docs/runs-and-triggers.md, long runs)."""
    max_sync_time_limit_s: float = Field(default=25.0, gt=0)
    """Longest `time_limit_s` of a run answered in its request: API Gateway holds a call
    29 s at most (model building and storing take the rest). Capped by max_time_limit_s."""
    max_models_per_org: int = Field(default=500, gt=0)
    demo_credits: int = Field(default=1000, ge=0)
    version_retention: int = Field(default=50, ge=1)
    checkpoint_ttl_days: int = Field(default=90, ge=1)
    inline_blob_bytes: int = Field(default=100_000, ge=1024, le=300_000)
    max_documents_per_org: int = Field(default=1000, gt=0)
    runs_queue: str = "jaot-runs"
    runs_dlq: str = "jaot-runs-dlq"
    trigger_events_queue: str = "jaot-trigger-events"
    storage_events_queue: str = "jaot-storage-events"
    max_run_deliveries: int = Field(default=3, ge=1, le=10)
    cancel_poll_s: float = Field(default=1.0, gt=0)
    callback_base_delay_s: float = Field(default=1.0, ge=0)
    max_triggers_per_org: int = Field(default=200, gt=0)
    callback_http_hosts: str = "127.0.0.1,localhost"
    """Hosts a callback_url may reach over plain http (local runs); `none` in AWS."""
    webhook_tolerance_s: int = Field(default=300, ge=1, le=3600)
    rate_limit_per_minute: int = Field(default=600, ge=0)
    """Requests per minute per API key (or JWT subject); 0 turns the limit off."""
    max_token_lifetime_s: int = Field(default=24 * 3600, ge=60, le=30 * 24 * 3600)
    """Longest a JWT may live: `exp` at most this far from now (and from `iat`, if given)."""
    # Long runs (services/long_runs.py): a queued run Lambda cannot hold gets a task of its own.
    lambda_run_limit_s: float = Field(default=780.0, gt=0)
    """Longest time limit a worker solves itself: the worker's 900 s timeout minus the lease margin."""
    long_run_launcher: Literal["ecs", "process"] = "ecs"
    """`ecs` (a Fargate task) when deployed; `process` (a local process) under `make run`."""
    long_run_cluster: str = "jaot-long-runs"
    long_run_task_definition: str = "jaot-long-run"
    long_run_subnets: str = ""
    """Comma list of the subnets a Fargate task runs in."""
    long_run_security_groups: str = ""
    long_run_public_ip: bool = False
    """Give the task a public IP (public subnets without a NAT gateway)."""
    long_run_start_grace_s: int = Field(default=600, ge=10)
    """How long a launched task has to take its run before the run ends `failed`, refunded."""
    long_run_cancel_grace_s: int = Field(default=30, ge=1, le=900)
    """How long a canceled long run may take to stop before its task is stopped for it."""

    @property
    def sync_time_limit_s(self) -> float:
        return min(self.max_sync_time_limit_s, self.max_time_limit_s)


_ENV = {
    "table_name": "JAOT_TABLE_NAME",
    "bucket_name": "JAOT_BUCKET_NAME",
    "jwt_secret": "JAOT_JWT_SECRET",
    "max_body_bytes": "JAOT_MAX_BODY_BYTES",
    "max_time_limit_s": "JAOT_MAX_TIME_LIMIT_S",
    "max_sync_time_limit_s": "JAOT_MAX_SYNC_TIME_LIMIT_S",
    "max_models_per_org": "JAOT_MAX_MODELS_PER_ORG",
    "demo_credits": "JAOT_DEMO_CREDITS",
    "version_retention": "JAOT_VERSION_RETENTION",
    "checkpoint_ttl_days": "JAOT_CHECKPOINT_TTL_DAYS",
    "inline_blob_bytes": "JAOT_INLINE_BLOB_BYTES",
    "max_documents_per_org": "JAOT_MAX_DOCUMENTS_PER_ORG",
    "runs_queue": "JAOT_RUNS_QUEUE",
    "runs_dlq": "JAOT_RUNS_DLQ",
    "trigger_events_queue": "JAOT_TRIGGER_EVENTS_QUEUE",
    "storage_events_queue": "JAOT_STORAGE_EVENTS_QUEUE",
    "max_run_deliveries": "JAOT_MAX_RUN_DELIVERIES",
    "cancel_poll_s": "JAOT_CANCEL_POLL_S",
    "callback_base_delay_s": "JAOT_CALLBACK_BASE_DELAY_S",
    "max_triggers_per_org": "JAOT_MAX_TRIGGERS_PER_ORG",
    "callback_http_hosts": "JAOT_CALLBACK_HTTP_HOSTS",
    "webhook_tolerance_s": "JAOT_WEBHOOK_TOLERANCE_S",
    "rate_limit_per_minute": "JAOT_RATE_LIMIT_PER_MINUTE",
    "max_token_lifetime_s": "JAOT_MAX_TOKEN_LIFETIME_S",
    "lambda_run_limit_s": "JAOT_LAMBDA_RUN_LIMIT_S",
    "long_run_launcher": "JAOT_LONG_RUN_LAUNCHER",
    "long_run_cluster": "JAOT_LONG_RUN_CLUSTER",
    "long_run_task_definition": "JAOT_LONG_RUN_TASK_DEFINITION",
    "long_run_subnets": "JAOT_LONG_RUN_SUBNETS",
    "long_run_security_groups": "JAOT_LONG_RUN_SECURITY_GROUPS",
    "long_run_public_ip": "JAOT_LONG_RUN_PUBLIC_IP",
    "long_run_start_grace_s": "JAOT_LONG_RUN_START_GRACE_S",
    "long_run_cancel_grace_s": "JAOT_LONG_RUN_CANCEL_GRACE_S",
}


def _local_store() -> bool:
    """AWS_ENDPOINT_URL names this machine: `make run`'s embedded store, not AWS."""
    host = urlparse(os.environ.get("AWS_ENDPOINT_URL", "")).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


@functools.cache
def get_settings() -> Settings:
    """Settings from JAOT_* variables; cached for the life of the process."""
    values = {field: os.environ[var] for field, var in _ENV.items() if os.environ.get(var)}
    if "long_run_launcher" not in values and _local_store():
        values["long_run_launcher"] = "process"
    return Settings(**values)
