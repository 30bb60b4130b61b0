"""Lambda's size limits, and what a function and its layers weigh against them."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024
UNZIPPED_LIMIT = 250 * MIB
"""A function's code plus all its layers, unzipped: the limit that binds when zips go through S3."""
DIRECT_UPLOAD_LIMIT = 50 * MIB
"""A zip sent inside a Lambda API request. Larger ones must be uploaded through S3, which
is what `aws cloudformation package` does with the template's local CodeUri/ContentUri."""


@dataclass(frozen=True)
class ZipSize:
    name: str
    zipped: int
    unzipped: int

    def line(self) -> str:
        return f"{self.name:<28} {self.zipped / MIB:8.1f} MiB zipped {self.unzipped / MIB:8.1f} MiB unzipped"


def measure(path: Path, name: str | None = None) -> ZipSize:
    with zipfile.ZipFile(path) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
    return ZipSize(name or path.name, path.stat().st_size, unzipped)


def report_and_check(parts: list[ZipSize]) -> list[str]:
    """Print each part and the total; return the limits they break (empty when all fit)."""
    problems = []
    for part in parts:
        print(part.line())
        if part.zipped > DIRECT_UPLOAD_LIMIT:
            print(f"  (above the {DIRECT_UPLOAD_LIMIT / MIB:.0f} MiB direct-upload limit: "
                  "deploy it through S3, as `aws cloudformation package` does)")
        if part.unzipped > UNZIPPED_LIMIT:
            problems.append(f"{part.name} is {part.unzipped / MIB:.1f} MiB unzipped")
    total = sum(part.unzipped for part in parts)
    print(f"{'function + layers':<28} {'':>19} {total / MIB:8.1f} MiB unzipped "
          f"(limit {UNZIPPED_LIMIT / MIB:.0f} MiB)")
    if total > UNZIPPED_LIMIT:
        problems.append(f"function and layers are {total / MIB:.1f} MiB unzipped; Lambda's limit is "
                        f"{UNZIPPED_LIMIT / MIB:.0f} MiB")
    return problems
