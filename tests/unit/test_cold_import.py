"""Cold start guard: importing app.py (what every Lambda function of the app does before its
first event) must not import what a given function may never use. Asserted on the set of
modules a fresh interpreter holds, never on a time, so it cannot flake on a loaded machine;
bench/cold_import.py prints the milliseconds."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Imported by the routes, services and runs that use them (docs/operations-and-benchmarks.md,
# "Cold starts").
NOT_IMPORTED_BY_APP = [
    # Solvers and libraries of a few code paths.
    "ortools", "numpy", "jsonschema", "croniter", "jwt", "re2", "ulid", "swagger_ui", "jinja2",
    # The OpenAPI generator and its route table (first GET /api/v2/openapi.json).
    "chalicelib.api.openapi", "chalicelib.api.openapi_routes",
    # Templates and the builder's engine.
    "chalicelib.templates", "chalicelib.engine.canvas", "chalicelib.engine.solution_diff",
    # The routes' request and response models.
    "chalicelib.schemas.api_keys", "chalicelib.schemas.builder", "chalicelib.schemas.catalog",
    "chalicelib.schemas.compare", "chalicelib.schemas.mathopt", "chalicelib.schemas.models",
    "chalicelib.schemas.organization", "chalicelib.schemas.triggers",
    # The routes' services.
    "chalicelib.services.api_keys", "chalicelib.services.catalog", "chalicelib.services.compare",
    "chalicelib.services.documents", "chalicelib.services.mathopt", "chalicelib.services.org_models",
    "chalicelib.services.trigger_events", "chalicelib.services.triggers", "chalicelib.services.versions",
    "chalicelib.services.input_validation", "chalicelib.services.schema_keywords",
    "chalicelib.services.callbacks", "chalicelib.schedules", "chalicelib.signing",
    # The worker path (its first message imports it), every model and the store (PynamoDB,
    # botocore): imported by the first request or message that needs them.
    "chalicelib.services.worker", "chalicelib.services.executions", "chalicelib.services.run_specs",
    "chalicelib.services.idempotency", "chalicelib.schemas", "chalicelib.engine", "chalicelib.store",
    "pynamodb", "botocore",
]

PROBE = """
import json, sys
import app
print(json.dumps(sorted(sys.modules)))
"""


def imported_by(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code` in the repository root."""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "AWS_DEFAULT_REGION": "us-east-1"})
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_app_leaves_what_a_route_or_run_needs_for_its_first_use():
    modules = imported_by(PROBE)
    assert "app" in modules and "chalice" in modules
    loaded = sorted(name for name in NOT_IMPORTED_BY_APP
                    if name in modules or any(module.startswith(name + ".") for module in modules))
    assert loaded == []


def test_the_openapi_document_imports_the_generator_on_demand():
    """The other side of the guard: what the import leaves out still loads when asked for."""
    modules = imported_by(PROBE.replace("import app\n", """import app
from chalicelib.api import docs
docs._document_json(app.app)
"""))
    assert {"chalicelib.api.openapi", "chalicelib.api.openapi_routes", "chalicelib.schemas.mathopt"} <= modules


def test_preload_imports_what_the_import_left_out():
    """A SnapStart before-snapshot hook calls chalicelib.preload: what a first request or
    message would import is then in the snapshot."""
    modules = imported_by(PROBE.replace("import app\n", """import app
from chalicelib.preload import preload
for function in ("api", "worker", "triggers"):
    preload(function)
"""))
    assert {"chalicelib.services.worker", "chalicelib.schemas.mathopt", "chalicelib.services.org_models",
            "pynamodb", "botocore"} <= modules
    assert "ortools" not in modules  # a solve still loads the solver itself
