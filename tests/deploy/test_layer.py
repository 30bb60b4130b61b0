"""The solver layer's requirements: installed with --no-deps, so requirements-solver.txt must pin
everything OR-Tools and PyVRP need at run time, and nothing they only need for plotting.

Checked against the distributions installed in this environment (the same pins, `make test`
installs them); building the layer itself needs PyPI and is `make layer` (docs/deployment.md).
"""
from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from deploy.lambda_runtime import missing_dependencies
from deploy.layer import NOT_SHIPPED

ROOT = Path(__file__).resolve().parents[2]


def solver_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements-solver.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            (version,) = [spec.version for spec in requirement.specifier if spec.operator == "=="]
            pins[canonicalize_name(requirement.name)] = version
    return pins


def test_every_runtime_dependency_of_the_solvers_is_pinned_and_installed_at_that_version():
    pins = solver_pins()
    assert {"ortools", "pyvrp", "numpy"} <= set(pins)
    runtime = {"python_version": "3.12", "python_full_version": "3.12.0", "sys_platform": "linux",
               "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix", "extra": ""}
    unpinned = {}
    for name, version in pins.items():
        assert importlib.metadata.version(name) == version, name
        for line in importlib.metadata.requires(name) or []:
            requirement = Requirement(line)
            needed = canonicalize_name(requirement.name)
            if requirement.marker is not None and not requirement.marker.evaluate(runtime):
                continue
            if needed not in pins and needed not in NOT_SHIPPED:
                unpinned.setdefault(needed, []).append(name)
    assert unpinned == {}


def test_only_pyvrp_declares_what_the_layer_leaves_out_and_pyvrp_imports_without_it():
    assert set(NOT_SHIPPED) == {"matplotlib", "tqdm"}
    declared = {canonicalize_name(Requirement(line).name) for line in importlib.metadata.requires("pyvrp")}
    assert set(NOT_SHIPPED) <= declared
    code = ("import sys, pyvrp, pyvrp.solve\n"
            "print(sorted(m for m in ('matplotlib', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _dist(site: Path, name: str, *requires: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", "Version: 1.0", *(f"Requires-Dist: {r}" for r in requires)]
    info.joinpath("METADATA").write_text("\n".join(lines) + "\n\nRequires-Dist: not-a-header-line\n")


def test_missing_dependencies_evaluates_markers_for_the_lambda_runtime(tmp_path):
    _dist(tmp_path, "Solver", "numpy>=2", "matplotlib", "tzdata; sys_platform == 'win32'",
          "pytest; extra == 'test'", "backport; python_version < '3.11'", "six; python_version >= '3.12'")
    _dist(tmp_path, "numpy")
    assert missing_dependencies(tmp_path) == {"matplotlib": ["Solver"], "six": ["Solver"]}
