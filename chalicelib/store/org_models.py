"""Organization models (`exe_`) under the organization's partition."""
from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DoesNotExist, UpdateError

from chalicelib.store import keys, quotas
from chalicelib.store.items import ActivationItem, OrgModelItem, VersionItem
from chalicelib.store.transactions import refused_by_condition

# Attributes a list needs; the large JSON ones (schema, example) stay behind.
_LIST_ATTRIBUTES = [
    "PK", "SK", "model_id", "organization_id", "catalog_id", "name", "display_name", "description",
    "category", "tags", "credits_per_execution", "generator_type", "custom_name", "custom_config",
    "is_active", "is_favorite", "created_at", "updated_at",
]


def new_org_model(organization_id: str, model_id: str, **attributes: Any) -> OrgModelItem:
    return OrgModelItem(keys.org_pk(organization_id), keys.org_model_sk(model_id),
                        organization_id=organization_id, model_id=model_id, **attributes)


def get_org_model(organization_id: str, model_id: str) -> OrgModelItem | None:
    try:
        return OrgModelItem.get(keys.org_pk(organization_id), keys.org_model_sk(model_id),
                                consistent_read=True)
    except DoesNotExist:
        return None


def list_org_models(organization_id: str) -> list[OrgModelItem]:
    """Every model of the organization (capped per organization by settings)."""
    return list(OrgModelItem.query(
        keys.org_pk(organization_id), OrgModelItem.SK.startswith(keys.MODEL_PREFIX),
        consistent_read=True, attributes_to_get=_LIST_ATTRIBUTES,
    ))


def save_new_org_model(item: OrgModelItem, limit: int, pin: tuple[str, int] | None = None) -> bool:
    """The model, one place of the model quota (QuotaFull if none) and, for a builder model,
    a pin on the version it runs (document id, sequence): together or not at all. False when
    that version was deleted meanwhile."""
    def build(writes) -> None:
        writes.save(item, condition=OrgModelItem.PK.does_not_exist())
        if pin is not None:
            document_id, sequence = pin
            version = VersionItem(keys.document_partition(item.organization_id, document_id), keys.version_sk(sequence))
            writes.update(version, actions=[VersionItem.pin_count.add(1)], condition=VersionItem.PK.exists())

    return quotas.created_taking(item.organization_id, quotas.MODELS, limit, build)


def get_activation(organization_id: str, catalog_id: str) -> ActivationItem | None:
    try:
        return ActivationItem.get(keys.org_pk(organization_id), keys.activation_sk(catalog_id),
                                  consistent_read=True)
    except DoesNotExist:
        return None


def save_activation(item: OrgModelItem, limit: int) -> bool:
    """Write the model, its activation marker and one place of the model quota together;
    False if another request activated it first, QuotaFull if no place is left."""
    marker = ActivationItem(item.PK, keys.activation_sk(item.catalog_id),
                            catalog_id=item.catalog_id, model_id=item.model_id)

    def build(writes) -> None:
        writes.save(marker, condition=ActivationItem.PK.does_not_exist())
        writes.save(item, condition=OrgModelItem.PK.does_not_exist())

    return quotas.created_taking(item.organization_id, quotas.MODELS, limit, build)


def update_org_model(organization_id: str, model_id: str, changes: dict[str, Any], now: str) -> bool:
    """Set the given attributes on an existing model; False when it does not exist."""
    item = OrgModelItem(keys.org_pk(organization_id), keys.org_model_sk(model_id))
    actions = []
    for name, value in {**changes, "updated_at": now}.items():
        attribute = getattr(OrgModelItem, name)
        actions.append(attribute.remove() if value is None else attribute.set(value))
    try:
        item.update(actions=actions, condition=OrgModelItem.PK.exists())
    except UpdateError as error:
        if refused_by_condition(error):
            return False
        raise
    return True
