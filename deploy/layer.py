"""`make layer`: OR-Tools and PyVRP as a Lambda layer, built from requirements-solver.txt for the runtime.

    python -m deploy.layer [--out build/layer] [--check-with /path/to/python3.12]

Writes OUT/solver-layer.zip (a `python/` folder, which Lambda puts on sys.path),
prints its size and fails when it breaks Lambda's limits. `--check-with` imports
the unzipped layer with that interpreter and solves a small model with each solver.

The list is installed with --no-deps: requirements-solver.txt pins every package the
solvers need, and the build fails when an installed package declares a dependency that
is neither there nor one of NOT_SHIPPED (PyVRP's plotting and command-line extras).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from deploy.lambda_runtime import foreign_extensions, missing_dependencies, pip_install, trim, write_zip
from deploy.sizes import MIB, measure, report_and_check

ROOT = Path(__file__).resolve().parent.parent
LAYER_ZIP = "solver-layer.zip"
# ~243 MB as pip installs it, ~161 MB without these (DESIGN.md). Never strip the .so
# files: numpy then fails to load.
TRIM = ("**/__pycache__", "**/tests", "**/*.pyi", "numpy/_core/include", "numpy/f2py")
# Declared by PyVRP but never imported when solving: pyvrp.plotting needs matplotlib (~35 MB
# with its own dependencies), pyvrp.cli needs tqdm. (vrplib is imported by `import pyvrp`.)
NOT_SHIPPED = {"matplotlib": "pyvrp.plotting", "tqdm": "pyvrp.cli"}

SMOKE_TEST = """
from ortools.sat.python import cp_model
from ortools.linear_solver import pywraplp
model = cp_model.CpModel()
x = model.new_int_var(0, 10, "x")
model.add(2 * x <= 7)
model.maximize(x)
solver = cp_model.CpSolver()
assert solver.solve(model) == cp_model.OPTIMAL and solver.value(x) == 3
assert pywraplp.Solver.CreateSolver("GLOP") is not None

import importlib.util
import pyvrp
from pyvrp.stop import MaxIterations
m = pyvrp.Model()
depot = m.add_depot(m.add_location(0, 0))
m.add_vehicle_type(num_available=2, capacity=[12])
clients = [m.add_client(m.add_location(x, y), delivery=[6]) for x, y in ((0, 3), (4, 0), (3, 4))]
for frm in m.locations:
    for to in m.locations:
        m.add_edge(frm, to, distance=round(((frm.x - to.x) ** 2 + (frm.y - to.y) ** 2) ** 0.5))
result = m.solve(stop=MaxIterations(200), display=False)
assert result.is_feasible(), result
assert [name for name in ("matplotlib", "tqdm") if importlib.util.find_spec(name)] == []

import fast_tsp
square = [[0, 1, 2, 1], [1, 0, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]]
assert fast_tsp.compute_cost(fast_tsp.find_tour(square, 0.1), square) == 4
print("layer imports and solves (CP-SAT, GLOP, PyVRP, fast-tsp)")
"""


def build_layer(out: Path) -> Path:
    site = out / "python"
    pip_install(ROOT / "requirements-solver.txt", site, no_deps=True)
    unpinned = {name: who for name, who in missing_dependencies(site).items() if name not in NOT_SHIPPED}
    if unpinned:
        raise SystemExit(f"layer: dependencies not pinned in requirements-solver.txt: {unpinned}")
    removed = trim(site, TRIM)
    print(f"trimmed {removed / MIB:.1f} MiB (tests, type stubs, numpy headers and f2py, __pycache__)")
    foreign = foreign_extensions(site)
    if foreign:
        raise SystemExit(f"layer: modules built for another Python than the runtime: {foreign[:5]}")
    archive = out / LAYER_ZIP
    write_zip(site, archive, prefix="python")
    return archive


def smoke_test(site: Path, python: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONNOUSERSITE": "1"}
    subprocess.run([python, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r})\n{SMOKE_TEST}"],
                   env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "layer")
    parser.add_argument("--check-with", metavar="PYTHON", help="a python3.12 to import the layer with")
    args = parser.parse_args(argv)
    archive = build_layer(args.out)
    problems = report_and_check([measure(archive, "solver layer")])
    if problems:
        raise SystemExit("layer: " + "; ".join(problems))
    if args.check_with:
        smoke_test(args.out / "python", args.check_with)
    print(f"wrote {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
