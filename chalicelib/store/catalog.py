"""The public catalog: one partition, one item per published template."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from chalicelib.store import keys
from chalicelib.store.items import CatalogItem


def put_catalog_model(
    catalog_id: str, name: str, display_name: str, description: str, category: str,
    credits_per_execution: int, tags: list[str], now: str,
) -> None:
    """Create or refresh an entry; `created_at` is kept from the first publication."""
    item = CatalogItem(keys.CATALOG_PARTITION, keys.catalog_model_sk(catalog_id))
    item.update(actions=[
        CatalogItem.catalog_id.set(catalog_id),
        CatalogItem.name.set(name),
        CatalogItem.display_name.set(display_name),
        CatalogItem.description.set(description),
        CatalogItem.category.set(category),
        CatalogItem.credits_per_execution.set(credits_per_execution),
        CatalogItem.tags.set(tags),
        CatalogItem.status.set("published"),
        CatalogItem.created_at.set(CatalogItem.created_at | now),
        CatalogItem.updated_at.set(now),
    ])


def list_catalog_models() -> list[CatalogItem]:
    """The whole catalog (one partition of a few dozen small items)."""
    return list(CatalogItem.query(
        keys.CATALOG_PARTITION, CatalogItem.SK.startswith(keys.MODEL_PREFIX),
    ))


def get_catalog_model(catalog_id: str) -> CatalogItem | None:
    try:
        return CatalogItem.get(keys.CATALOG_PARTITION, keys.catalog_model_sk(catalog_id))
    except DoesNotExist:
        return None
