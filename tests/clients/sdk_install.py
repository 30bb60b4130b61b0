"""The SDK installed as pip installs it (`pip install ./clients/python`), into a folder of
its own: the CLI tests run its `jaot` console script, and the docs' shell examples find it
on PATH. Offline: no build isolation, the venv's setuptools builds it."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SDK = ROOT / "clients" / "python"


@functools.cache
def installed_sdk() -> Path:
    """The folder holding the installed package (and `bin/jaot`); once per process."""
    work = Path(tempfile.mkdtemp(prefix="jaot-sdk-"))
    source, target = work / "source", work / "installed"
    # Built from a copy: parallel test workers must not share the build's scratch folders.
    shutil.copytree(SDK, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(source)], check=True, capture_output=True,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}, timeout=300)
    return target


def sdk_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """An environment whose PATH finds the installed `jaot` and whose Python imports it."""
    env = dict(os.environ if env is None else env)
    target = installed_sdk()
    env["PATH"] = f"{target / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(target)
    return env
