"""Builder documents (`ORG#org` / `DOC#doc`) and their versions (document partition)."""
from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist, TransactWriteError, UpdateError
from pynamodb.transactions import TransactGet

from chalicelib.store import keys, quotas
from chalicelib.store.blobs import StoredBlob
from chalicelib.store.items import (
    DocumentItem,
    TableItem,
    UnnamedMarkerItem,
    VersionBlobItem,
    VersionItem,
)
from chalicelib.store.transactions import condition_failed, refused_by_condition, transaction

_LIST_ATTRIBUTES = ["PK", "SK", "document_id", "organization_id", "name", "description", "is_active",
                    "created_at", "updated_at", "last_sequence", "latest_version_id"]


class SequenceTaken(Exception):
    """Another request checkpointed this document first; re-read and try again."""


def new_document(organization_id: str, document_id: str, **attributes: Any) -> DocumentItem:
    return DocumentItem(keys.org_pk(organization_id), keys.document_sk(document_id),
                        organization_id=organization_id, document_id=document_id, **attributes)


def set_blob(item: Any, field: str, blob: StoredBlob | None) -> None:
    setattr(item, f"{field}_gz", blob.inline if blob else None)
    setattr(item, f"{field}_s3", blob.s3_key if blob else None)


def blob_actions(model_cls: Any, field: str, blob: StoredBlob | None) -> list[Any]:
    inline, s3_key = getattr(model_cls, f"{field}_gz"), getattr(model_cls, f"{field}_s3")
    return [inline.set(blob.inline) if blob and blob.inline is not None else inline.remove(),
            s3_key.set(blob.s3_key) if blob and blob.s3_key else s3_key.remove()]


def save_new_document(item: DocumentItem, limit: int) -> None:
    """The document and one place of the organization's document quota (QuotaFull if none)."""
    quotas.commit_taking(item.organization_id, quotas.DOCUMENTS, limit,
                         lambda writes: writes.save(item, condition=DocumentItem.PK.does_not_exist()))


def get_document(organization_id: str, document_id: str) -> DocumentItem | None:
    try:
        return DocumentItem.get(keys.org_pk(organization_id), keys.document_sk(document_id),
                                consistent_read=True)
    except DoesNotExist:
        return None


def list_documents(organization_id: str) -> list[DocumentItem]:
    """Every document of the organization, without canvases (capped per organization)."""
    return list(DocumentItem.query(
        keys.org_pk(organization_id), DocumentItem.SK.startswith(keys.DOCUMENT_PREFIX),
        consistent_read=True, attributes_to_get=_LIST_ATTRIBUTES,
    ))


def document_actions(changes: dict[str, Any]) -> list[Any]:
    """Update actions for the given fields; `canvas`/`model` take a StoredBlob (or None)."""
    actions = []
    for name, value in changes.items():
        if name in ("canvas", "model"):
            actions += blob_actions(DocumentItem, name, value)
        else:
            attribute = getattr(DocumentItem, name)
            actions.append(attribute.remove() if value is None else attribute.set(value))
    return actions


def update_document(organization_id: str, document_id: str, changes: dict[str, Any]) -> bool:
    """Set fields of an existing document; False when it does not exist."""
    item = DocumentItem(keys.org_pk(organization_id), keys.document_sk(document_id))
    try:
        item.update(actions=document_actions(changes), condition=DocumentItem.PK.exists())
    except UpdateError as error:
        if refused_by_condition(error):
            return False
        raise
    return True


# ---- versions -------------------------------------------------------------------------------

def list_versions(organization_id: str, document_id: str, skip: int, limit: int) -> list[VersionItem]:
    """Newest first. Reads skip + limit small metadata items (skip is capped by the API)."""
    results = VersionItem.query(
        keys.document_partition(organization_id, document_id),
        VersionItem.SK.startswith(keys.VERSION_PREFIX),
        scan_index_forward=False, consistent_read=True, limit=skip + limit, page_size=skip + limit,
    )
    return list(results)[skip:skip + limit]


def get_version(organization_id: str, document_id: str,
                sequence: int) -> tuple[VersionItem, VersionBlobItem] | None:
    """A version's metadata and blob, read together in one call."""
    partition = keys.document_partition(organization_id, document_id)
    with TransactGet(connection=TableItem._get_connection().connection) as reads:
        meta = reads.get(VersionItem, partition, keys.version_sk(sequence))
        blob = reads.get(VersionBlobItem, partition, keys.version_blob_sk(sequence))
    try:
        return meta.get(), blob.get()
    except DoesNotExist:
        return None


def version_items(organization_id: str, document_id: str, sequence: int, **meta: Any
                  ) -> tuple[VersionItem, VersionBlobItem, UnnamedMarkerItem]:
    partition = keys.document_partition(organization_id, document_id)
    return (
        VersionItem(partition, keys.version_sk(sequence), organization_id=organization_id,
                    document_id=document_id, sequence=sequence, **meta),
        VersionBlobItem(partition, keys.version_blob_sk(sequence), expires_at=meta.get("expires_at")),
        UnnamedMarkerItem(partition, keys.unnamed_marker_sk(sequence), version_id=meta["version_id"],
                          expires_at=meta.get("expires_at")),
    )


def write_checkpoint(document: DocumentItem, version: VersionItem, blob: VersionBlobItem,
                     marker: UnnamedMarkerItem, document_changes: dict[str, Any]) -> None:
    """Allocate the version's sequence and write it, in one transaction.

    The document's `last_sequence` must still be what the caller read: two
    concurrent checkpoints cannot both take the same number (SequenceTaken),
    and none is skipped because a number is only spent by a successful write.
    """
    expected = document.last_sequence or 0
    with_sequence = [DocumentItem.last_sequence.set(version.sequence),
                     DocumentItem.latest_version_id.set(version.version_id),
                     DocumentItem.latest_hash.set(version.canvas_hash),
                     DocumentItem.unnamed_count.add(1), *document_actions(document_changes)]
    try:
        with transaction() as writes:
            writes.update(document, actions=with_sequence,
                          condition=DocumentItem.PK.exists() & (DocumentItem.last_sequence == expected))
            writes.save(version, condition=VersionItem.PK.does_not_exist())
            writes.save(blob)
            writes.save(marker)
    except TransactWriteError as error:
        if condition_failed(error):
            raise SequenceTaken() from None
        raise


def update_document_if_unchanged(document: DocumentItem, changes: dict[str, Any]) -> None:
    """Update the document unless a checkpoint was written since it was read (SequenceTaken)."""
    try:
        document.update(actions=document_actions(changes),
                        condition=DocumentItem.last_sequence == (document.last_sequence or 0))
    except UpdateError as error:
        if refused_by_condition(error):
            raise SequenceTaken() from None
        raise


def oldest_unnamed(organization_id: str, document_id: str, count: int) -> list[UnnamedMarkerItem]:
    return list(UnnamedMarkerItem.query(
        keys.document_partition(organization_id, document_id),
        UnnamedMarkerItem.SK.startswith(keys.UNNAMED_PREFIX),
        consistent_read=True, limit=count, page_size=count,
    ))


def delete_unnamed(document: DocumentItem, markers: list[UnnamedMarkerItem]) -> bool:
    """Prune checkpoints, each only if still unnamed; False when a promotion or another
    prune got there first (nothing is deleted then)."""
    try:
        _delete_unnamed(document, markers)
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True


def _delete_unnamed(document: DocumentItem, markers: list[UnnamedMarkerItem]) -> None:
    with transaction() as writes:
        for marker in markers:
            sequence = int(marker.SK.removeprefix(keys.UNNAMED_PREFIX))
            writes.delete(marker, condition=UnnamedMarkerItem.PK.exists())
            writes.delete(VersionItem(marker.PK, keys.version_sk(sequence)),
                          condition=VersionItem.is_named == False)  # noqa: E712 (a DynamoDB condition)
            writes.delete(VersionBlobItem(marker.PK, keys.version_blob_sk(sequence)))
        writes.update(document, actions=[DocumentItem.unnamed_count.add(-len(markers))])


def promote_version(document: DocumentItem, version: VersionItem, name: str,
                    description: str | None) -> None:
    """Name a version: drop its TTL and its unnamed marker, so retention never touches it."""
    partition = version.PK
    with transaction() as writes:
        writes.update(version, actions=[
            VersionItem.is_named.set(True), VersionItem.version_name.set(name),
            VersionItem.version_description.set(description) if description is not None
            else VersionItem.version_description.remove(),
            VersionItem.expires_at.remove(),
        ], condition=VersionItem.PK.exists())
        if not version.is_named:
            writes.update(VersionBlobItem(partition, keys.version_blob_sk(version.sequence)),
                          actions=[VersionBlobItem.expires_at.remove()])
            writes.delete(UnnamedMarkerItem(partition, keys.unnamed_marker_sk(version.sequence)))
            writes.update(document, actions=[DocumentItem.unnamed_count.add(-1)])


def add_pin(organization_id: str, document_id: str, sequence: int) -> None:
    """A builder model runs this version: protect it from deletion (never decremented, since
    the model may keep running it; safe in the direction that loses nothing)."""
    VersionItem(keys.document_partition(organization_id, document_id), keys.version_sk(sequence)).update(
        actions=[VersionItem.pin_count.add(1)], condition=VersionItem.PK.exists())


def delete_version(document: DocumentItem, version: VersionItem) -> bool:
    """Delete a version nothing pins, with its blob (and unnamed marker): False if pinned."""
    partition, sequence = version.PK, int(version.sequence)
    unpinned = VersionItem.pin_count.does_not_exist() | (VersionItem.pin_count == 0)
    try:
        with transaction() as writes:
            writes.delete(version, condition=VersionItem.PK.exists() & unpinned)
            writes.delete(VersionBlobItem(partition, keys.version_blob_sk(sequence)))
            if not version.is_named:
                writes.delete(UnnamedMarkerItem(partition, keys.unnamed_marker_sk(sequence)),
                              condition=UnnamedMarkerItem.PK.exists())
                writes.update(document, actions=[DocumentItem.unnamed_count.add(-1)])
    except TransactWriteError as error:
        if condition_failed(error):
            return False
        raise
    return True
