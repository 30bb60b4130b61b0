"""`make layer`: OR-Tools as a Lambda layer, built from requirements-solver.txt for the runtime.

    python -m deploy.layer [--out build/layer] [--check-with /path/to/python3.12]

Writes OUT/solver-layer.zip (a `python/` folder, which Lambda puts on sys.path),
prints its size and fails when it breaks Lambda's limits. `--check-with` imports
the unzipped layer with that interpreter and solves a small model.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from deploy.lambda_runtime import foreign_extensions, pip_install, trim, write_zip
from deploy.sizes import MIB, measure, report_and_check

ROOT = Path(__file__).resolve().parent.parent
LAYER_ZIP = "solver-layer.zip"
# ~243 MB as pip installs it, ~161 MB without these (DESIGN.md). Never strip the .so
# files: numpy then fails to load.
TRIM = ("**/__pycache__", "**/tests", "**/*.pyi", "numpy/_core/include", "numpy/f2py")

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
print("layer imports and solves")
"""


def build_layer(out: Path) -> Path:
    site = out / "python"
    pip_install(ROOT / "requirements-solver.txt", site)
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
