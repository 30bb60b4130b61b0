"""Version history of a builder document: checkpoints, names, restore, retention, pins."""
from __future__ import annotations

import random
import threading
import time
import weakref
from typing import Any

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.engine.canvas import canvas_hash, change_summary
from chalicelib.errors import ApiError, Conflict, NotFound
from chalicelib.schemas.builder import RestoreResult, VersionDetail, VersionsQuery, VersionSummary
from chalicelib.services import documents
from chalicelib.services.auth import Caller
from chalicelib.settings import get_settings
from chalicelib.store import blobs
from chalicelib.store import documents as store
from chalicelib.store.items import DocumentItem, VersionBlobItem, VersionItem

NOT_FOUND = "Version not found."
CHECKPOINT_BUDGET_S = 30.0
"""Concurrent checkpoints of one document retry on the sequence condition for this long
(then 503): each round one of them wins, so 50 at once need 50 rounds."""
MAX_BACKOFF_S = 0.4
PRUNE_PER_REQUEST = 2  # bounded work: each new checkpoint removes at most this many old ones


class Busy(ApiError):
    status_code, code = 503, "busy"


class _DocumentLock:
    """A lock that can be weakly referenced (threading.Lock cannot)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()


_document_locks: "weakref.WeakValueDictionary[tuple[str, str], _DocumentLock]" = weakref.WeakValueDictionary()
_document_locks_guard = threading.Lock()


def _document_lock(organization_id: str, document_id: str) -> _DocumentLock:
    """Checkpoints of one document in one process take turns. The store's sequence condition
    is what keeps them correct across processes (Lambdas); this only spares a busy process
    (the local server, 50 requests at once) the rounds in which all but one attempt lose:
    without it, 50 concurrent checkpoints cost ~50²/2 attempts instead of 50."""
    with _document_locks_guard:
        found = _document_locks.get((organization_id, document_id))
        if found is None:
            found = _document_locks[(organization_id, document_id)] = _DocumentLock()
        return found


def summary(item: VersionItem) -> VersionSummary:
    return VersionSummary(
        id=item.version_id, document_id=item.document_id, organization_id=item.organization_id,
        sequence=int(item.sequence), is_named=item.is_named, version_name=item.version_name,
        version_description=item.version_description, change_summary=item.change_summary,
        created_at=item.created_at,
    )


def detail(item: VersionItem, blob: VersionBlobItem) -> VersionDetail:
    return VersionDetail(**summary(item).model_dump(), canvas_json=blobs.get_json(blob.canvas_gz, blob.canvas_s3),
                         model_json=blobs.get_json(blob.model_gz, blob.model_s3))


def list_versions(caller: Caller, document_id: str, query: VersionsQuery) -> list[VersionSummary]:
    documents.get_document_item(caller, document_id)
    return [summary(item) for item in store.list_versions(caller.organization_id, document_id,
                                                          query.skip, query.limit)]


def get_version_items(caller: Caller, document_id: str, version_id: str) -> tuple[VersionItem, VersionBlobItem]:
    sequence = ids.version_sequence(version_id)
    found = store.get_version(caller.organization_id, document_id, sequence) if sequence else None
    if found is None or found[0].version_id != version_id:
        raise NotFound(NOT_FOUND)
    return found


def get_version(caller: Caller, document_id: str, version_id: str) -> VersionDetail:
    documents.get_document_item(caller, document_id)
    return detail(*get_version_items(caller, document_id, version_id))


def create_checkpoint(caller: Caller, document_id: str, canvas: dict[str, Any]) -> tuple[VersionDetail, bool]:
    """Snapshot `canvas`; returns (version, created). An unchanged canvas returns the latest one."""
    version, created = _checkpoint(caller, document_id, canvas, restore_to=None)
    return version, created


def restore(caller: Caller, document_id: str, version_id: str, current_canvas: dict[str, Any]) -> RestoreResult:
    """Checkpoint the current canvas, then set the document to the version's: one transaction."""
    target, blob = get_version_items(caller, document_id, version_id)
    restore_to = {"canvas": blobs.get_json(blob.canvas_gz, blob.canvas_s3),
                  "model": blobs.get_json(blob.model_gz, blob.model_s3)}
    checkpoint, _ = _checkpoint(caller, document_id, current_canvas, restore_to=restore_to)
    item = documents.get_document_item(caller, document_id)
    return RestoreResult(checkpoint_id=checkpoint.id,
                         document=documents.public(item, restore_to["canvas"], restore_to["model"]))


def _checkpoint(caller: Caller, document_id: str, canvas: dict[str, Any],
                restore_to: dict[str, Any] | None) -> tuple[VersionDetail, bool]:
    digest = canvas_hash(canvas)
    prefix = documents.blob_prefix(caller, document_id)
    model = documents.try_compile(canvas)
    canvas_blob = blobs.put_json(canvas, prefix)
    model_blob = blobs.put_json(model, prefix) if model else None
    document_changes: dict[str, Any] = {}
    if restore_to is not None:
        document_changes = {
            "canvas": blobs.put_json(restore_to["canvas"], prefix),
            "model": blobs.put_json(restore_to["model"], prefix) if restore_to["model"] else None,
            "updated_at": utc_now_iso(),
        }
    deadline = time.monotonic() + CHECKPOINT_BUDGET_S
    turn = _document_lock(caller.organization_id, document_id)
    if not turn.lock.acquire(timeout=CHECKPOINT_BUDGET_S):
        raise _busy()
    try:
        return _checkpoint_in_turn(caller, document_id, canvas, digest, canvas_blob, model_blob,
                                   document_changes, deadline)
    finally:
        turn.lock.release()


def _checkpoint_in_turn(caller: Caller, document_id: str, canvas: dict[str, Any], digest: str,
                        canvas_blob: blobs.StoredBlob, model_blob: blobs.StoredBlob | None,
                        document_changes: dict[str, Any], deadline: float) -> tuple[VersionDetail, bool]:
    attempt = 0
    while time.monotonic() < deadline:
        attempt += 1
        document = documents.get_document_item(caller, document_id)
        try:
            if document.latest_hash == digest:  # unchanged since the latest checkpoint
                if document_changes:
                    store.update_document_if_unchanged(document, document_changes)
                latest = get_version_items(caller, document_id, document.latest_version_id)
                return detail(*latest), False
            version = _write_next(caller, document, canvas, digest, canvas_blob, model_blob, document_changes)
        except store.SequenceTaken:
            # Exponential backoff with full jitter: the losers of a round spread out instead of
            # all colliding again in the next one.
            time.sleep(random.uniform(0, min(MAX_BACKOFF_S, 0.005 * 2 ** attempt)))
            continue
        _prune(caller, document, unnamed_now=int(document.unnamed_count or 0) + 1)
        return version, True
    raise _busy()


def _busy() -> Busy:
    return Busy("The document is being checkpointed by many requests at once; retry shortly.",
                headers={"Retry-After": "1"})


def _write_next(caller: Caller, document: DocumentItem, canvas: dict[str, Any], digest: str,
                canvas_blob: blobs.StoredBlob, model_blob: blobs.StoredBlob | None,
                document_changes: dict[str, Any]) -> VersionDetail:
    previous = None
    if document.latest_version_id:
        previous_items = store.get_version(caller.organization_id, document.document_id,
                                           int(document.last_sequence))
        if previous_items:
            previous = blobs.get_json(previous_items[1].canvas_gz, previous_items[1].canvas_s3)
    sequence = int(document.last_sequence or 0) + 1
    expires_at = int(time.time()) + get_settings().checkpoint_ttl_days * 86400
    version, blob, marker = store.version_items(
        caller.organization_id, document.document_id, sequence,
        version_id=ids.version_id(sequence), is_named=False, canvas_hash=digest,
        change_summary=change_summary(previous, canvas), created_at=utc_now_iso(), expires_at=expires_at,
    )
    store.set_blob(blob, "canvas", canvas_blob)
    store.set_blob(blob, "model", model_blob)
    store.write_checkpoint(document, version, blob, marker, document_changes)
    return detail(version, blob)


def _prune(caller: Caller, document: DocumentItem, unnamed_now: int) -> None:
    """Drop the oldest unnamed checkpoints beyond the retention limit, a few per request."""
    excess = unnamed_now - get_settings().version_retention
    if excess <= 0:
        return
    markers = store.oldest_unnamed(caller.organization_id, document.document_id,
                                   min(excess, PRUNE_PER_REQUEST))
    if markers:
        store.delete_unnamed(document, markers)  # if it loses a race, the next checkpoint prunes


def promote(caller: Caller, document_id: str, version_id: str, name: str,
            description: str | None) -> VersionSummary:
    document = documents.get_document_item(caller, document_id)
    version, _ = get_version_items(caller, document_id, version_id)
    store.promote_version(document, version, name, description)
    version.is_named, version.version_name, version.version_description = True, name, description
    return summary(version)


def pin_version(caller: Caller, document_id: str, version_id: str) -> VersionSummary:
    """Promote a version that something (a trigger, a builder model) runs, so it is never pruned."""
    version, _ = get_version_items(caller, document_id, version_id)
    if version.is_named:
        return summary(version)
    return promote(caller, document_id, version_id, f"Pinned #{int(version.sequence)}",
                   "Promoted automatically because a model or trigger runs it.")


def delete_version(caller: Caller, document_id: str, version_id: str) -> None:
    """Delete a version: 409 while a trigger or builder model runs it, or while it is the
    newest (an unchanged canvas would be checkpointed as that version again)."""
    document = documents.get_document_item(caller, document_id)
    version, _ = get_version_items(caller, document_id, version_id)
    if document.latest_version_id == version_id:
        raise Conflict("This is the document's newest version; checkpoint a newer one before deleting it.")
    if not store.delete_version(document, version):
        raise Conflict("A trigger or builder model runs this version; re-pin or delete it first.",
                       {"pin_count": int(version.pin_count or 0)})
