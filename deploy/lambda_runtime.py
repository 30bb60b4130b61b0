"""The Lambda runtime we build for, and installing wheels for it from this machine.

OR-Tools >= 9.12 ships only manylinux_2_27/2_28 wheels and numpy >= 2.3 needs a
newer C library than the python3.11 runtime has, so functions run on python3.12
(Amazon Linux 2023) whatever Python builds the package (DESIGN.md).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Iterable

RUNTIME = "python3.12"
PYTHON_VERSION = "3.12"
ARCHITECTURE = "x86_64"
RUNTIME_GLIBC_MINOR = 34  # Amazon Linux 2023 has glibc 2.34
# Every manylinux tag the runtime can load: pip does not infer the older ones from the newest.
PLATFORMS = ([f"manylinux_2_{minor}_{ARCHITECTURE}" for minor in range(RUNTIME_GLIBC_MINOR, 4, -1)]
             + [f"manylinux2014_{ARCHITECTURE}", f"manylinux2010_{ARCHITECTURE}", f"manylinux1_{ARCHITECTURE}"])


def pip_install(requirements: Path, target: Path, *, no_deps: bool = False) -> None:
    """Install `requirements` as the Lambda runtime would need them; any package without a
    wheel for it fails here (--only-binary), rather than being skipped with a warning.
    `no_deps`: install exactly the pinned list, none of the packages' declared dependencies."""
    if target.exists():
        shutil.rmtree(target)
    platforms = [arg for platform in PLATFORMS for arg in ("--platform", platform)]
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-compile", "--target", str(target),
         *platforms, "--implementation", "cp", "--python-version", PYTHON_VERSION,
         "--only-binary=:all:", *(["--no-deps"] if no_deps else []), "-r", str(requirements)],
        check=True,
    )


def missing_dependencies(root: Path) -> dict[str, list[str]]:
    """Dependencies the distributions installed under `root` declare for the runtime (markers
    evaluated for Linux x86_64, Python 3.12, no extras) but that are not installed there:
    {missing name: [who requires it]}."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    environment = {**default_environment(), "python_version": PYTHON_VERSION, "python_full_version": "3.12.0",
                   "sys_platform": "linux", "platform_system": "Linux", "platform_machine": ARCHITECTURE,
                   "os_name": "posix", "implementation_name": "cpython", "extra": ""}
    metadata = sorted(root.glob("*.dist-info/METADATA"))
    installed = {canonicalize_name(_metadata_field(path, "Name")[0]) for path in metadata}
    missing: dict[str, list[str]] = {}
    for path in metadata:
        for line in _metadata_field(path, "Requires-Dist"):
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
            if (requirement.marker is None or requirement.marker.evaluate(environment)) and name not in installed:
                missing.setdefault(name, []).append(_metadata_field(path, "Name")[0])
    return missing


def _metadata_field(path: Path, field: str) -> list[str]:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return [line.split(":", 1)[1].strip() for line in header.splitlines() if line.startswith(f"{field}:")]


def trim(root: Path, patterns: Iterable[str]) -> int:
    """Delete what matches the glob patterns under `root`; the bytes removed."""
    removed = 0
    for pattern in patterns:
        for path in sorted(root.glob(pattern), reverse=True):
            if path.is_dir() and not path.is_symlink():
                removed += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
                shutil.rmtree(path)
            elif path.exists():
                removed += path.stat().st_size
                path.unlink()
    return removed


def foreign_extensions(root: Path) -> list[str]:
    """Compiled modules built for another CPython than the runtime's (they would not import)."""
    tag = "cpython-" + PYTHON_VERSION.replace(".", "")
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.so")
                  if re.search(r"\.cpython-\d+", p.name) and tag not in p.name)


def write_zip(source: Path, archive: Path, prefix: str = "") -> None:
    """Zip `source`'s contents (under `prefix/`), in a stable order, maximally compressed."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                out.write(path, str(Path(prefix) / path.relative_to(source)))
