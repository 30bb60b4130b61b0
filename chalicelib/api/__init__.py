"""HTTP layer: one Chalice blueprint per resource, thin handlers."""
