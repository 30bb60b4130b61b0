"""The packaged template, built once per test session (about 25 s) for every test file here."""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Package:
    folder: Path
    output: str

    @property
    def template(self) -> dict[str, Any]:
        return json.loads((self.folder / "sam.json").read_text())

    def resources(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {name: r for name, r in self.template["Resources"].items() if r["Type"] == resource_type}


@pytest.fixture(scope="session")
def package(tmp_path_factory) -> Package:
    """Packaged once per session; under xdist, once for all workers (they share the parent temp dir)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder, log = shared / "package-dev", shared / "package-dev.log"
    with open(shared / "package.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            env = {name: value for name, value in os.environ.items()
                   if not name.startswith(("AWS_", "JAOT_"))}  # no credentials, no test settings
            env["AWS_DEFAULT_REGION"] = "us-east-1"
            result = subprocess.run([sys.executable, "-m", "deploy.package", "--stage", "dev", "--out", str(folder)],
                                    cwd=ROOT, env=env, capture_output=True, text=True)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            log.write_text(result.stdout)
    return Package(folder, log.read_text())
