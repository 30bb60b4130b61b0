"""Triggers, the reference that finds one by id alone, version pins and the schedule index.

A trigger that runs a builder version adds one to that version's `pin_count` in the
same transaction that creates (or re-pins, or deletes) the trigger, so a pinned version
cannot be deleted and a count can never drift from the triggers that exist.
"""
from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist, PutError, TransactWriteError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.attributes import UnicodeAttribute

from chalicelib.store import keys, quotas
from chalicelib.store.items import ReplayMarkerItem, TriggerItem, TriggerRefItem, VersionItem
from chalicelib.store.transactions import condition_failed, transaction

Pin = tuple[str, str, int]
"""(organization_id, document_id, sequence) of a pinned version."""


class ScheduleIndex(GlobalSecondaryIndex):
    """GSI1 as the scheduler reads it: enabled schedule triggers by next run time."""

    class Meta:
        index_name = "GSI1"
        projection = AllProjection()

    GSI1PK = UnicodeAttribute(hash_key=True)
    GSI1SK = UnicodeAttribute(range_key=True)


class ScheduledTrigger(TriggerItem):
    due = ScheduleIndex()
    _connection = None  # its own: an inherited connection's table description lacks the index


def new_trigger(organization_id: str, trigger_id: str, **attributes: Any) -> TriggerItem:
    return TriggerItem(keys.org_pk(organization_id), keys.trigger_sk(trigger_id),
                       organization_id=organization_id, trigger_id=trigger_id, **attributes)


def schedule_keys(item: TriggerItem) -> dict[str, str | None]:
    """GSI1 keys while the trigger is an enabled schedule; none otherwise (sparse index)."""
    if item.type == "schedule" and item.is_enabled and item.next_run_at:
        return {"GSI1PK": keys.SCHEDULE_INDEX_PARTITION,
                "GSI1SK": keys.schedule_gsi_sk(item.next_run_at, item.trigger_id)}
    return {"GSI1PK": None, "GSI1SK": None}


def create_trigger(item: TriggerItem, pin: Pin | None, limit: int) -> bool:
    """Trigger, its id reference, the version pin and one place of the trigger quota together;
    False if the version is gone, QuotaFull if no place is left."""
    ref = TriggerRefItem(keys.trigger_ref_pk(item.trigger_id), keys.trigger_ref_sk(),
                         organization_id=item.organization_id)

    def build(writes) -> None:
        writes.save(item, condition=TriggerItem.PK.does_not_exist())
        writes.save(ref, condition=TriggerRefItem.PK.does_not_exist())
        if pin:
            writes.update(_version(pin), actions=[VersionItem.pin_count.add(1)], condition=VersionItem.PK.exists())

    return quotas.created_taking(item.organization_id, quotas.TRIGGERS, limit, build)


def update_trigger(item: TriggerItem, actions: list[Any], old_pin: Pin | None, new_pin: Pin | None) -> bool:
    """Apply `actions`; moving the pin from one version to another in the same transaction."""
    try:
        with transaction() as writes:
            writes.update(item, actions=actions, condition=TriggerItem.PK.exists())
            if old_pin != new_pin:
                if new_pin:
                    writes.update(_version(new_pin), actions=[VersionItem.pin_count.add(1)],
                                  condition=VersionItem.PK.exists())
                if old_pin:
                    writes.update(_version(old_pin), actions=[VersionItem.pin_count.add(-1)],
                                  condition=VersionItem.PK.exists())
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def delete_trigger(item: TriggerItem, pin: Pin | None) -> bool:
    """Trigger, reference and pin go, and the trigger's place in the quota is freed, at most
    once: False (nothing changed) when another request deleted it first."""
    def build(writes) -> None:
        writes.delete(item, condition=TriggerItem.PK.exists())
        writes.delete(TriggerRefItem(keys.trigger_ref_pk(item.trigger_id), keys.trigger_ref_sk()))
        if pin:
            writes.update(_version(pin), actions=[VersionItem.pin_count.add(-1)], condition=VersionItem.PK.exists())

    try:
        quotas.commit_giving_back(item.organization_id, quotas.TRIGGERS, build)
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def get_trigger(organization_id: str, trigger_id: str) -> TriggerItem | None:
    try:
        return TriggerItem.get(keys.org_pk(organization_id), keys.trigger_sk(trigger_id), consistent_read=True)
    except DoesNotExist:
        return None


def find_trigger(trigger_id: str) -> TriggerItem | None:
    """By id alone (an inbound webhook or queue message): the reference, then the trigger."""
    try:
        ref = TriggerRefItem.get(keys.trigger_ref_pk(trigger_id), keys.trigger_ref_sk())
    except DoesNotExist:
        return None
    return get_trigger(ref.organization_id, trigger_id)


def list_triggers(organization_id: str, limit: int) -> list[TriggerItem]:
    return list(TriggerItem.query(keys.org_pk(organization_id), TriggerItem.SK.startswith(keys.TRIGGER_PREFIX),
                                  consistent_read=True, limit=limit, page_size=limit))


def due_triggers(now_iso: str, limit: int) -> list[TriggerItem]:
    """Enabled schedule triggers whose next run time has come, oldest first: one index query."""
    upper = keys.schedule_gsi_sk(now_iso, "~")
    return list(ScheduledTrigger.due.query(keys.SCHEDULE_INDEX_PARTITION, ScheduledTrigger.GSI1SK <= upper,
                                           limit=limit, page_size=limit))


def claim_firing(item: TriggerItem, seen_next_run_at: str, next_run_at: str, now_iso: str) -> bool:
    """Move next_run_at on, only if no other tick did it first: one firing per due time."""
    gsi = schedule_keys(_with(item, next_run_at=next_run_at))
    try:
        item.update(
            actions=[TriggerItem.next_run_at.set(next_run_at), TriggerItem.GSI1SK.set(gsi["GSI1SK"]),
                     TriggerItem.last_fired_at.set(now_iso), TriggerItem.fire_count.add(1)],
            condition=(TriggerItem.next_run_at == seen_next_run_at) & (TriggerItem.is_enabled == True),  # noqa: E712
        )
    except UpdateError as error:
        if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
            return False
        raise
    return True


def record_outcome(item: TriggerItem, *, execution_id: str | None, error: str | None,
                   fired_at: str | None = None) -> None:
    actions = [TriggerItem.last_execution_id.set(execution_id) if execution_id
               else TriggerItem.last_execution_id.remove(),
               TriggerItem.last_error.set(error) if error else TriggerItem.last_error.remove()]
    if fired_at:
        actions += [TriggerItem.last_fired_at.set(fired_at), TriggerItem.fire_count.add(1)]
    try:
        item.update(actions=actions, condition=TriggerItem.PK.exists())
    except UpdateError:
        pass  # the trigger was deleted meanwhile: nothing to record on


def remember_event(trigger_id: str, event_key: str, expires_at: int) -> bool:
    """False when this signed event (signing.Verified.event_key) was accepted before: a replay.
    One conditional put, so of two copies arriving at once exactly one is first."""
    marker = ReplayMarkerItem(keys.replay_pk(trigger_id), keys.replay_sk(event_key), expires_at=expires_at)
    try:
        marker.save(condition=ReplayMarkerItem.PK.does_not_exist())
    except PutError as error:
        if getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException":
            return False
        raise
    return True


def _version(pin: Pin) -> VersionItem:
    organization_id, document_id, sequence = pin
    return VersionItem(keys.document_partition(organization_id, document_id), keys.version_sk(sequence))


def _with(item: TriggerItem, **changes: Any) -> TriggerItem:
    copy = TriggerItem.from_raw_data(item.serialize())
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy
