"""PynamoDB item classes. All share the one table; `PK`/`SK` come from keys.py."""
from __future__ import annotations

import os

from pynamodb.attributes import (
    BinaryAttribute,
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
)
from pynamodb.models import Model


class TableItem(Model):
    class Meta:
        table_name = os.environ.get("JAOT_TABLE_NAME", "jaot")
        region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
        max_retry_attempts = 3

    PK = UnicodeAttribute(hash_key=True)
    SK = UnicodeAttribute(range_key=True)


class OrganizationItem(TableItem):
    organization_id = UnicodeAttribute()
    name = UnicodeAttribute()
    credits = NumberAttribute(default=0)
    created_at = UnicodeAttribute()


class ApiKeyItem(TableItem):
    """Looked up by the SHA-256 of the presented key; the key itself is never stored."""

    key_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    prefix = UnicodeAttribute()
    name = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute()
    revoked_at = UnicodeAttribute(null=True)
    GSI1PK = UnicodeAttribute()
    GSI1SK = UnicodeAttribute()


class ApiKeyRecordItem(TableItem):
    """An organization's view of one of its keys (listing, revocation): never the key itself."""

    key_id = UnicodeAttribute()
    key_hash = UnicodeAttribute()
    prefix = UnicodeAttribute()
    name = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute()
    revoked_at = UnicodeAttribute(null=True)


class QuotaCounterItem(TableItem):
    """How many items of one kind (documents, models, triggers, API keys) an organization
    holds: moved in the same transaction as each create, on the condition `used < limit`."""

    used = NumberAttribute()


class RateWindowItem(TableItem):
    """Requests a caller made in one minute; the conditional increment is the rate limit."""

    count = NumberAttribute(default=0)
    expires_at = NumberAttribute()


class CatalogItem(TableItem):
    catalog_id = UnicodeAttribute()
    name = UnicodeAttribute()
    display_name = UnicodeAttribute()
    description = UnicodeAttribute()
    category = UnicodeAttribute()
    credits_per_execution = NumberAttribute()
    tags = ListAttribute(of=UnicodeAttribute, default=list)
    status = UnicodeAttribute(default="published")
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()


class OrgModelItem(TableItem):
    """An organization model (`exe_`): an activated catalog model or a private one."""

    model_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    catalog_id = UnicodeAttribute(null=True)
    name = UnicodeAttribute()
    display_name = UnicodeAttribute()
    description = UnicodeAttribute(null=True)
    category = UnicodeAttribute(null=True)
    tags = ListAttribute(of=UnicodeAttribute, default=list)
    credits_per_execution = NumberAttribute()
    generator_type = UnicodeAttribute()
    input_schema = JSONAttribute(null=True)
    input_fields = JSONAttribute(null=True)
    example_input = JSONAttribute(null=True)
    custom_name = UnicodeAttribute(null=True)
    custom_config = JSONAttribute(null=True)
    is_active = BooleanAttribute(default=True)
    is_favorite = BooleanAttribute(default=False)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()


class ActivationItem(TableItem):
    """Marks that an organization activated a catalog model: one per (org, catalog id)."""

    catalog_id = UnicodeAttribute()
    model_id = UnicodeAttribute()


class StatusChange(MapAttribute):
    status = UnicodeAttribute()
    at = UnicodeAttribute()
    reason = UnicodeAttribute(null=True)


class ExecutionItem(TableItem):
    """One run: what ran (model, version, template), who or what started it, its lifecycle
    (`queued -> running -> succeeded | failed | canceled`), its input and its result."""

    execution_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    kind = UnicodeAttribute(default="model")
    """`model` (execute of an organization model), `solve` (POST /solve) or `builder`."""
    model_id = UnicodeAttribute(null=True)
    document_id = UnicodeAttribute(null=True)
    version_id = UnicodeAttribute(null=True)
    sequence = NumberAttribute(null=True)
    catalog_id = UnicodeAttribute(null=True)
    template = UnicodeAttribute(null=True)
    trigger_id = UnicodeAttribute(null=True)
    status = UnicodeAttribute()
    status_history = ListAttribute(of=StatusChange, default=list)
    solve_status = UnicodeAttribute(null=True)
    credits_charged = NumberAttribute(default=0)
    """Debited when the run started or was queued; refunds lower credits_used, not this."""
    credits_used = NumberAttribute(default=0)
    started_by = UnicodeAttribute()
    is_async = BooleanAttribute(default=False)
    attempts = NumberAttribute(default=0)
    """Times a worker picked the run up; a redelivery after a crash adds one."""
    lease_until = NumberAttribute(null=True)
    """Epoch seconds until which the worker that claimed the run owns it."""
    cancel_requested = BooleanAttribute(default=False)
    failure_reason = UnicodeAttribute(null=True)
    callback_url = UnicodeAttribute(null=True)
    deliveries = JSONAttribute(null=True)
    result_key = UnicodeAttribute(null=True)
    """S3 key to write the result to (a storage trigger writes it beside its input)."""
    input_gz = BinaryAttribute(legacy_encoding=False, null=True)
    input_s3 = UnicodeAttribute(null=True)
    run_gz = BinaryAttribute(legacy_encoding=False, null=True)
    """What a worker needs to solve a queued run again (RunSpec JSON)."""
    run_s3 = UnicodeAttribute(null=True)
    result_gz = BinaryAttribute(legacy_encoding=False, null=True)
    result_s3 = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute()
    started_at = UnicodeAttribute(null=True)
    finished_at = UnicodeAttribute(null=True)
    solve_time_ms = NumberAttribute(null=True)
    # A long run (services/long_runs.py): handed to a task of its own, Lambda cannot hold it.
    launcher = UnicodeAttribute(null=True)
    """`ecs` or `process` once the run was handed to a task; None for a run a worker solves."""
    handed_off_at = UnicodeAttribute(null=True)
    task_arn = UnicodeAttribute(null=True)
    """The Fargate task running it (launcher `ecs`)."""
    process_id = NumberAttribute(null=True)
    """The local process running it (launcher `process`, under `make run`)."""
    # What the run cost us (chalicelib/costs.py), for the operator; never in an API response.
    cost_gb_seconds = NumberAttribute(null=True)
    """Lambda GB-seconds: handling time x configured memory, of the request and worker that ran it."""
    cost_ddb_read_units = NumberAttribute(null=True)
    cost_ddb_write_units = NumberAttribute(null=True)
    cost_s3_get = NumberAttribute(null=True)
    cost_s3_put = NumberAttribute(null=True)
    cost_sqs_requests = NumberAttribute(null=True)


class DocumentItem(TableItem):
    """A builder document: its current canvas (and the model it compiles to), and the
    counters of its version history."""

    document_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    name = UnicodeAttribute()
    description = UnicodeAttribute(null=True)
    is_active = BooleanAttribute(default=True)
    canvas_gz = BinaryAttribute(legacy_encoding=False, null=True)
    canvas_s3 = UnicodeAttribute(null=True)
    model_gz = BinaryAttribute(legacy_encoding=False, null=True)
    model_s3 = UnicodeAttribute(null=True)
    last_sequence = NumberAttribute(default=0)
    """Highest version sequence ever allocated; the next checkpoint takes last + 1."""
    latest_version_id = UnicodeAttribute(null=True)
    latest_hash = UnicodeAttribute(null=True)
    """Canvas hash of the newest checkpoint: an identical canvas is not checkpointed again."""
    unnamed_count = NumberAttribute(default=0)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()


class VersionItem(TableItem):
    """A version's metadata (small, listed); its canvas sits in a VersionBlobItem."""

    version_id = UnicodeAttribute()
    document_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    sequence = NumberAttribute()
    is_named = BooleanAttribute(default=False)
    version_name = UnicodeAttribute(null=True)
    version_description = UnicodeAttribute(null=True)
    change_summary = UnicodeAttribute()
    canvas_hash = UnicodeAttribute()
    created_at = UnicodeAttribute()
    expires_at = NumberAttribute(null=True)
    """TTL (epoch seconds) on unnamed checkpoints only: a backstop to pruning."""
    pin_count = NumberAttribute(default=0)
    """Triggers and builder models that run this version: it cannot be deleted while > 0."""


class VersionBlobItem(TableItem):
    canvas_gz = BinaryAttribute(legacy_encoding=False, null=True)
    canvas_s3 = UnicodeAttribute(null=True)
    model_gz = BinaryAttribute(legacy_encoding=False, null=True)
    model_s3 = UnicodeAttribute(null=True)
    expires_at = NumberAttribute(null=True)


class UnnamedMarkerItem(TableItem):
    """Exists while a version is an unnamed checkpoint; ordered by sequence for pruning."""

    version_id = UnicodeAttribute()
    expires_at = NumberAttribute(null=True)


class TriggerItem(TableItem):
    """A trigger (`trg_`): what fires it, what it runs (a pinned builder version or an
    organization model) and with which input. Enabled schedule triggers carry GSI1 keys
    ordered by next run time: the scheduler's index of due triggers."""

    trigger_id = UnicodeAttribute()
    organization_id = UnicodeAttribute()
    name = UnicodeAttribute()
    description = UnicodeAttribute(null=True)
    type = UnicodeAttribute()
    model_id = UnicodeAttribute(null=True)
    document_id = UnicodeAttribute(null=True)
    version_id = UnicodeAttribute(null=True)
    sequence = NumberAttribute(null=True)
    input_data = JSONAttribute(null=True)
    input_from_event = BooleanAttribute(default=False)
    options = JSONAttribute(null=True)
    schedule_expression = UnicodeAttribute(null=True)
    schedule_anchor = UnicodeAttribute(null=True)
    """When the expression was set: what `rate(...)` counts from."""
    next_run_at = UnicodeAttribute(null=True)
    callback_url = UnicodeAttribute(null=True)
    secret = UnicodeAttribute()
    """Signs webhooks in and callbacks out; shown once, at creation."""
    is_enabled = BooleanAttribute(default=True)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    last_fired_at = UnicodeAttribute(null=True)
    last_execution_id = UnicodeAttribute(null=True)
    last_error = UnicodeAttribute(null=True)
    fire_count = NumberAttribute(default=0)
    GSI1PK = UnicodeAttribute(null=True)
    GSI1SK = UnicodeAttribute(null=True)


class TriggerRefItem(TableItem):
    """`TRIGGER#<id>` -> organization: how an inbound webhook or queue message, which carries
    only the trigger id, finds its trigger."""

    organization_id = UnicodeAttribute()


class ReplayMarkerItem(TableItem):
    """One per accepted webhook signature, until the signature's timestamp is too old to
    be accepted anyway: a replayed request is refused."""

    expires_at = NumberAttribute()


class IdempotencyItem(TableItem):
    """The first response to an Idempotency-Key, replayed for 24 h to the same request."""

    request_hash = UnicodeAttribute()
    state = UnicodeAttribute()
    """`in_progress` while the first request runs, then `done`."""
    status_code = NumberAttribute(null=True)
    response_gz = BinaryAttribute(legacy_encoding=False, null=True)
    response_s3 = UnicodeAttribute(null=True)
    headers = JSONAttribute(null=True)
    created_at = UnicodeAttribute()
    expires_at = NumberAttribute()
