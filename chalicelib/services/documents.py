"""Builder documents: the canvas a user edits, compiled to the engine's model on save."""
from __future__ import annotations

from typing import Any

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.engine.canvas import CanvasError, compile_canvas
from chalicelib.errors import BadRequest, Conflict, NotFound
from chalicelib.schemas.builder import (
    CompileResult,
    DocumentCreate,
    DocumentList,
    DocumentPublic,
    DocumentQuery,
    DocumentSummary,
    DocumentUpdate,
)
from chalicelib.schemas.common import paginate
from chalicelib.services.auth import Caller
from chalicelib.settings import get_settings
from chalicelib.store import blobs
from chalicelib.store import documents as store
from chalicelib.store import quotas
from chalicelib.store.items import DocumentItem

NOT_FOUND = "Document not found."


def blob_prefix(caller: Caller, document_id: str) -> str:
    return f"canvases/{caller.organization_id}/{document_id}"


def try_compile(canvas: dict[str, Any]) -> dict[str, Any] | None:
    """The canvas's model, or None while it does not compile (a canvas may be mid-edit)."""
    try:
        return compile_canvas(canvas)
    except CanvasError:
        return None


def compile_or_400(canvas: dict[str, Any]) -> dict[str, Any]:
    try:
        return compile_canvas(canvas)
    except CanvasError as error:
        raise BadRequest(f"The canvas does not compile: {error}", error.problems) from None


def get_document_item(caller: Caller, document_id: str) -> DocumentItem:
    item = store.get_document(caller.organization_id, document_id) if document_id.startswith(
        ids.DOCUMENT) else None
    if item is None:
        raise NotFound(NOT_FOUND)
    return item


def document_canvas(item: DocumentItem) -> dict[str, Any]:
    return blobs.get_json(item.canvas_gz, item.canvas_s3) or {"nodes": [], "edges": []}


def document_model(item: DocumentItem) -> dict[str, Any] | None:
    return blobs.get_json(item.model_gz, item.model_s3)


def public(item: DocumentItem, canvas: dict[str, Any] | None = None,
           model: dict[str, Any] | None = None) -> DocumentPublic:
    return DocumentPublic(
        id=item.document_id, organization_id=item.organization_id, name=item.name,
        description=item.description,
        canvas_json=canvas if canvas is not None else document_canvas(item),
        model_json=model if canvas is not None else document_model(item),
        is_active=item.is_active, created_at=item.created_at, updated_at=item.updated_at,
    )


def create_document(caller: Caller, body: DocumentCreate) -> DocumentPublic:
    """The limit is checked early, then again in the transaction that writes the document."""
    limit = get_settings().max_documents_per_org
    try:
        quotas.check(caller.organization_id, quotas.DOCUMENTS, limit)
        document_id = ids.random_id(ids.DOCUMENT)
        model = try_compile(body.canvas_json)
        now = utc_now_iso()
        item = store.new_document(caller.organization_id, document_id, name=body.name,
                                  description=body.description, is_active=True, created_at=now, updated_at=now)
        prefix = blob_prefix(caller, document_id)
        store.set_blob(item, "canvas", blobs.put_json(body.canvas_json, prefix))
        store.set_blob(item, "model", blobs.put_json(model, prefix) if model else None)
        store.save_new_document(item, limit)
    except quotas.QuotaFull:
        raise Conflict(f"An organization can hold at most {limit} documents, deactivated ones included.") from None
    return public(item, body.canvas_json, model)


def list_documents(caller: Caller, query: DocumentQuery) -> DocumentList:
    items = [item for item in store.list_documents(caller.organization_id)
             if query.is_active is None or item.is_active == query.is_active]
    items.sort(key=lambda item: item.updated_at, reverse=True)
    summaries = [DocumentSummary(
        id=item.document_id, organization_id=item.organization_id, name=item.name,
        description=item.description, is_active=item.is_active, latest_version_id=item.latest_version_id,
        version_count=int(item.last_sequence or 0), created_at=item.created_at, updated_at=item.updated_at,
    ) for item in items]
    return DocumentList(**paginate(summaries, query))


def get_document(caller: Caller, document_id: str) -> DocumentPublic:
    return public(get_document_item(caller, document_id))


def update_document(caller: Caller, document_id: str, body: DocumentUpdate) -> DocumentPublic:
    get_document_item(caller, document_id)
    changes: dict[str, Any] = {"updated_at": utc_now_iso()}
    if body.canvas_json is not None:
        model = try_compile(body.canvas_json)
        prefix = blob_prefix(caller, document_id)
        changes["canvas"] = blobs.put_json(body.canvas_json, prefix)
        changes["model"] = blobs.put_json(model, prefix) if model else None
    changes.update({name: getattr(body, name) for name in ("name", "description", "is_active")
                    if name in body.model_fields_set})
    if not store.update_document(caller.organization_id, document_id, changes):
        raise NotFound(NOT_FOUND)
    return get_document(caller, document_id)


def deactivate_document(caller: Caller, document_id: str) -> None:
    get_document_item(caller, document_id)
    store.update_document(caller.organization_id, document_id,
                          {"is_active": False, "updated_at": utc_now_iso()})


def compile_document(caller: Caller, document_id: str, canvas: dict[str, Any] | None) -> CompileResult:
    item = get_document_item(caller, document_id)
    return CompileResult(valid=True, model_json=compile_or_400(canvas if canvas is not None
                                                               else document_canvas(item)))
