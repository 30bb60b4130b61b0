"""Fuzzing: schemathesis against the app's own OpenAPI document, on the local server.

One test (so that `pytest -n auto` starts one server, in the worker that runs it):
start `make run` (local/run.py) on 127.0.0.1 with free ports (conftest.py,
tests/live_server.py), create real resources so that the fuzzer gets past the 404s
(every marketplace model activated, a private model, a builder document and two
versions, two runs, two triggers, a spare API key: harness.seed_resources), then
run the schemathesis CLI with the demo key against the document the server
serves at GET /api/v2/openapi.json, extended with one operation per marketplace
model whose body is that model's own input schema (harness.fuzz_document). The
test fails on

- any 5xx response (check `not_a_server_error`, and the server's own access log),
- any response that breaks its documented schema (`response_schema_conformance`),
- a status the document does not list for the operation (`status_code_conformance`),
- a Content-Type the document does not list (`content_type_conformance`),
- any exception the server logged with a traceback (harness.server_exceptions): an
  exception inside a solve is answered as a 200 whose status is `error` and refunded,
  and one in a worker thread only fails the run, so the responses alone hide them;
- a dead server, a schemathesis error, or a run that does not finish in time.

Bounded: at most FUZZ_EXAMPLES generated cases per operation and phase, a fixed
seed, a timeout. `make test` runs the short default (about 40-60 s here);
`make fuzz` a long one (more examples, all four phases, a new seed each time).
Settings (environment):

    FUZZ_EXAMPLES    cases per operation (default 10)
    FUZZ_TEMPLATE_EXAMPLES  cases per per-model execute operation, each possibly a solve
                     (default half of FUZZ_EXAMPLES)
    FUZZ_SEED        hypothesis seed (default 20261123; "random": a new one, printed)
    FUZZ_PHASES      schemathesis phases (default examples,fuzzing; `make fuzz` adds
                     coverage and stateful)
    FUZZ_CHECKS      checks (default the four above)
    FUZZ_MODE        positive (valid per the document), negative, or all (default)
    FUZZ_TIMEOUT_S   upper bound of the schemathesis run in seconds (default 600)
    FUZZ_WORKERS     concurrent schemathesis workers (default 1; 2 cores are shared)
    FUZZ_INCLUDE     only the operations whose operationId matches this regular expression
    FUZZ_TEMPLATES   0: leave out the per-model execute operations
    FUZZ_REPORT_DIR  keep the server log, openapi-fuzz.json, schemathesis.toml, the CLI
                     output, the JSON and JUnit reports and summary.json there
                     (default: a pytest temporary directory)
    FUZZ_HAR         set: also record every request and response (HAR; ~30 KB a request)

A failure names what failed: schemathesis prints each failing case with its request
(a curl command), the response and the check; the assertion message carries that
section, the server's tracebacks and the tail of its log. summary.json holds the
numbers (operations, test cases, requests by status, 5xx, schema violations).

Exclusions and constraints, each with its reason:

- Coverage phase: no TRACE or QUERY "unexpected method" probes. `chalice local` serves
  through http.server, which answers 501 to a method it has no handler for: that is
  the local server, not the app (API Gateway does not pass those methods to the
  function). The other undocumented methods (GET/PUT/POST/DELETE/PATCH/OPTIONS) are
  still probed and must answer 4xx.
- POST /api/v2/hooks/{trigger_id}: fuzzed (unsigned or badly signed events must be
  401, never 5xx), but the fuzzer cannot sign an event, so the accepted path is out of
  reach; tests/api/test_triggers.py covers it.
- DELETE /api/v2/api-keys/{key_id}: the demo key's id is never offered to the fuzzer
  (revoking it would turn the rest of the run into 401s); a spare key's is.
- GET /docs and /docs/{asset}: fuzzed like the rest (static, cheap).
- Solves: the server refuses `time_limit_s` above JAOT_MAX_TIME_LIMIT_S (5 s here,
  tests/live_server.py), and the per-model operations ask for at most 1 s. The scheduler
  does not tick during the run (JAOT_TICK_S), so no fuzzed schedule trigger fires and
  no callback leaves 127.0.0.1.
- The per-model operations send schema-valid inputs only (`generation.mode =
  "positive"`): invalid bodies are the generic execute operation's job.
"""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.fuzz import harness
from tests.live_server import LocalServer

DEFAULT_EXAMPLES = 10
DEFAULT_SEED = "20261123"
DEFAULT_PHASES = "examples,fuzzing"
DEFAULT_CHECKS = ("not_a_server_error,response_schema_conformance,"
                  "status_code_conformance,content_type_conformance")

# Findings not fixed yet, so that the run still guards everything else. Remove an entry
# once its finding is fixed: the run then fails if it comes back.
#
# (method, path, check, finding): the check is turned off for that operation only.
KNOWN_FAILURES: list[tuple[str, str, str, str]] = []
# (file of the innermost project frame, exception type, finding): exceptions the server
# logs that do not fail the run (they are still listed in summary.json).
KNOWN_EXCEPTIONS: list[tuple[str, str, str]] = []


def _known(exception: dict) -> str | None:
    for path, error, finding in KNOWN_EXCEPTIONS:
        if exception["where"].startswith(path) and exception["error"].split(":", 1)[0] == error:
            return finding
    return None


def test_api_survives_fuzzing(local_server: LocalServer, fuzz_dir: Path):
    timeout_s = int(os.environ.get("FUZZ_TIMEOUT_S") or 600)
    examples = int(os.environ.get("FUZZ_EXAMPLES") or DEFAULT_EXAMPLES)
    template_examples = int(os.environ.get("FUZZ_TEMPLATE_EXAMPLES") or max(1, examples // 2))
    identifiers, models = harness.seed_resources(local_server)
    checks = (os.environ.get("FUZZ_CHECKS") or DEFAULT_CHECKS).split(",")
    config = harness.write_config(fuzz_dir / "schemathesis.toml", identifiers, checks, KNOWN_FAILURES,
                                  template_examples)
    document = harness.fuzz_document(local_server, models if os.environ.get("FUZZ_TEMPLATES") != "0" else {})
    schema_path = fuzz_dir / "openapi-fuzz.json"
    schema_path.write_text(json.dumps(document, indent=1))
    report_dir = fuzz_dir / "reports"
    report_dir.mkdir(exist_ok=True)
    for old in [*report_dir.glob("*-*.json"), *report_dir.glob("*-*.xml")]:
        old.unlink()
    command = harness.schemathesis_command(
        schema_path, config, local_server, report_dir,
        phases=os.environ.get("FUZZ_PHASES") or DEFAULT_PHASES,
        examples=examples,
        mode=os.environ.get("FUZZ_MODE") or "all", workers=os.environ.get("FUZZ_WORKERS") or "1",
        seed=os.environ.get("FUZZ_SEED") or DEFAULT_SEED, include=os.environ.get("FUZZ_INCLUDE"),
        har=bool(os.environ.get("FUZZ_HAR")))
    env = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "JAOT_"))}
    env.update({"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})

    log_offset = local_server.log_path.stat().st_size
    started = time.monotonic()
    try:
        run = subprocess.run(command, cwd=fuzz_dir, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                             text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode(errors="replace") if isinstance(expired.stdout, bytes) else expired.stdout
        pytest.fail(f"schemathesis did not finish within {timeout_s} s (FUZZ_TIMEOUT_S):\n{(output or '')[-5000:]}"
                    f"\n--- server log (tail) ---\n{local_server.log_tail()}")
    output = run.stdout + run.stderr
    (fuzz_dir / "schemathesis.log").write_text(output)
    exceptions = harness.server_exceptions(local_server, log_offset)
    for exception in exceptions:
        exception["known"] = _known(exception)
    summary = harness.summarize(report_dir, run.returncode, time.monotonic() - started,
                                harness.count_requests(local_server, log_offset), exceptions)
    (fuzz_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(output)
    print("fuzz summary:", json.dumps(summary, indent=2))

    assert local_server.alive(), f"the local server died during the run:\n{local_server.log_tail()}"
    problems = []
    if summary["server_errors"]:
        problems.append(f"{summary['server_errors']} responses were 5xx: {summary['server_error_requests']}")
    if summary["failures"]:
        problems.append("checks failed: " + "; ".join(
            f"{failure['code']} {failure['title']} x{failure['count']} in {failure['operations']}"
            for failure in summary["failures"]))
    unknown = [exception for exception in exceptions if not exception["known"]]
    if unknown:
        problems.append("the server logged exceptions:\n" + "\n".join(
            f"{exception['where']}: {exception['error']} (x{exception['count']}, first in "
            f"{exception['request']}; FUZZ_HAR=1 records the bodies)\n{exception['traceback']}"
            for exception in unknown))
    if summary["errors"]:
        problems.append(f"schemathesis errors: {summary['errors']}")
    if run.returncode != 0 and not problems:
        problems.append(f"schemathesis exited with {run.returncode}")
    assert not problems, "\n".join(problems) + "\n\n" + harness.failures_section(output) + \
        f"\n--- server log (tail) ---\n{local_server.log_tail(40)}"
    assert summary["requests"] > 0 and (summary["operations"] or {}).get("tested"), output[-3000:]
