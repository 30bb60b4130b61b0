"""`jaot`: the JAOT API from a shell. Tables for people, `--json` for scripts.

Exit codes (also in `jaot --help`):
  0  done (a run: a solution was found)
  1  unexpected error
  2  usage error (bad arguments, unreadable file)
  3  not found (404)
  4  authentication: no API key, or it was refused (401)
  5  insufficient credits (402)
  6  the run ended without a solution: infeasible, unbounded, time limit, error, failed, canceled
  7  --wait / watch timed out (the run goes on)
  8  the request was refused (400, 409, 413 and other 4xx)
  9  the service is unavailable or unreachable (5xx, 429 after retries, connection failed)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from pydantic import BaseModel

import jaot
from jaot import errors, types

OK, ERROR, USAGE, NOT_FOUND, AUTH, CREDITS, NO_SOLUTION, TIMEOUT, REFUSED, UNAVAILABLE = range(10)
SOLVED = ("optimal", "feasible")
EXIT_CODES = __doc__.split("Exit codes (also in `jaot --help`):\n", 1)[1]


class UsageError(Exception):
    pass


def exit_code_for(error: BaseException) -> int:
    if isinstance(error, (UsageError, errors.ConfigurationError)):
        return AUTH if isinstance(error, errors.ConfigurationError) else USAGE
    if isinstance(error, errors.NotFound):
        return NOT_FOUND
    if isinstance(error, errors.AuthenticationError):
        return AUTH
    if isinstance(error, errors.InsufficientCredits):
        return CREDITS
    if isinstance(error, errors.WaitTimeout):
        return TIMEOUT
    if isinstance(error, (errors.ServerError, errors.RateLimited, errors.ConnectionFailed)):
        return UNAVAILABLE
    if isinstance(error, errors.ApiError):
        return REFUSED
    return ERROR


# ---- output -----------------------------------------------------------------------------

def dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [dump(item) for item in value]
    return value


def table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)]
    lines = ["  ".join(column.upper().ljust(widths[i]) for i, column in enumerate(columns)).rstrip()]
    lines += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in cells]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value)[:40]
    return str(value)


def fields(mapping: dict, names: Sequence[str]) -> str:
    width = max(len(name) for name in names)
    return "\n".join(f"{name.ljust(width)}  {_cell(mapping.get(name))}" for name in names if name in mapping)


class Output:
    def __init__(self, as_json: bool, quiet: bool):
        self.as_json, self.quiet = as_json, quiet

    def show(self, value: Any, human: Callable[[Any], str]) -> None:
        if self.as_json:
            print(json.dumps(dump(value), indent=2))
        else:
            print(human(value))

    def progress(self, execution: types.Execution, started: float) -> None:
        if self.quiet:
            return
        line = f"{execution.execution_id}  {execution.status:<9}  {time.monotonic() - started:5.1f} s"
        if sys.stderr.isatty():
            sys.stderr.write("\r" + line + ("\n" if execution.ended else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


# ---- commands ---------------------------------------------------------------------------

RESULT_FIELDS = ["execution_id", "status", "objective_value", "best_bound", "gap", "solver", "solve_time_ms",
                 "credits_used", "message"]
RUN_FIELDS = ["execution_id", "status", "kind", "solve_status", "model_id", "document_id", "version_id",
              "trigger_id", "started_by", "credits_used", "created_at", "finished_at", "solve_time_ms",
              "failure_reason"]


def show_result(result: types.OptimizationResult) -> str:
    text = fields(result.model_dump(), RESULT_FIELDS)
    variables = result.variables
    if variables:
        text += "\n\n" + table([{"variable": k, "value": v} for k, v in variables.items()], ["variable", "value"])
    elif result.solution:
        text += "\n\nsolution  " + json.dumps(result.solution)[:2000]
    return text


def result_code(status: Optional[str]) -> int:
    return OK if status in SOLVED else NO_SOLUTION


def finish_run(client: jaot.Client, out: Output, outcome: Any, args: argparse.Namespace) -> int:
    """Print a sync result, or a queued run (waiting for it with --wait)."""
    if isinstance(outcome, types.OptimizationResult):
        out.show(outcome, show_result)
        return result_code(outcome.status)
    if not args.wait:
        out.show(types.QueuedRun(execution_id=outcome.execution_id, status=outcome.status),
                 lambda q: f"{q.execution_id}  {q.status}  (jaot runs watch {q.execution_id})")
        return OK
    return wait_for(client, out, outcome.execution_id, args.timeout)


def wait_for(client: jaot.Client, out: Output, execution_id: str, timeout: Optional[float]) -> int:
    started = time.monotonic()
    execution = client.run(execution_id).wait(timeout=timeout, on_progress=lambda e: out.progress(e, started))
    if out.as_json:
        out.show(execution, str)
    elif execution.result is not None:
        out.show(execution.result, show_result)
    else:
        out.show(execution, lambda e: fields(e.model_dump(), RUN_FIELDS))
    if execution.status != "succeeded":
        return NO_SOLUTION
    return result_code(execution.result.status if execution.result else None)


def read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read JSON from {path}: {error}") from None


def run_options(args: argparse.Namespace) -> Optional[dict]:
    options = dict(read_json(args.options)) if getattr(args, "options", None) else {}
    if getattr(args, "time_limit", None) is not None:
        options["time_limit_s"] = args.time_limit
    return options or None


def resolve_model(client: jaot.Client, name: str) -> str:
    """An organization model id (`exe_...`), or a catalog id / name, activated on the way."""
    if name.startswith("exe_"):
        return name
    catalog_id = name if name.startswith("mdl_") else client.catalog.find(name).id
    return client.catalog.activate(catalog_id).id


def cmd_catalog(client, out, args) -> int:
    items = list(client.catalog.iter(category=args.category, search=args.search))
    out.show(items, lambda rows: table([r.model_dump() for r in rows],
                                       ["id", "name", "category", "credits_per_execution", "display_name"]))
    return OK


def cmd_models(client, out, args) -> int:
    if args.action == "list":
        items = list(client.models.iter(search=args.search))
        out.show(items, lambda rows: table([r.model_dump() for r in rows],
                                           ["id", "name", "is_active", "credits_per_execution", "display_name"]))
    elif args.action == "activate":
        catalog_id = args.id if args.id.startswith("mdl_") else client.catalog.find(args.id).id
        out.show(client.catalog.activate(catalog_id), lambda m: f"{m.id}  active={m.is_active}")
    elif args.action == "schema":
        schema = client.models.schema(resolve_model(client, args.id))
        out.show(schema, lambda s: json.dumps({"input_schema": s.input_schema, "example_input": s.example_input},
                                              indent=2))
    else:
        model = client.models.get(resolve_model(client, args.id))
        out.show(model, lambda m: fields(m.model_dump(), list(types.OrgModel.model_fields)))
    return OK


def cmd_run(client, out, args) -> int:
    model_id = resolve_model(client, args.model)
    outcome = client.models.execute(model_id, read_json(args.input), options=run_options(args),
                                    run_async=args.run_async or args.wait)
    return finish_run(client, out, outcome, args)


def cmd_solve(client, out, args) -> int:
    path = Path(args.file)
    try:
        text = sys.stdin.read() if args.file == "-" else path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error}") from None
    kind = args.format or {".mps": "mps", ".lp": "lp", ".json": "json"}.get(path.suffix.lower())
    if kind is None:
        raise UsageError("give --format mps|lp|json for a file without a .mps, .lp or .json suffix")
    model: dict[str, Any] = {}
    if kind == "json":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise UsageError(f"{args.file} is not JSON: {error}") from None
        model = {"model": data.get("model", data)} if isinstance(data, dict) else {"model": data}
    else:
        model = {kind: text}
    outcome = client.solve(**model, solver=args.solver, options=run_options(args),
                           run_async=args.run_async or args.wait)
    return finish_run(client, out, outcome, args)


def cmd_versions(client, out, args) -> int:
    if args.action == "list":
        versions = list(client.versions.iter(args.document))
        out.show(versions, lambda rows: table([r.model_dump() for r in rows],
                                              ["id", "sequence", "is_named", "version_name", "change_summary",
                                               "created_at"]))
    elif args.action == "show":
        version = client.versions.get(args.document, args.version)
        out.show(version, lambda v: fields(v.model_dump(), ["id", "sequence", "is_named", "version_name",
                                                            "version_description", "change_summary",
                                                            "created_at"]))
    elif args.action == "checkpoint":
        version = client.versions.checkpoint(args.document)
        out.show(version, lambda v: f"{v.id}  sequence {v.sequence}  {v.change_summary}")
    elif args.action == "restore":
        restored = client.versions.restore(args.document, args.version)
        out.show(restored, lambda r: f"restored {args.version}; safety checkpoint {r.checkpoint_id}")
    else:
        version = client.versions.promote(args.document, args.version, args.name, args.description)
        out.show(version, lambda v: f"{v.id}  named {v.version_name!r}")
    return OK


def cmd_runs(client, out, args) -> int:
    if args.action == "list":
        filters = {name: getattr(args, name) for name in ("status", "model_id", "document_id", "trigger_id")
                   if getattr(args, name)}
        runs = []
        for run in client.executions.iter(limit=min(args.limit, 100), **filters):
            runs.append(run)
            if len(runs) >= args.limit:
                break
        out.show(runs, lambda rows: table([r.model_dump() for r in rows],
                                          ["execution_id", "status", "kind", "solve_status", "credits_used",
                                           "created_at"]))
        return OK
    if args.action == "watch":
        return wait_for(client, out, args.id, args.timeout)
    if args.action == "compare":
        out.show(client.executions.compare(args.id, args.other), show_comparison)
        return OK
    execution = client.executions.cancel(args.id) if args.action == "cancel" else client.executions.get(args.id)

    def human(e: types.Execution) -> str:
        text = fields(e.model_dump(), RUN_FIELDS)
        if e.result is not None:
            text += "\n\nresult\n" + show_result(e.result)
        return text

    out.show(execution, human)
    return OK


def _percent(value: Optional[float]) -> str:
    return "-" if value is None else "0%" if value == 0 else f"{value * 100:+.3g}%"


def show_comparison(comparison: types.Comparison) -> str:
    """The summary, the objective and the solutions' numbers side by side, then each change."""
    lines = [comparison.summary, ""]
    rows = [{"value": "objective", "a": comparison.objective.a, "b": comparison.objective.b,
             "delta": comparison.objective.delta, "change": _percent(comparison.objective.relative_delta)}]
    rows += [{"value": kpi.name, "a": kpi.a, "b": kpi.b, "delta": kpi.delta, "change": _percent(kpi.relative_delta)}
             for kpi in comparison.kpis]
    lines.append(table(rows, ["value", "a", "b", "delta", "change"]))
    for title, found in (("solution changes", comparison.solution_changes),
                         ("input changes", comparison.input_changes)):
        if not found.count:
            continue
        shown = f"{len(found.changes):,} of {found.count:,}" if found.truncated else f"{found.count:,}"
        shapes = ", ".join(comparison.solution_changes.shapes)
        kind = f" ({shapes})" if found is comparison.solution_changes and shapes else ""
        lines += ["", f"{title}{kind}: {shown}",
                  table([change.model_dump() for change in found.changes], ["change", "description"])]
    lines += ["", f"A {comparison.a.execution_id}  {comparison.a.solve_status or comparison.a.status}",
              f"B {comparison.b.execution_id}  {comparison.b.solve_status or comparison.b.status}"]
    return "\n".join(lines)


TRIGGER_COLUMNS = ["id", "name", "type", "is_enabled", "model_id", "document_id", "schedule_expression",
                   "fire_count"]


def cmd_triggers(client, out, args) -> int:
    if args.action == "list":
        items = list(client.triggers.iter(type=args.type))
        out.show(items, lambda rows: table([r.model_dump() for r in rows], TRIGGER_COLUMNS))
    elif args.action == "show":
        out.show(client.triggers.get(args.id), lambda t: fields(t.model_dump(), list(types.Trigger.model_fields)))
    elif args.action == "create":
        extra = {"model_id": resolve_model(client, args.model) if args.model else None,
                 "document_id": args.document, "version_id": args.version,
                 "schedule_expression": args.schedule, "callback_url": args.callback_url,
                 "input_data": read_json(args.input) if args.input else None,
                 "input_from_event": True if args.input_from_event else None, "options": run_options(args)}
        created = client.triggers.create(args.name, args.type, **{k: v for k, v in extra.items() if v is not None})
        out.show(created, lambda t: fields(t.model_dump(), ["id", "name", "type", "webhook_url", "next_run_at",
                                                            "secret"]) + "\n(the secret is shown only now)")
    elif args.action in ("enable", "disable"):
        updated = client.triggers.update(args.id, is_enabled=args.action == "enable")
        out.show(updated, lambda t: f"{t.id}  is_enabled={t.is_enabled}")
    else:
        out.show(client.triggers.delete(args.id), lambda s: f"{args.id}  {s.status}")
    return OK


def cmd_org(client, out, args) -> int:
    out.show(client.organization.get(), lambda o: fields(o.model_dump(), ["id", "name", "credits", "created_at"]))
    return OK


# ---- parser -----------------------------------------------------------------------------

def _run_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--time-limit", type=float, metavar="S", help="solver time limit in seconds")
    parser.add_argument("--options", metavar="FILE", help="run options as JSON (time_limit_s, relative_gap...)")
    parser.add_argument("--async", dest="run_async", action="store_true", help="queue the run (202) and return")
    parser.add_argument("--wait", action="store_true", help="queue the run and wait for it, showing progress")
    parser.add_argument("--timeout", type=float, metavar="S", help="with --wait: give up waiting after S seconds")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jaot", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="The JAOT optimization API from the command line.",
        epilog="configuration: JAOT_API_KEY, JAOT_BASE_URL, or ~/.config/jaot/config.toml "
               "(api_key, base_url)\n\nexit codes:\n" + EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"jaot {jaot.__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON (for scripts) instead of tables")
    common.add_argument("--quiet", "-q", action="store_true", help="no progress display on stderr")
    common.add_argument("--api-key", help="overrides JAOT_API_KEY and the config file")
    common.add_argument("--base-url", help="overrides JAOT_BASE_URL (e.g. http://127.0.0.1:8000/api/v2)")
    common.add_argument("--profile", help="a [profiles.NAME] table of the config file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: Callable, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    catalog = command("catalog", cmd_catalog, "list the marketplace's models")
    catalog.add_argument("--category")
    catalog.add_argument("--search")

    models = command("models", cmd_models, "your models: list, activate, schema, show")
    models.add_argument("action", choices=["list", "activate", "schema", "show"])
    models.add_argument("id", nargs="?", help="exe_ id, or a catalog model's id (mdl_) or name")
    models.add_argument("--search")

    run = command("run", cmd_run, "execute a model on a JSON input")
    run.add_argument("model", help="exe_ id, or a catalog model's id (mdl_) or name (activated if needed)")
    run.add_argument("--input", required=True, metavar="FILE", help="input data as JSON ('-': stdin)")
    _run_flags(run)

    solve = command("solve", cmd_solve, "solve your own model: an .mps, .lp or .json file")
    solve.add_argument("file", help="the model file ('-': stdin, with --format)")
    solve.add_argument("--format", choices=["mps", "lp", "json"])
    solve.add_argument("--solver", choices=["auto", "glop", "pdlp", "highs", "scip", "cp_sat"])
    _run_flags(solve)

    versions = command("versions", cmd_versions, "a builder document's versions: list, show, checkpoint, "
                                                 "restore, promote")
    versions.add_argument("action", choices=["list", "show", "checkpoint", "restore", "promote"])
    versions.add_argument("document", help="doc_ id")
    versions.add_argument("version", nargs="?", help="ver_ id (show, restore, promote)")
    versions.add_argument("--name", help="promote: the version's name")
    versions.add_argument("--description", help="promote: its description")

    runs = command("runs", cmd_runs, "executions: list, show, cancel, watch, compare A B")
    runs.add_argument("action", choices=["list", "show", "cancel", "watch", "compare"])
    runs.add_argument("id", nargs="?", help="exc_ id (show, cancel, watch; compare: run A)")
    runs.add_argument("other", nargs="?", help="compare: run B (exc_ id)")
    runs.add_argument("--status", choices=["queued", "running", "succeeded", "failed", "canceled"])
    runs.add_argument("--model-id")
    runs.add_argument("--document-id")
    runs.add_argument("--trigger-id")
    runs.add_argument("--limit", type=int, default=20, help="list: at most this many runs (default 20)")
    runs.add_argument("--timeout", type=float, metavar="S", help="watch: give up after S seconds")

    triggers = command("triggers", cmd_triggers, "triggers: list, show, create, enable, disable, delete")
    triggers.add_argument("action", choices=["list", "show", "create", "enable", "disable", "delete"])
    triggers.add_argument("id", nargs="?", help="trg_ id")
    triggers.add_argument("--name")
    triggers.add_argument("--type", choices=["schedule", "webhook", "queue", "storage"])
    triggers.add_argument("--model", help="create: exe_ id or catalog name")
    triggers.add_argument("--document", help="create: doc_ id")
    triggers.add_argument("--version", help="create: ver_ id to pin")
    triggers.add_argument("--schedule", help="create: rate(5 minutes) or cron(...)")
    triggers.add_argument("--callback-url")
    triggers.add_argument("--input", metavar="FILE", help="create: input data as JSON")
    triggers.add_argument("--input-from-event", action="store_true")
    triggers.add_argument("--time-limit", type=float, metavar="S")
    triggers.add_argument("--options", metavar="FILE")

    command("org", cmd_org, "your organization and credit balance")
    return parser


NEEDS = {("models", "activate"): "id", ("models", "schema"): "id", ("models", "show"): "id",
         ("versions", "show"): "version", ("versions", "restore"): "version", ("versions", "promote"): "version",
         ("runs", "show"): "id", ("runs", "cancel"): "id", ("runs", "watch"): "id",
         ("triggers", "show"): "id", ("triggers", "enable"): "id", ("triggers", "disable"): "id",
         ("triggers", "delete"): "id", ("triggers", "create"): "name"}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    needed = NEEDS.get((args.command, getattr(args, "action", None)))
    if needed and not getattr(args, needed):
        parser.error(f"{args.command} {args.action} needs {needed.upper()}")
    if args.command == "runs" and args.action == "compare" and not (args.id and args.other):
        parser.error("runs compare needs two run ids: jaot runs compare A B")
    if args.command == "versions" and args.action == "promote" and not args.name:
        parser.error("versions promote needs --name")
    if args.command == "triggers" and args.action == "create" and not args.type:
        parser.error("triggers create needs --type")
    out = Output(args.json, args.quiet)
    try:
        with jaot.Client(api_key=args.api_key, base_url=args.base_url, profile=args.profile,
                         require_key=args.command != "catalog") as client:
            return args.handler(client, out, args)
    except (jaot.JaotError, UsageError) as error:
        code = exit_code_for(error)
        if args.json:
            print(json.dumps(_error_json(error)), file=sys.stderr)
        else:
            print(f"jaot: {_error_text(error)}", file=sys.stderr)
        return code
    except KeyboardInterrupt:
        return 130


def _error_json(error: BaseException) -> dict:
    if isinstance(error, errors.ApiError):
        return {"error": error.code, "status": error.status, "message": error.message, "details": error.details}
    return {"error": type(error).__name__, "message": str(error)}


def _error_text(error: BaseException) -> str:
    if isinstance(error, errors.ApiError):
        text = f"{error.message} ({error.status} {error.code})"
        for problem in error.field_errors[:10]:
            text += f"\n  {problem.field}: {problem.message}"
        return text
    return str(error)


def entry_point() -> None:  # the `jaot` console script
    sys.exit(main())
