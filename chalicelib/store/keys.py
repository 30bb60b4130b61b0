"""Every partition and sort key of the table, in one place (docs/operations-and-benchmarks.md: Storage)."""

ORG_META = "META"
CATALOG_PARTITION = "CATALOG"
MODEL_PREFIX = "MODEL#"
ACTIVATION_PREFIX = "ACTIVATION#"
EXECUTION_PREFIX = "EXEC#"
API_KEY_PREFIX = "APIKEY#"
DOCUMENT_PREFIX = "DOC#"
VERSION_PREFIX = "VER#"
UNNAMED_PREFIX = "UNNAMED#"
TRIGGER_PREFIX = "TRG#"
SCHEDULE_INDEX_PARTITION = "SCHEDULES"
QUOTA_PREFIX = "QUOTA#"


def org_pk(organization_id: str) -> str:
    return f"ORG#{organization_id}"


def api_key_pk(key_hash: str) -> str:
    return f"{API_KEY_PREFIX}{key_hash}"


def api_key_sk() -> str:
    return "KEY"


def catalog_model_sk(catalog_id: str) -> str:
    return f"{MODEL_PREFIX}{catalog_id}"


def org_model_sk(model_id: str) -> str:
    return f"{MODEL_PREFIX}{model_id}"


def activation_sk(catalog_id: str) -> str:
    return f"{ACTIVATION_PREFIX}{catalog_id}"


def execution_sk(execution_id: str) -> str:
    return f"{EXECUTION_PREFIX}{execution_id}"


def document_sk(document_id: str) -> str:
    return f"{DOCUMENT_PREFIX}{document_id}"


def document_partition(organization_id: str, document_id: str) -> str:
    """Versions live in their document's own partition, still keyed by the organization."""
    return f"ORG#{organization_id}#DOC#{document_id}"


def version_sk(sequence: int) -> str:
    return f"{VERSION_PREFIX}{sequence:010d}"


def version_blob_sk(sequence: int) -> str:
    return f"BLOB#{sequence:010d}"


def unnamed_marker_sk(sequence: int) -> str:
    """One per unnamed checkpoint, oldest first: what retention prunes."""
    return f"{UNNAMED_PREFIX}{sequence:010d}"


def org_api_key_gsi_sk(key_id: str) -> str:
    return f"{API_KEY_PREFIX}{key_id}"


def trigger_sk(trigger_id: str) -> str:
    return f"{TRIGGER_PREFIX}{trigger_id}"


def trigger_ref_pk(trigger_id: str) -> str:
    return f"TRIGGER#{trigger_id}"


def trigger_ref_sk() -> str:
    return "REF"


def schedule_gsi_sk(next_run_at: str, trigger_id: str) -> str:
    """Due triggers sort by next run time (ISO 8601 UTC sorts as text)."""
    return f"{next_run_at}#{trigger_id}"


def replay_pk(trigger_id: str) -> str:
    return f"TRIGGER#{trigger_id}"


def replay_sk(signature_digest: str) -> str:
    return f"SIG#{signature_digest}"


def idempotency_sk(key_digest: str) -> str:
    return f"IDEMP#{key_digest}"


def org_api_key_sk(key_id: str) -> str:
    return f"{API_KEY_PREFIX}{key_id}"


def rate_window_pk(principal: str) -> str:
    return f"RATE#{principal}"


def rate_window_sk(window_start: int) -> str:
    return f"W#{window_start}"


def quota_sk(kind: str) -> str:
    """The counter of one kind of item an organization holds (documents, models...)."""
    return f"{QUOTA_PREFIX}{kind}"
