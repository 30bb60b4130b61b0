"""`make run`: the local single-machine service (durable store, API, worker loop)."""
