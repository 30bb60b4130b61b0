"""Domain logic between the HTTP layer and storage/engine."""
