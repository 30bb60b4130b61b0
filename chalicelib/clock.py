from datetime import datetime, timezone


def utc_now_iso() -> str:
    """ISO 8601 UTC with a Z suffix and second precision, as in the spec."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
