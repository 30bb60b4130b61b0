"""Organization models: activation from the catalog, private models, settings."""
from __future__ import annotations

import json
from typing import Any, NamedTuple

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.errors import BadRequest, Conflict, NotFound
from chalicelib.schemas.common import matches_search, paginate
from chalicelib.schemas.input_fields import input_fields_from_schema
from chalicelib.schemas.models import (
    OrgModelActivated,
    OrgModelCreate,
    OrgModelList,
    OrgModelPublic,
    OrgModelQuery,
    OrgModelSchema,
    OrgModelUpdate,
)
from chalicelib.services import solve, versions
from chalicelib.services.auth import Caller
from chalicelib.services.input_validation import check_is_json_schema, validate_input
from chalicelib.settings import get_settings
from chalicelib.store import blobs
from chalicelib.store import catalog as catalog_store
from chalicelib.store import documents as document_store
from chalicelib.store import org_models as store
from chalicelib.store import quotas
from chalicelib.store.items import OrgModelItem, VersionBlobItem, VersionItem
from chalicelib.templates import TEMPLATE_NAMES, Template, get_template

MAX_JSON_FIELD_BYTES = 64 * 1024
NOT_FOUND = "Model not found."


def template_for(item: OrgModelItem) -> Template | None:
    """What an organization model runs: its catalog template, or for a private model
    the template named in `custom_config.template`, else the one with its name."""
    if item.catalog_id:
        return get_template(item.name)
    configured = (item.custom_config or {}).get("template")
    return get_template(configured if isinstance(configured, str) else item.name)


def get_model_item(caller: Caller, model_id: str) -> OrgModelItem:
    item = store.get_org_model(caller.organization_id, model_id) if model_id.startswith(
        ids.ORGANIZATION_MODEL) else None
    if item is None:
        raise NotFound(NOT_FOUND)
    return item


def activate(caller: Caller, catalog_id: str) -> OrgModelActivated:
    catalog = catalog_store.get_catalog_model(catalog_id) if catalog_id.startswith(
        ids.CATALOG_MODEL) else None
    template = get_template(catalog.name) if catalog and catalog.status == "published" else None
    if template is None:
        raise NotFound("Catalog model not found.")
    existing = _activated_model(caller, catalog_id)
    if existing is not None:
        return existing
    limit = get_settings().max_models_per_org
    now = utc_now_iso()
    item = store.new_org_model(
        caller.organization_id, ids.random_id(ids.ORGANIZATION_MODEL), catalog_id=catalog_id,
        name=catalog.name, display_name=catalog.display_name, description=catalog.description,
        category=catalog.category, tags=list(catalog.tags or []),
        credits_per_execution=template.credits_per_execution, generator_type="template",
        is_active=True, is_favorite=False, created_at=now, updated_at=now,
    )
    try:
        quotas.check(caller.organization_id, quotas.MODELS, limit)
        if not store.save_activation(item, limit):  # a concurrent request activated it first
            return _activated_model(caller, catalog_id)
    except quotas.QuotaFull:
        existing = _activated_model(caller, catalog_id)  # the last place may have gone to this same model
        if existing is None:
            raise _quota_conflict(limit) from None
        return existing
    return _activated(item)


def _activated_model(caller: Caller, catalog_id: str) -> OrgModelActivated | None:
    """The organization's model for this catalog entry, reactivated if it was deactivated."""
    marker = store.get_activation(caller.organization_id, catalog_id)
    item = marker and store.get_org_model(caller.organization_id, marker.model_id)
    if not item:
        return None
    if not item.is_active:
        store.update_org_model(caller.organization_id, item.model_id, {"is_active": True}, utc_now_iso())
        item.is_active = True
    return _activated(item)


def _quota_conflict(limit: int) -> Conflict:
    return Conflict(f"An organization can hold at most {limit} models; deactivated ones count.")


def list_models(caller: Caller, query: OrgModelQuery) -> OrgModelList:
    matching = [
        _public(item) for item in store.list_org_models(caller.organization_id)
        if (query.category is None or (item.category or "").casefold() == query.category.casefold())
        and (query.is_active is None or item.is_active == query.is_active)
        and (query.is_favorite is None or item.is_favorite == query.is_favorite)
        and matches_search(query.search, item.name, item.display_name, item.custom_name,
                           item.description, item.tags)
    ]
    matching.sort(key=lambda model: model.created_at, reverse=True)
    return OrgModelList(**paginate(matching, query))


def get_model(caller: Caller, model_id: str) -> OrgModelPublic:
    return _public(get_model_item(caller, model_id))


def get_schema(caller: Caller, model_id: str) -> OrgModelSchema:
    item = get_model_item(caller, model_id)
    template = template_for(item) if item.generator_type == "template" else None
    input_schema = item.input_schema if item.input_schema is not None else (
        template.input_schema if template else _builder_input_schema(caller, item))
    example = item.example_input if item.example_input is not None else (
        template.example_input if template else None)
    return OrgModelSchema(
        id=item.model_id, name=item.custom_name or item.display_name,
        generator_type=item.generator_type, input_schema=input_schema,
        input_fields=item.input_fields if item.input_fields is not None
        else input_fields_from_schema(input_schema),
        example_input=example, custom_config=item.custom_config,
    )


def _builder_input_schema(caller: Caller, item: OrgModelItem) -> dict[str, Any]:
    """A builder model takes values for its version's parameters, each defaulting to the canvas's."""
    config = item.custom_config or {}
    if item.generator_type != "builder" or "version_id" not in config:
        return {}
    _, blob = versions.get_version_items(caller, config["document_id"], config["version_id"])
    parameters = (blobs.get_json(blob.model_gz, blob.model_s3) or {}).get("parameters", {})
    return {"type": "object", "additionalProperties": False,
            "properties": {name: {"type": "number", "default": value} for name, value in parameters.items()}}


def create_private_model(caller: Caller, body: OrgModelCreate) -> OrgModelPublic:
    for field in ("input_schema", "input_fields", "example_input", "custom_config"):
        _check_size(getattr(body, field), field)
    if body.input_schema is not None:
        check_is_json_schema(body.input_schema, "input_schema")
        if body.example_input is not None:
            validate_input(body.example_input, body.input_schema, "example_input")
    builder = _builder_version(caller, body.custom_config) if body.generator_type == "builder" else None
    if body.generator_type == "template":
        _check_template_reference(body.custom_config)
    limit = get_settings().max_models_per_org
    now = utc_now_iso()
    item = store.new_org_model(
        caller.organization_id, ids.random_id(ids.ORGANIZATION_MODEL), catalog_id=None,
        name=body.name, display_name=body.display_name or body.name, description=body.description,
        category=body.category, tags=body.tags, generator_type=body.generator_type,
        input_schema=body.input_schema, input_fields=body.input_fields,
        example_input=body.example_input, custom_config=body.custom_config,
        credits_per_execution=0, is_active=True, is_favorite=False, created_at=now, updated_at=now,
    )
    template = template_for(item) if body.generator_type == "template" else None
    item.credits_per_execution = _builder_credits(builder.blob) if builder else (
        template.credits_per_execution if template else 0)
    try:
        quotas.check(caller.organization_id, quotas.MODELS, limit)
        pin = None
        if builder:  # named now, pinned in the transaction that creates the model
            versions.pin_version(caller, builder.document_id, builder.version.version_id)
            pin = (builder.document_id, int(builder.version.sequence))
        if not store.save_new_org_model(item, limit, pin):
            raise BadRequest("The version custom_config names was deleted meanwhile; pick another.",
                             [{"field": "custom_config.version_id", "message": "not found"}])
    except quotas.QuotaFull:
        raise _quota_conflict(limit) from None
    return _public(item)


def update_model(caller: Caller, model_id: str, body: OrgModelUpdate) -> None:
    item = get_model_item(caller, model_id)
    changes: dict[str, Any] = {name: getattr(body, name) for name in body.model_fields_set}
    if "custom_config" in changes:
        _check_size(body.custom_config, "custom_config")
        if item.generator_type == "builder":
            changes["credits_per_execution"] = _check_builder_reference(caller, body.custom_config)
        elif item.catalog_id is None:
            _check_template_reference(body.custom_config)
            item.custom_config = body.custom_config
            template = template_for(item)
            changes["credits_per_execution"] = template.credits_per_execution if template else 0
    if not store.update_org_model(caller.organization_id, model_id, changes, utc_now_iso()):
        raise NotFound(NOT_FOUND)


def deactivate(caller: Caller, model_id: str) -> None:
    get_model_item(caller, model_id)
    if not store.update_org_model(caller.organization_id, model_id, {"is_active": False}, utc_now_iso()):
        raise NotFound(NOT_FOUND)


def _check_builder_reference(caller: Caller, custom_config: dict[str, Any] | None) -> int:
    """A builder model names a document and a version; the version is pinned (named), so
    retention never removes what the model runs. Returns its credits per execution."""
    target = _builder_version(caller, custom_config)
    pinned = versions.pin_version(caller, target.document_id, target.version.version_id)
    document_store.add_pin(caller.organization_id, target.document_id, pinned.sequence)
    return _builder_credits(target.blob)


class BuilderVersion(NamedTuple):
    document_id: str
    version: VersionItem
    blob: VersionBlobItem


def _builder_version(caller: Caller, custom_config: dict[str, Any] | None) -> BuilderVersion:
    """The document version a builder model's custom_config names; 400 if not the caller's."""
    config = custom_config or {}
    document_id, version_id = config.get("document_id"), config.get("version_id")
    if not isinstance(document_id, str) or not isinstance(version_id, str):
        raise BadRequest("A builder model needs custom_config.document_id and custom_config.version_id.",
                         [{"field": "custom_config", "message": "document_id and version_id are required"}])
    try:
        version, blob = versions.get_version_items(caller, document_id, version_id)
    except NotFound:
        raise BadRequest("custom_config names no version of a document of yours.",
                         [{"field": "custom_config.version_id", "message": "not found"}]) from None
    return BuilderVersion(document_id, version, blob)


def _builder_credits(blob: VersionBlobItem) -> int:
    model = blobs.get_json(blob.model_gz, blob.model_s3) or {}
    is_mip = any(v.get("type") != "continuous" for v in model.get("variables", []))
    return solve.MIP_CREDITS if is_mip else solve.LP_CREDITS


def _check_template_reference(custom_config: dict[str, Any] | None) -> None:
    name = (custom_config or {}).get("template")
    if name is not None and get_template(name) is None:
        raise BadRequest(
            f"custom_config.template names no template; use one of: {', '.join(sorted(TEMPLATE_NAMES))}",
            [{"field": "custom_config.template", "message": "unknown template"}])


def _check_size(value: Any, field: str) -> None:
    if value is not None and len(json.dumps(value)) > MAX_JSON_FIELD_BYTES:
        raise BadRequest(f"{field} is larger than {MAX_JSON_FIELD_BYTES // 1024} KB.",
                         [{"field": field, "message": "too large"}])


def _activated(item: OrgModelItem) -> OrgModelActivated:
    return OrgModelActivated(id=item.model_id, catalog_id=item.catalog_id,
                             organization_id=item.organization_id, custom_name=item.custom_name,
                             is_active=item.is_active, created_at=item.created_at)


def _public(item: OrgModelItem) -> OrgModelPublic:
    return OrgModelPublic(
        id=item.model_id, catalog_id=item.catalog_id, organization_id=item.organization_id,
        custom_name=item.custom_name, is_active=item.is_active, created_at=item.created_at,
        name=item.name, display_name=item.display_name, description=item.description,
        category=item.category, tags=list(item.tags or []),
        credits_per_execution=int(item.credits_per_execution or 0),
        generator_type=item.generator_type, custom_config=item.custom_config,
        is_favorite=item.is_favorite, updated_at=item.updated_at,
    )
