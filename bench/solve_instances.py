"""JAOT's general solver on the public instances, against plain HiGHS on the same files.

For every instance in tests/data/instances/manifest.json (docs/solve-instances.md lists them):
JAOT's time is compile_text + solve_model, as POST /solve runs them (solver `auto` unless
--solver), with `options.explain` off ("our ms", of which "read ms" is compile_text) and on
("explained ms": the same plus the explanation, which plain HiGHS does not compute); HiGHS's is highspy readModel + run, in a child process (bench/highs_worker.py:
highspy and ortools cannot share a process). Both are wall time, the median of --repeat runs
after a warm-up, with the library defaults (threads included) and the same time limit.
"Correct" is the rule of tests/engine/test_public_instances.py: the published status and, when
optimal, the published objective within 1e-6 relative plus any gap the result says it proved.
A file the engine cannot read shows as `unreadable`, a model the chosen --solver does not take
as `refused`; both are left out of the time ratios of instances it ran.

    .venv/bin/python bench/solve_instances.py [--repeat 3] [--solver auto] [--only NAME[,NAME]]
                                              [--time-limit 10] [--markdown]
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chalicelib.engine.generic import ModelError, SolverChoice, compile_text, solve_model  # noqa: E402
from chalicelib.engine.options import RunOptions  # noqa: E402

INSTANCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "instances"
WORKER = Path(__file__).resolve().parent / "highs_worker.py"
LP_RELATIVE = 1e-6


def correct(instance: dict, status: str, objective: float | None, gap_tolerance: float | None) -> bool:
    if status != instance["status"]:
        return False
    if status != "optimal":
        return True
    expected = instance["objective"]
    scale = max(1.0, abs(expected))
    return objective is not None and abs(objective - expected) <= ((gap_tolerance or 0.0) + LP_RELATIVE) * scale


def run_jaot(instance: dict, solver: str, time_limit_s: float,
             explain: bool) -> tuple[str, float | None, float | None, float, float]:
    """Status, objective, gap_tolerance, wall ms of one compile_text + solve_model, and of the read."""
    text = (INSTANCES / instance["file"]).read_text()
    started = time.perf_counter()
    try:
        model = compile_text(text, instance["format"])
    except ModelError:
        elapsed = (time.perf_counter() - started) * 1000
        return "unreadable", None, None, elapsed, elapsed
    read_ms = (time.perf_counter() - started) * 1000
    try:
        outcome = solve_model(model, RunOptions(time_limit_s=time_limit_s, explain=explain), solver)
        result = outcome.status, outcome.objective_value, outcome.gap_tolerance
    except ModelError:
        result = "refused", None, None  # e.g. an LP-only --solver on a MIP
    except Exception as error:  # a crash is a result here, not the end of the bench
        result = f"crash: {type(error).__name__}", None, None
    return (*result, (time.perf_counter() - started) * 1000, read_ms)


def run_highs(instances: list[dict], repeat: int, time_limit_s: float) -> tuple[str, dict[str, dict]]:
    paths = [str(INSTANCES / instance["file"]) for instance in instances]
    done = subprocess.run([sys.executable, str(WORKER), "--repeat", str(repeat), "--time-limit", str(time_limit_s),
                           *paths], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    return report["version"], {instance["name"]: report["results"][path] for instance, path in zip(instances, paths)}


def warm_up(solver: str) -> None:
    """Imports and solver start-up, once, outside every timing (HiGHS's worker does the same)."""
    lp = "NAME WARM\nROWS\n N obj\n L c\nCOLUMNS\n x obj -1 c 1\nRHS\n rhs c 1\nBOUNDS\n UP b x 4\nENDATA\n"
    mip = lp.replace("COLUMNS\n", "COLUMNS\n M1 'MARKER' 'INTORG'\n").replace("RHS\n", " M2 'MARKER' 'INTEND'\nRHS\n")
    for text in (lp, mip):
        try:
            solve_model(compile_text(text, "mps"), RunOptions(time_limit_s=1.0), solver)
        except ModelError:
            pass  # an LP-only solver asked for the MIP


def objective_text(value: float | None) -> str:
    return "" if value is None else f"{value:.10g}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--solver", default="auto", choices=typing.get_args(SolverChoice))
    parser.add_argument("--only", help="instance names, comma-separated")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds, both sides")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    instances = json.loads((INSTANCES / "manifest.json").read_text())["instances"]
    if args.only:
        wanted = set(args.only.split(","))
        instances = [instance for instance in instances if instance["name"] in wanted]
        if missing := wanted - {instance["name"] for instance in instances}:
            parser.error(f"no such instance: {', '.join(sorted(missing))}")

    highs_version, highs = run_highs(instances, args.repeat, args.time_limit)
    warm_up(args.solver)
    rows = []
    for instance in instances:
        runs = [run_jaot(instance, args.solver, args.time_limit, explain=False) for _ in range(args.repeat)]
        explained = [run_jaot(instance, args.solver, args.time_limit, explain=True) for _ in range(args.repeat)]
        status, objective, gap_tolerance, _, _ = runs[-1]
        ours_ms = statistics.median(run[3] for run in runs)
        theirs = highs[instance["name"]]
        rows.append({
            "instance": instance["name"], "class": instance["class"], "format": instance["format"],
            "expected": objective_text(instance.get("objective")) or instance["status"],
            "status": status, "objective": objective_text(objective),
            "correct": correct(instance, status, objective, gap_tolerance),
            "highs_correct": correct(instance, theirs["status"], theirs["objective"], None),
            "ours_ms": ours_ms, "highs_ms": statistics.median(theirs["ms"]),
            "read_ms": statistics.median(run[4] for run in runs),
            "explained_ms": statistics.median(run[3] for run in explained),
        })
    print_report(rows, args, highs_version)


def print_report(rows: list[dict], args: argparse.Namespace, highs_version: str) -> None:
    from ortools import __version__ as ortools_version

    header = ["instance", "class", "expected", "our status", "our objective", "correct", "read ms", "our ms",
              "explained ms", "HiGHS ms", "ratio"]
    table = [[r["instance"], f"{r['class']} ({r['format']})", r["expected"], r["status"], r["objective"],
              "yes" if r["correct"] else "NO", f"{r['read_ms']:.1f}", f"{r['ours_ms']:.1f}", f"{r['explained_ms']:.1f}",
              f"{r['highs_ms']:.1f}" + ("" if r["highs_correct"] else " (wrong)"),
              f"{r['ours_ms'] / r['highs_ms']:.2f}"] for r in rows]
    print(f"OR-Tools {ortools_version}, highspy {highs_version}; solver {args.solver}; "
          f"median of {args.repeat} runs; time limit {args.time_limit:g} s")
    print()
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---:" if h.endswith(("ms", "ratio")) else "---" for h in header) + "|")
        for line in table:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(h), *(len(line[i]) for line in table)) for i, h in enumerate(header)]
        for line in [header, *table]:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)))
    print()
    solved = [r for r in rows if r["correct"]]
    print(f"correct: {len(solved)}/{len(rows)} (HiGHS: {sum(r['highs_correct'] for r in rows)}/{len(rows)})")
    ran = [r for r in rows if r["status"] not in ("unreadable", "refused") and not r["status"].startswith("crash")]
    for label, subset in (("instances JAOT read and ran", ran), ("instances JAOT solves correctly", solved)):
        if subset:
            geometric = math.exp(statistics.fmean(math.log(r["ours_ms"] / r["highs_ms"]) for r in subset))
            total = sum(r["ours_ms"] for r in subset) / sum(r["highs_ms"] for r in subset)
            print(f"time ratio JAOT/HiGHS over {label} ({len(subset)}): geometric mean {geometric:.2f}, "
                  f"total {total:.2f} ({sum(r['ours_ms'] for r in subset) / 1000:.3f} s vs "
                  f"{sum(r['highs_ms'] for r in subset) / 1000:.3f} s)")
    for label, subset in (("the solve alone (read excluded)", solved),):
        if subset:
            geometric = math.exp(statistics.fmean(math.log(max(0.01, r["ours_ms"] - r["read_ms"]) / r["highs_ms"])
                                                  for r in subset))
            print(f"time ratio over {label}: geometric mean {geometric:.2f}")
    if solved:
        geometric = math.exp(statistics.fmean(math.log(r["explained_ms"] / r["highs_ms"]) for r in solved))
        total = sum(r["explained_ms"] for r in solved) / sum(r["highs_ms"] for r in solved)
        print(f"with the explanation (explain on, the default): geometric mean {geometric:.2f}, total {total:.2f}")
    for kind in ("lp", "mip"):
        subset = [r for r in solved if r["class"] == kind]
        if subset:
            geometric = math.exp(statistics.fmean(math.log(r["ours_ms"] / r["highs_ms"]) for r in subset))
            total = sum(r["ours_ms"] for r in subset) / sum(r["highs_ms"] for r in subset)
            print(f"  {kind}s ({len(subset)}): geometric mean {geometric:.2f}, total {total:.2f}")


if __name__ == "__main__":
    main()
