"""Sizes of what `make package` built: the function zip and the OR-Tools layer, zipped and
unzipped, against Lambda's limits (the same report `make package` prints).

    python bench/package_sizes.py [STAGE]    (after `make package STAGE=...`)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.sizes import measure, report_and_check  # noqa: E402


def main() -> int:
    stage = sys.argv[1] if len(sys.argv) > 1 else "dev"
    folder = ROOT / "build" / "package" / stage
    zips = [(folder / "deployment.zip", "function (deployment.zip)"), (folder / "solver-layer.zip", "solver layer")]
    missing = [str(path) for path, _ in zips if not path.exists()]
    if missing:
        print(f"missing {missing}: run `make package STAGE={stage}` first")
        return 1
    problems = report_and_check([measure(path, name) for path, name in zips])
    for problem in problems:
        print(f"OVER THE LIMIT: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
