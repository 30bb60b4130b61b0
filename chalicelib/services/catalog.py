"""The public marketplace: published from the template registry, browsed by anyone."""
from __future__ import annotations

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.schemas.catalog import CatalogModelPublic, CatalogPage, CatalogQuery
from chalicelib.schemas.common import matches_search, paginate
from chalicelib.store import catalog as store
from chalicelib.templates import all_templates


def publish_catalog() -> int:
    """Write every registered template to the catalog; safe to run on every start."""
    now = utc_now_iso()
    templates = all_templates()
    for template in templates:
        store.put_catalog_model(
            catalog_id=ids.catalog_id_for(template.name), name=template.name,
            display_name=template.display_name, description=template.description,
            category=template.category, credits_per_execution=template.credits_per_execution,
            tags=list(template.tags), now=now,
        )
    return len(templates)


def list_catalog(query: CatalogQuery) -> CatalogPage:
    matching = [
        _public(item) for item in store.list_catalog_models()
        if item.status == "published"
        and (query.category is None or item.category.casefold() == query.category.casefold())
        and matches_search(query.search, item.name, item.display_name, item.description, item.tags)
    ]
    matching.sort(key=lambda model: (model.category, model.name))
    return CatalogPage(**paginate(matching, query))


def _public(item) -> CatalogModelPublic:
    return CatalogModelPublic(
        id=item.catalog_id, name=item.name, display_name=item.display_name,
        description=item.description, category=item.category,
        credits_per_execution=int(item.credits_per_execution), tags=list(item.tags or []),
        status=item.status, created_at=item.created_at,
    )
