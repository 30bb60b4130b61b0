"""Which backend should `auto` run? Time every candidate on public instances, per model class.

Reads every .mps / .lp (optionally .gz) file in the given folders, classifies it as
generic.model_class does (lp, integer: integral data and bounds, mip: the rest), and
solves it through generic.solve_model with each candidate of its class: GLOP, HiGHS,
PDLP for LPs; HiGHS, SCIP, CP-SAT for integer models and MIPs (CP-SAT refuses
continuous variables). A result is right when its status is the known one and, when
`optimal`, its objective is the known optimum (within 1e-6 relative for LPs, 1e-4 for
MIPs): known from a manifest*.json beside the files ({"instances": [{"file", "status",
"objective"}]}), else what most backends agree on. Prints one line per instance and
backend, then per class and backend: right, wrong, refused, total seconds (a run that
is not right counts the whole limit) and the shifted geometric mean.

    .venv/bin/python bench/solver_choice.py [--time-limit 10] [--generated] [--json out.json]
        [--highs-check GIT_DIR] DIR...

--highs-check takes a git directory of github.com/ERGO-Code/HiGHS (e.g. what the fetch tool
brings) and adds the MPS files of its check/instances named in HIGHS_CHECK, with the one
optimum HiGHS' tests publish that the solvers disagree on (issue-2173).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chalicelib.engine.expressions import Linear  # noqa: E402
from chalicelib.engine.generic import (  # noqa: E402
    CompiledModel, CompiledRow, CompiledVariable, ModelError, compile_text, model_class, solve_model)
from chalicelib.engine.options import RunOptions  # noqa: E402

CANDIDATES = {"lp": ["glop", "highs", "pdlp"], "integer": ["highs", "scip", "cp_sat"],
              "mip": ["highs", "scip", "cp_sat"]}
HIGHS_CHECK = ["25fv47", "80bau3b", "adlittle", "afiro", "bgetam", "box1", "cplex1", "e226", "etamacro",
               "ex72a", "forest6", "gams10am", "gas11", "greenbea", "israel", "klein1", "perold", "qap04",
               "refinery", "scrs8", "shell", "stair", "standata", "standmps", "vol1", "woodinfe", "3015", "bell5",
               "egout", "flugpl", "gesa2", "gt2", "infeasible-mip1", "issue-2446", "rgn", "sp150x300d",
               "issue-2095", "issue-2402", "lseu", "p01", "p0548", "issue-2173"]
HIGHS_CHECK_KNOWN = [{"file": "issue-2173.mps", "status": "optimal", "objective": -26770.8075489}]
"""HiGHS check/TestMipSolver.cpp, TEST_CASE("issue-2173"): solved with mip_rel_gap = 0."""
SHIFT_S = 1.0  # shifted geometric mean, as MIPLIB/Mittelmann report (their shift is 10 s on hour-long limits)


def read_instances(folders: list[Path]) -> list[tuple[str, CompiledModel, dict]]:
    """(name, model, known) for each readable file; a name met twice is taken from the first folder."""
    known: dict[str, dict] = {}
    for folder in reversed(folders):
        known.update(read_manifest(folder))
    found, seen = [], set()
    for folder in folders:
        for path in sorted(folder.iterdir()):
            name = path.name.removesuffix(".gz")
            text_format = name.rsplit(".", 1)[-1].lower()
            stem = name.split(".")[0]
            if text_format not in ("mps", "lp") or stem in seen:
                continue
            raw = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
            try:
                model = compile_text(raw.decode("latin-1"), text_format)
            except ModelError as error:
                print(f"# skip {name}: {error}", file=sys.stderr)
                continue
            seen.add(stem)
            found.append((stem, model, known.get(stem, {})))
    return found


def export_highs_check(git_dir: Path) -> Path:
    """The HIGHS_CHECK files of a HiGHS git directory, in a temporary folder with a manifest."""
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="highs-check-"))
    for name in HIGHS_CHECK:
        text = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:check/instances/{name}.mps"],
                              check=True, capture_output=True).stdout
        (folder / f"{name}.mps").write_bytes(text)
    (folder / "manifest.json").write_text(json.dumps({"instances": HIGHS_CHECK_KNOWN}))
    return folder


def generated() -> list[tuple[str, CompiledModel, dict]]:
    """Pure-integer models with integral data (the class CP-SAT takes as is), seeded."""
    def model(variables, rows, costs, maximize):
        return CompiledModel(variables, rows, Linear(costs), maximize)

    found = []
    rng = random.Random(11)  # multi-dimensional knapsack: 60 items, 5 capacities
    items = [CompiledVariable(f"x{j}", True, 0, 1) for j in range(60)]
    rows = [CompiledRow(f"cap{r}", weights := {v.name: rng.randint(5, 60) for v in items}, -math.inf,
                        sum(weights.values()) // 2) for r in range(5)]
    found.append(("gen-knapsack", model(items, rows, {v.name: rng.randint(10, 80) for v in items}, True), {}))
    rng = random.Random(12)  # weighted set cover: 80 elements, 160 sets of 3-8 elements
    sets = [CompiledVariable(f"s{j}", True, 0, 1) for j in range(160)]
    members = {v.name: rng.sample(range(80), rng.randint(3, 8)) for v in sets}
    rows = [CompiledRow(f"e{e}", {name: 1 for name, m in members.items() if e in m} or {sets[e].name: 1}, 1, math.inf)
            for e in range(80)]
    found.append(("gen-setcover", model(sets, rows, {v.name: rng.randint(1, 20) for v in sets}, False), {}))
    rng = random.Random(13)  # generalized assignment: 8 agents, 40 jobs
    pairs = [(a, j) for a in range(8) for j in range(40)]
    x = {(a, j): CompiledVariable(f"x{a}_{j}", True, 0, 1) for a, j in pairs}
    size = {p: rng.randint(5, 25) for p in pairs}
    rows = [CompiledRow(f"job{j}", {x[a, j].name: 1 for a in range(8)}, 1, 1) for j in range(40)]
    rows += [CompiledRow(f"agent{a}", {x[a, j].name: size[a, j] for j in range(40)}, -math.inf,
                         sum(size[a, j] for j in range(40)) // 10 + 20) for a in range(8)]  # ~1/10 + slack
    found.append(("gen-gap", model(list(x.values()), rows, {x[p].name: rng.randint(10, 50) for p in pairs}, False),
                  {}))
    return found


def read_manifest(folder: Path) -> dict[str, dict]:
    """file stem -> {"status", "objective"} known, from manifest*.json / manifest*.csv in the folder."""
    rows: list[dict] = []
    for path in folder.glob("manifest*.json"):
        data = json.loads(path.read_text())
        rows += data.get("instances", []) if isinstance(data, dict) else data
    for path in folder.glob("manifest*.csv"):
        rows += list(csv.DictReader(path.open()))
    known = {}
    for row in rows:
        name = row.get("file") or row.get("name")
        if not name:
            continue
        entry = {"status": row.get("status") or "optimal"}
        if row.get("objective") not in (None, ""):
            entry["objective"] = float(row["objective"])
        known[Path(str(name)).name.split(".")[0]] = entry
    return known


def right(objective: float | None, target: float | None, is_mip: bool) -> bool | None:
    if target is None or objective is None:
        return None
    tolerance = 1e-4 if is_mip else 1e-6
    return abs(objective - target) <= tolerance * max(1.0, abs(target)) + 1e-6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--highs-check", type=Path, help="a git directory of ERGO-Code/HiGHS")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--json", type=Path, help="write every run here")
    parser.add_argument("--only", help="comma-separated instance names")
    parser.add_argument("--generated", action="store_true", help="add three seeded pure-integer models")
    args = parser.parse_args()
    folders = args.folders + ([export_highs_check(args.highs_check)] if args.highs_check else [])
    instances = read_instances(folders) + (generated() if args.generated else [])
    if args.only:
        instances = [i for i in instances if i[0] in args.only.split(",")]
    options = RunOptions(time_limit_s=args.time_limit)
    warm = CompiledModel([CompiledVariable("x", True, 0, 3)], [CompiledRow("c", {"x": 2}, -math.inf, 5)],
                         Linear({"x": 1}), True)
    for backend in ("glop", "pdlp", "highs", "scip", "cp_sat"):  # load each solver before timing it
        solve_model(warm if backend not in ("glop", "pdlp") else
                    CompiledModel([CompiledVariable("x", False, 0, 3)], warm.rows, warm.objective, True),
                    options, backend)
    runs = []
    print(f"{'instance':<16}{'class':<9}{'vars':>7}{'rows':>7}  {'backend':<8}{'seconds':>9}  {'status':<11}"
          f"{'objective':>18}  solver")
    for name, model, known in instances:
        kind = model_class(model)
        results = []
        for backend in CANDIDATES[kind]:
            started = time.perf_counter()
            try:
                outcome = solve_model(model, options, backend)
            except ModelError:
                continue  # the solver cannot take this model (CP-SAT and continuous variables)
            seconds = time.perf_counter() - started
            results.append({"instance": name, "class": kind, "backend": backend, "seconds": round(seconds, 3),
                            "status": outcome.status, "objective": outcome.objective_value, "gap": outcome.gap,
                            "solver": outcome.solver})
        target, expected = known.get("objective"), known.get("status")
        if not known:  # no manifest entry: the objective (or status) most backends agree on
            optima = [r["objective"] for r in results if r["status"] == "optimal" and r["objective"] is not None]
            target = statistics.median(optima) if len(optima) >= 2 else None
            ends = [r["status"] for r in results if r["status"] in ("infeasible", "unbounded")]
            expected = ends[0] if ends and not optima else None
        for r in results:
            if r["status"] == "optimal":
                verdict = right(r["objective"], target, kind != "lp")
                r["wrong"] = verdict is False or expected in ("infeasible", "unbounded")
            elif r["status"] in ("infeasible", "unbounded"):
                r["wrong"] = expected is not None and r["status"] != expected
            else:
                r["wrong"] = False
            r["right"] = r["status"] in ("optimal", "infeasible", "unbounded") and not r["wrong"]
            r["known"] = target if target is not None else expected
            objective = "-" if r["objective"] is None else f"{r['objective']:.10g}"
            flag = " WRONG" if r["wrong"] else ""
            print(f"{name:<16}{kind:<9}{len(model.variables):>7}{len(model.rows):>7}  {r['backend']:<8}"
                  f"{r['seconds']:>9.3f}  {r['status']:<11}{objective:>18}  {r['solver']}{flag}", flush=True)
        runs += results

    print(f"\nper class and backend (limit {args.time_limit:g} s; unsolved runs count the limit)")
    print(f"{'class':<9}{'backend':<8}{'instances':>10}{'right':>7}{'wrong':>7}{'total s':>10}{'sgm s':>9}")
    for kind in ("lp", "integer", "mip"):
        for backend in CANDIDATES[kind]:
            mine = [r for r in runs if r["class"] == kind and r["backend"] == backend]
            if not mine:
                continue
            charged = [r["seconds"] if r["right"] else max(r["seconds"], args.time_limit) for r in mine]
            sgm = math.exp(sum(math.log(s + SHIFT_S) for s in charged) / len(charged)) - SHIFT_S
            print(f"{kind:<9}{backend:<8}{len(mine):>10}{sum(r['right'] for r in mine):>7}"
                  f"{sum(r['wrong'] for r in mine):>7}{sum(charged):>10.2f}{sgm:>9.3f}")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
