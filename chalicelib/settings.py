"""Runtime settings, read once from the environment on first use."""
from __future__ import annotations

import functools
import os

from pydantic import BaseModel, Field


class Settings(BaseModel):
    table_name: str = "jaot"
    jwt_secret: str | None = None
    bucket_name: str = "jaot-blobs"
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    max_time_limit_s: float = Field(default=60.0, gt=0)
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


_ENV = {
    "table_name": "JAOT_TABLE_NAME",
    "bucket_name": "JAOT_BUCKET_NAME",
    "jwt_secret": "JAOT_JWT_SECRET",
    "max_body_bytes": "JAOT_MAX_BODY_BYTES",
    "max_time_limit_s": "JAOT_MAX_TIME_LIMIT_S",
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
}


@functools.cache
def get_settings() -> Settings:
    """Settings from JAOT_* variables; cached for the life of the process."""
    values = {field: os.environ[var] for field, var in _ENV.items() if os.environ.get(var)}
    return Settings(**values)
