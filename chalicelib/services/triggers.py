"""Triggers CRUD. A trigger runs one pinned thing: a builder version (promoted to named and
protected from deletion while the trigger exists) or an organization model.

Everything a firing would reject (an unknown target, a bad schedule or callback URL, input
that does not fit the model) is a 400 at creation, not a failure at 3 a.m.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from chalicelib import ids, schedules, signing
from chalicelib.clock import utc_now_iso
from chalicelib.errors import BadRequest, Conflict, NotFound, validate
from chalicelib.schemas.triggers import (
    TriggerCreate,
    TriggerCreated,
    TriggerList,
    TriggerQuery,
    TriggerUpdate,
    TriggerView,
)
from chalicelib.services import model_runs, org_models, versions
from chalicelib.services.auth import Caller
from chalicelib.services.callbacks import validate_callback_url
from chalicelib.services.executions import fit_time_limit
from chalicelib.settings import get_settings
from chalicelib.store import quotas
from chalicelib.store import triggers as store
from chalicelib.store.items import TriggerItem

NOT_FOUND = "No trigger with this id exists in your organization."
TRIGGER_PREFIX = "trg_"
STORAGE_INBOX = "inbox"


def create_trigger(caller: Caller, body: TriggerCreate) -> TriggerCreated:
    limit = get_settings().max_triggers_per_org
    try:  # refused early here, and for good in the transaction that writes the trigger
        quotas.check(caller.organization_id, quotas.TRIGGERS, limit)
    except quotas.QuotaFull:
        raise _quota_conflict(limit) from None
    callback_url = _callback_url(body.callback_url)
    fit_time_limit(body.options, queued=True)  # a limit every firing would refuse is refused now
    now = datetime.now(timezone.utc)
    next_run_at = _next_run(body.schedule_expression, now) if body.schedule_expression else None
    target = _check_target(caller, body.model_id, body.document_id, body.version_id)
    _check_input(caller, body.model_id, body.input_data, body.input_from_event)
    if body.document_id:
        versions.pin_version(caller, body.document_id, body.version_id)
    stamp = utc_now_iso()
    item = store.new_trigger(
        caller.organization_id, ids.random_id(TRIGGER_PREFIX), name=body.name, description=body.description,
        type=body.type, model_id=body.model_id, document_id=body.document_id, version_id=body.version_id,
        sequence=target, input_data=body.input_data, input_from_event=bool(body.input_from_event),
        options=body.options.model_dump(exclude_none=True), schedule_expression=body.schedule_expression,
        schedule_anchor=_iso(now) if body.schedule_expression else None,
        next_run_at=next_run_at if body.is_enabled else None, callback_url=callback_url,
        secret=signing.new_secret(), is_enabled=body.is_enabled, created_at=stamp, updated_at=stamp,
    )
    for name, value in store.schedule_keys(item).items():
        setattr(item, name, value)
    try:
        created = store.create_trigger(item, _pin(item), limit)
    except quotas.QuotaFull:
        raise _quota_conflict(limit) from None
    if not created:
        raise BadRequest("The version to pin was deleted meanwhile; pick another.",
                         [{"field": "version_id", "message": "not found"}])
    return TriggerCreated(**view(item).model_dump(), secret=item.secret)


def list_triggers(caller: Caller, query: TriggerQuery) -> TriggerList:
    items = [item for item in store.list_triggers(caller.organization_id, get_settings().max_triggers_per_org)
             if (query.type is None or item.type == query.type)
             and (query.document_id is None or item.document_id == query.document_id)
             and (query.model_id is None or item.model_id == query.model_id)]
    items.sort(key=lambda item: item.created_at, reverse=True)
    start = (query.page - 1) * query.page_size
    return TriggerList(items=[view(item) for item in items[start:start + query.page_size]], total=len(items),
                       page=query.page, page_size=query.page_size)


def get_trigger(caller: Caller, trigger_id: str) -> TriggerView:
    return view(get_trigger_item(caller, trigger_id))


def update_trigger(caller: Caller, trigger_id: str, body: TriggerUpdate) -> TriggerView:
    item = get_trigger_item(caller, trigger_id)
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        return view(item)
    for name in ("name", "is_enabled", "input_from_event", "input_data", "options"):
        if name in changes and changes[name] is None and name != "input_data":
            raise BadRequest(f"`{name}` cannot be null.", [{"field": name, "message": "null"}])
    old_pin = _pin(item)
    if "version_id" in changes:
        if item.document_id is None or changes["version_id"] is None:
            raise BadRequest("`version_id` re-pins a builder trigger; this trigger runs a model.",
                             [{"field": "version_id", "message": "not allowed"}])
        item.sequence = _check_target(caller, None, item.document_id, changes["version_id"])
    if "callback_url" in changes:
        changes["callback_url"] = _callback_url(changes["callback_url"])
    if "schedule_expression" in changes and item.type != "schedule":
        raise BadRequest("Only schedule triggers have a schedule_expression.",
                         [{"field": "schedule_expression", "message": "not allowed"}])
    if item.type == "schedule" and "schedule_expression" in changes and changes["schedule_expression"] is None:
        raise BadRequest("A schedule trigger needs a schedule_expression.",
                         [{"field": "schedule_expression", "message": "null"}])
    if body.options is not None:
        fit_time_limit(body.options, queued=True)
    if changes.get("input_from_event") and item.type == "schedule":
        raise BadRequest("A schedule has no event to take input from.",
                         [{"field": "input_from_event", "message": "not allowed"}])
    for name, value in changes.items():
        setattr(item, name, value)
    if "input_data" in changes or "input_from_event" in changes:
        _check_input(caller, item.model_id, item.input_data, item.input_from_event)
    now = datetime.now(timezone.utc)
    if "schedule_expression" in changes:
        item.schedule_anchor = _iso(now)
    if item.type == "schedule":
        item.next_run_at = _next_run(item.schedule_expression, now, item.schedule_anchor) if item.is_enabled else None
    item.updated_at = utc_now_iso()
    for name, value in store.schedule_keys(item).items():
        setattr(item, name, value)
    fields = [*changes, "updated_at", "next_run_at", "schedule_anchor", "sequence", "GSI1PK", "GSI1SK"]
    actions = [_set(name, getattr(item, name)) for name in dict.fromkeys(fields) if name != "options"]
    if "options" in changes:
        actions.append(TriggerItem.options.set(body.options.model_dump(exclude_none=True)))
    if "version_id" in changes:  # pinned only now that every check has passed
        versions.pin_version(caller, item.document_id, changes["version_id"])
    if not store.update_trigger(item, actions, old_pin, _pin(item)):
        raise NotFound(NOT_FOUND)
    return view(get_trigger_item(caller, trigger_id))


def delete_trigger(caller: Caller, trigger_id: str) -> None:
    item = get_trigger_item(caller, trigger_id)
    if not store.delete_trigger(item, _pin(item)):
        raise NotFound(NOT_FOUND)


def _quota_conflict(limit: int) -> Conflict:
    return Conflict(f"An organization may have at most {limit} triggers; delete one first.")


def get_trigger_item(caller: Caller, trigger_id: str) -> TriggerItem:
    item = store.get_trigger(caller.organization_id, trigger_id) if trigger_id.startswith(TRIGGER_PREFIX) else None
    if item is None:
        raise NotFound(NOT_FOUND)
    return item


def storage_prefix(item: TriggerItem) -> str:
    return f"{STORAGE_INBOX}/{item.organization_id}/{item.trigger_id}/"


def view(item: TriggerItem) -> TriggerView:
    return TriggerView(
        id=item.trigger_id, name=item.name, description=item.description, type=item.type,
        model_id=item.model_id, document_id=item.document_id, version_id=item.version_id,
        sequence=None if item.sequence is None else int(item.sequence), input_data=item.input_data,
        input_from_event=bool(item.input_from_event), options=item.options or {},
        schedule_expression=item.schedule_expression, next_run_at=item.next_run_at,
        webhook_url=f"/api/v2/hooks/{item.trigger_id}" if item.type == "webhook" else None,
        storage_prefix=storage_prefix(item) if item.type == "storage" else None,
        callback_url=item.callback_url, is_enabled=bool(item.is_enabled), created_at=item.created_at,
        updated_at=item.updated_at, last_fired_at=item.last_fired_at, last_execution_id=item.last_execution_id,
        last_error=item.last_error, fire_count=int(item.fire_count or 0),
    )


def next_run_after(item: TriggerItem, now: datetime) -> str:
    return _next_run(item.schedule_expression, now, item.schedule_anchor)


def _next_run(expression: str, now: datetime, anchor: str | None = None) -> str:
    try:
        schedule = schedules.parse(expression, anchor=_parse_iso(anchor) if anchor else now)
    except schedules.ScheduleError as error:
        raise BadRequest(f"schedule_expression: {error}",
                         [{"field": "schedule_expression", "message": str(error)}]) from None
    return _iso(schedule.next_after(now))


def _check_target(caller: Caller, model_id: str | None, document_id: str | None,
                  version_id: str | None) -> int | None:
    """The target must exist in the caller's organization; returns the version's sequence."""
    try:
        if model_id is not None:
            org_models.get_model_item(caller, model_id)
            return None
        version, _ = versions.get_version_items(caller, document_id, version_id)
        return int(version.sequence)
    except NotFound:
        field = "model_id" if model_id is not None else "version_id"
        raise BadRequest(f"No such {'model' if model_id else 'document version'} in your organization.",
                         [{"field": field, "message": "not found"}]) from None


def _check_input(caller: Caller, model_id: str | None, input_data: dict[str, Any] | None,
                 input_from_event: bool) -> None:
    if input_data is None:
        if not input_from_event:
            raise BadRequest("Give `input_data`, or set `input_from_event` to take it from the event.",
                             [{"field": "input_data", "message": "required"}])
        return
    if model_id is not None:
        model_runs.check_input(org_models.get_model_item(caller, model_id), input_data)
    else:
        validate(model_runs.ParameterValues, input_data, prefix=("input_data",))


def callback_http_hosts() -> frozenset[str]:
    """Hosts reachable over plain http (JAOT_CALLBACK_HTTP_HOSTS; `none` in AWS)."""
    return frozenset(host.strip() for host in get_settings().callback_http_hosts.split(",")
                     if host.strip() and host.strip() != "none")


def _callback_url(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        return validate_callback_url(url, allow_http_hosts=callback_http_hosts())
    except ValueError as error:
        raise BadRequest(f"callback_url: {error}", [{"field": "callback_url", "message": str(error)}]) from None


def _pin(item: TriggerItem) -> store.Pin | None:
    if item.document_id is None or item.sequence is None:
        return None
    return (item.organization_id, item.document_id, int(item.sequence))


def _set(name: str, value: Any) -> Any:
    attribute = getattr(TriggerItem, name)
    return attribute.remove() if value is None else attribute.set(value)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)

