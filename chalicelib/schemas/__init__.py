"""pydantic request/response models: the single source of every public shape."""
