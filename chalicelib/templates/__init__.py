"""The marketplace: one module per model, registered here by name."""
from __future__ import annotations

from chalicelib.templates import warehouse_allocation
from chalicelib.templates.base import Template

TEMPLATES: dict[str, Template] = {
    template.name: template
    for template in (
        warehouse_allocation.TEMPLATE,
    )
}


def get_template(name: str | None) -> Template | None:
    return TEMPLATES.get(name) if name else None
