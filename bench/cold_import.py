"""Cold import of app.py vs a bare Chalice app and vs the stack floor, what the first request
and the worker's first message add, peak memory, and where the import time goes.

Each sample is a fresh interpreter, so nothing is cached in memory (the OS file cache is
warm, as on a Lambda that reuses its container image); figures are the min and median of
N samples (`python bench/cold_import.py [N]`, default 9): on a loaded machine compare
before/after in the same session. Peak memory is the process's maximum resident set (what
Lambda's memory size must hold), read in the subprocess. tests/unit/test_cold_import.py
guards which modules the import leaves out; this script prints the milliseconds.
"""
from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from chalicelib.preload import FIRST_USE as PRELOAD  # noqa: E402 (after the path)

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
ENV = {"PATH": "/usr/bin:/bin", "AWS_DEFAULT_REGION": "us-east-1", "PYTHONDONTWRITEBYTECODE": "1"}

HELLO = """
from chalice import Chalice
app = Chalice(app_name="hello")

@app.route("/")
def index():
    return {"hello": "world"}
"""

# The hello-world plus what every JAOT request needs before its own code: one pydantic model
# (request/response shapes; `import pydantic` alone is lazy and loads nothing) and one
# PynamoDB model (the table, so botocore). The floor any app on this stack starts from.
STACK_FLOOR = HELLO + """
import pydantic
import pynamodb.attributes
import pynamodb.models

class Body(pydantic.BaseModel):
    name: str

class Item(pynamodb.models.Model):
    class Meta:
        table_name = "floor"
        region = "us-east-1"
    pk = pynamodb.attributes.UnicodeAttribute(hash_key=True)
"""

# After the import: modules a first call imports before it does any I/O.
FIRST_USE = {
    # The runs-queue function's first message: the worker, its store and the run specs.
    "worker": ["chalicelib.services.worker"],
    # An authenticated API request, GET /api/v2/executions: the credential store, then the route's code.
    "api": ["chalicelib.store.organizations", "chalicelib.services.execution_records",
            "chalicelib.schemas.executions"],
}

PROBE = """
import importlib, json, resource, sys, time
started = time.perf_counter()
import {module}
elapsed = time.perf_counter() - started
extra = {{}}
if {first_use!r}:
    t0 = time.perf_counter()
    for name in {first_use!r}:
        importlib.import_module(name)
    extra["first_use_s"] = time.perf_counter() - t0
if {route!r}:
    event = {{"resource": {route!r}, "path": {route!r}, "httpMethod": "GET", "headers": {{}},
             "multiValueHeaders": {{}}, "queryStringParameters": None, "multiValueQueryStringParameters": None,
             "pathParameters": None, "stageVariables": None, "body": None, "isBase64Encoded": False,
             "requestContext": {{"resourcePath": {route!r}, "httpMethod": "GET", "stage": "api"}}}}
    t0 = time.perf_counter()
    response = {module}.app(event, None)
    assert response["statusCode"] == 200, response
    extra["route_s"] = time.perf_counter() - t0
if {solve}:
    from chalicelib.templates import get_template
    from chalicelib.engine.options import RunOptions
    t0 = time.perf_counter()
    get_template("warehouse_allocation").run(get_template("warehouse_allocation").example_input, RunOptions())
    extra["first_solve_s"] = time.perf_counter() - t0
print(json.dumps({{"import_s": elapsed, "ortools": "ortools" in sys.modules, "modules": len(sys.modules),
                  "ours": sorted(m for m in sys.modules if m.startswith("chalicelib")),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}}))
"""


def sample(module: str, cwd: Path, solve: bool = False, route: str = "", first_use: list[str] | None = None) -> dict:
    code = PROBE.format(module=module, solve=solve, route=route, first_use=first_use or [])
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True, env=ENV)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ms(samples: list[dict], key: str) -> str:
    values = [s[key] * 1000 for s in samples]
    return f"min {min(values):7.1f} / median {statistics.median(values):7.1f} ms"


def median(samples: list[dict], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def import_costs(runs: int = 3, top: int = 12) -> list[tuple[str, float, float]]:
    """`-X importtime` of `import app`: self time summed per package (chalicelib per
    subpackage), the min over `runs` runs: (name, ms, share of the sum)."""
    per_run = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import app"], cwd=ROOT,
                             capture_output=True, text=True, check=True, env=ENV)
        totals: dict[str, float] = defaultdict(float)
        for line in out.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)", line)
            if match:
                parts = match.group(2).split(".")
                totals[".".join(parts[:2]) if parts[0] == "chalicelib" else parts[0]] += int(match.group(1)) / 1000
        per_run.append(totals)
    best = {name: min(run.get(name, 0.0) for run in per_run) for name in per_run[0]}
    grand = sum(best.values())
    return [(name, value, value / grand) for name, value in sorted(best.items(), key=lambda kv: -kv[1])[:top]]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "hello_app.py").write_text(HELLO)
        Path(tmp, "floor_app.py").write_text(STACK_FLOOR)
        hello = [sample("hello_app", Path(tmp)) for _ in range(RUNS)]
        floor = [sample("floor_app", Path(tmp)) for _ in range(RUNS)]
    app = [sample("app", ROOT) for _ in range(RUNS)]
    worker = [sample("app", ROOT, first_use=FIRST_USE["worker"]) for _ in range(RUNS)]
    api = [sample("app", ROOT, first_use=FIRST_USE["api"]) for _ in range(RUNS)]
    snapshot = [sample("app", ROOT, first_use=list(PRELOAD["api"])) for _ in range(3)]
    health = [sample("app", ROOT, route="/api/v2/health") for _ in range(3)]
    openapi = [sample("app", ROOT, route="/api/v2/openapi.json") for _ in range(3)]
    solve = [sample("app", ROOT, solve=True) for _ in range(3)]
    app_ms, hello_ms, floor_ms = (median(s, "import_s") for s in (app, hello, floor))

    print(f"Cold import: {RUNS} fresh interpreters each")
    print(f"  bare Chalice hello-world : {ms(hello, 'import_s')}, peak RSS {median(hello, 'maxrss_mb'):5.1f} MB")
    print(f"  stack floor              : {ms(floor, 'import_s')}, peak RSS {median(floor, 'maxrss_mb'):5.1f} MB "
          "(hello + a pydantic model + a PynamoDB model)")
    print(f"  JAOT app.py              : {ms(app, 'import_s')}, peak RSS {median(app, 'maxrss_mb'):5.1f} MB, "
          f"{app[0]['modules']} modules, ortools imported: {any(s['ortools'] for s in app)}")
    print(f"  ratio app / hello        : {app_ms / hello_ms:5.2f}x (medians)")
    print(f"  ratio app / stack floor  : {app_ms / floor_ms:5.2f}x")
    print("First use after the import (modules imported before any I/O):")
    for samples, what in ((worker, "runs-queue message (the worker path)"),
                          (api, "GET /executions (auth store, route code)")):
        total = [{"t": s["import_s"] + s["first_use_s"]} for s in samples]
        print(f"  {what:<41}: {ms(samples, 'first_use_s')}; import + it: {ms(total, 't')}, "
              f"{median(total, 't') / floor_ms:4.2f}x floor")
    print(f"  preload('api') (SnapStart: before the snapshot): {median(snapshot, 'first_use_s') * 1000:7.1f} ms, "
          f"peak RSS {median(snapshot, 'maxrss_mb'):5.1f} MB")
    print(f"  GET /health, first request               : {median(health, 'route_s') * 1000:7.1f} ms")
    print(f"  GET /openapi.json, first request         : {median(openapi, 'route_s') * 1000:7.1f} ms "
          f"(imports the generator and every schema), peak RSS {median(openapi, 'maxrss_mb'):5.1f} MB")
    print(f"  first solve                              : {median(solve, 'first_solve_s') * 1000:7.1f} ms "
          f"(imports ortools), peak RSS {median(solve, 'maxrss_mb'):5.1f} MB")
    print(f"chalicelib modules imported by app.py ({len(app[0]['ours'])}): {' '.join(app[0]['ours'])}")
    print("Where `import app` goes (-X importtime, self time per package, min of 3 runs):")
    for name, self_ms, share in import_costs():
        print(f"  {name:<24} {self_ms:7.1f} ms  {share:5.1%}")


if __name__ == "__main__":
    main()
