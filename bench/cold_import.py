"""Cold import of app.py (non-solve routes) vs a bare Chalice hello-world app, and peak memory.

Each sample is a fresh interpreter, so nothing is cached in memory (the OS
file cache is warm, as on a Lambda that reuses its container image). Also
checks that importing the app does not import ortools, what handling a first
non-solve request costs (a Lambda proxy event straight into the app, as on
Lambda), and what the first solve adds. Peak memory is the process's maximum
resident set (what Lambda's memory size must hold), read in the subprocess.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9

HELLO = """
from chalice import Chalice
app = Chalice(app_name="hello")

@app.route("/")
def index():
    return {"hello": "world"}
"""

# The same hello-world plus the libraries every JAOT request needs (pydantic for
# request/response models, PynamoDB and so botocore for the table): the floor
# any app on this stack starts from.
STACK_FLOOR = HELLO + """
import pydantic
import pynamodb.models
"""

PROBE = """
import json, resource, sys, time
started = time.perf_counter()
import {module}
elapsed = time.perf_counter() - started
extra = {{}}
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
print(json.dumps({{"import_s": elapsed, "ortools": "ortools" in sys.modules,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}}))
"""


def sample(module: str, cwd: Path, solve: bool = False, route: str = "") -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(module=module, solve=solve, route=route)], cwd=cwd,
                         capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin",
                         "AWS_DEFAULT_REGION": "us-east-1", "PYTHONDONTWRITEBYTECODE": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(samples: list[dict], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "hello_app.py").write_text(HELLO)
        Path(tmp, "floor_app.py").write_text(STACK_FLOOR)
        hello = [sample("hello_app", Path(tmp)) for _ in range(RUNS)]
        floor = [sample("floor_app", Path(tmp)) for _ in range(RUNS)]
    app = [sample("app", ROOT) for _ in range(RUNS)]
    health = [sample("app", ROOT, route="/api/v2/health") for _ in range(3)]
    openapi = [sample("app", ROOT, route="/api/v2/openapi.json") for _ in range(3)]
    solve = [sample("app", ROOT, solve=True) for _ in range(3)]
    ratio = median(app, "import_s") / median(hello, "import_s")
    print(f"Cold import, median of {RUNS} fresh interpreters")
    print(f"  bare Chalice hello-world : {median(hello, 'import_s') * 1000:7.1f} ms, "
          f"peak RSS {median(hello, 'maxrss_mb'):6.1f} MB")
    print(f"  hello + pydantic/PynamoDB: {median(floor, 'import_s') * 1000:7.1f} ms, "
          f"peak RSS {median(floor, 'maxrss_mb'):6.1f} MB")
    print(f"  JAOT app.py (non-solve)  : {median(app, 'import_s') * 1000:7.1f} ms, "
          f"peak RSS {median(app, 'maxrss_mb'):6.1f} MB, ortools imported: {any(s['ortools'] for s in app)}")
    print(f"  ratio app / hello        : {ratio:7.2f}x (target <= 1.5x)")
    print(f"  ratio app / stack floor  : {median(app, 'import_s') / median(floor, 'import_s'):7.2f}x")
    print(f"  then GET /health         : {median(health, 'route_s') * 1000:7.1f} ms, "
          f"peak RSS {median(health, 'maxrss_mb'):6.1f} MB (import + first request)")
    print(f"  then GET /openapi.json   : {median(openapi, 'route_s') * 1000:7.1f} ms, "
          f"peak RSS {median(openapi, 'maxrss_mb'):6.1f} MB (builds the document)")
    print(f"  first solve after import : {median(solve, 'first_solve_s') * 1000:7.1f} ms "
          f"(imports ortools), peak RSS {median(solve, 'maxrss_mb'):6.1f} MB")


if __name__ == "__main__":
    main()
