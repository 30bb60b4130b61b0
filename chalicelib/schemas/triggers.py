"""Triggers: runs that no person starts (schedules, webhooks, queue messages, files)."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from chalicelib.engine.options import RunOptions
from chalicelib.schemas.common import Name, Omittable, RequestModel, Text

TriggerType = Literal["schedule", "webhook", "queue", "storage"]
NAME = Field(min_length=1, max_length=120)


class TriggerCreate(RequestModel):
    name: Name = NAME
    description: Text | None = Field(default=None, max_length=1000)
    type: TriggerType
    """`schedule` (schedule_expression), `webhook` (POST /api/v2/hooks/{trigger_id}, signed),
    `queue` (an SQS message with a `trigger_id` attribute) or `storage` (a JSON file under
    the trigger's storage_prefix)."""
    document_id: str | None = Field(default=None, max_length=64)
    """Run this builder document's version `version_id`..."""
    version_id: str | None = Field(default=None, max_length=64)
    """...which is pinned: promoted to a named version if it is not one, and protected from deletion."""
    model_id: str | None = Field(default=None, max_length=64)
    """Or run this organization model (`exe_...`)."""
    input_data: dict[str, Any] | None = None
    """The input each run gets (for a builder version: its parameter values)."""
    input_from_event: bool | None = None
    """Take the input from the event (webhook body, queue message body, stored file) instead;
    default true for webhook, queue and storage triggers. Schedules have no event input."""
    options: RunOptions = Field(default_factory=RunOptions)
    schedule_expression: str | None = Field(default=None, max_length=256)
    """For `schedule`: `rate(15 minutes)` or `cron(0 6 * * 1-5)` (five fields, UTC)."""
    callback_url: str | None = Field(default=None, max_length=2048)
    """POSTed the result of every run, signed with the trigger's secret (X-JAOT-Signature)."""
    is_enabled: bool = True

    @model_validator(mode="after")
    def _one_target(self) -> "TriggerCreate":
        if (self.model_id is None) == (self.document_id is None):
            raise ValueError("give either `model_id` or `document_id` with `version_id`")
        if self.document_id is not None and self.version_id is None:
            raise ValueError("a builder document target needs the `version_id` to pin")
        if self.model_id is not None and self.version_id is not None:
            raise ValueError("`version_id` goes with `document_id`")
        if (self.type == "schedule") != (self.schedule_expression is not None):
            raise ValueError("`schedule_expression` is required for, and only for, schedule triggers")
        if self.input_from_event is None:
            self.input_from_event = self.type != "schedule"
        if self.type == "schedule" and self.input_from_event:
            raise ValueError("a schedule has no event to take input from; give `input_data`")
        return self


class TriggerUpdate(RequestModel):
    name: Name = Omittable(min_length=1, max_length=120)
    description: Text | None = Field(default=None, max_length=1000)
    version_id: str | None = Field(default=None, max_length=64)
    """Re-pin a builder trigger to another version of the same document."""
    input_data: dict[str, Any] | None = None
    input_from_event: bool = Omittable()
    options: RunOptions = Omittable()
    schedule_expression: str | None = Field(default=None, max_length=256)
    callback_url: str | None = Field(default=None, max_length=2048)
    is_enabled: bool = Omittable()


class TriggerView(BaseModel):
    id: str
    name: str
    description: str | None = None
    type: TriggerType
    model_id: str | None = None
    document_id: str | None = None
    version_id: str | None = None
    sequence: int | None = None
    input_data: dict[str, Any] | None = None
    input_from_event: bool
    options: RunOptions
    schedule_expression: str | None = None
    next_run_at: str | None = None
    """When the schedule fires next (UTC); null when disabled."""
    webhook_url: str | None = None
    """Path to POST events to (webhook triggers)."""
    storage_prefix: str | None = None
    """S3 key prefix, in the JAOT bucket, where a new `.json` file starts a run (storage triggers);
    the result is written beside it as `<name>.result.json`."""
    callback_url: str | None = None
    is_enabled: bool
    created_at: str
    updated_at: str
    last_fired_at: str | None = None
    last_execution_id: str | None = None
    last_error: str | None = None
    """Why the last firing did not start a run (bad input, no credits...)."""
    fire_count: int = 0


class TriggerCreated(TriggerView):
    secret: str
    """Signs webhook requests to this trigger and its callbacks. Shown only now: store it."""


class TriggerList(BaseModel):
    items: list[TriggerView]
    total: int
    page: int
    page_size: int


class TriggerQuery(RequestModel):
    page: int = Field(default=1, ge=1, le=10_000)
    page_size: int = Field(default=20, ge=1, le=100)
    type: TriggerType | None = None
    document_id: str | None = Field(default=None, max_length=64)
    model_id: str | None = Field(default=None, max_length=64)
