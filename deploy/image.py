"""`make image`: the solver image the Fargate task definition names (deploy/image/Dockerfile).

    python -m deploy.image [--out build/image] [--tag jaot-solver:latest]

Stages the build context in --out (the Dockerfile, .dockerignore and every file it
COPYs, nothing else) and checks that each COPY source is there; then builds it with
`docker build` when a Docker engine answers `docker info`, and otherwise says so in one
line and leaves the context for a machine that has one. Pushing is the operator's:
docs/deployment.md#long-runs-on-fargate.
"""
from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "deploy" / "image" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


class ImageError(SystemExit):
    def __init__(self, message: str):
        super().__init__(f"image: {message}")


def copy_sources(dockerfile: Path) -> list[str]:
    """The sources of every COPY/ADD (not --from another stage), relative to the context."""
    lines, current = [], ""
    for raw in dockerfile.read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        lines.append(current + line)
        current = ""
    sources = []
    for line in lines:
        words = shlex.split(line)
        if words[0].upper() not in ("COPY", "ADD"):
            continue
        arguments = [word for word in words[1:] if not word.startswith("--")]
        if any(word.startswith("--from") for word in words[1:]):
            continue
        sources.extend(arguments[:-1])
    return sources


def missing_sources(context: Path, dockerfile: Path) -> list[str]:
    return [source for source in copy_sources(dockerfile) if not (context / source).exists()]


def stage_context(out: Path) -> Path:
    """build/image/: Dockerfile, .dockerignore and the COPY sources from the repository."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy2(DOCKERFILE, out / "Dockerfile")
    shutil.copy2(DOCKERIGNORE, out / ".dockerignore")
    for source in copy_sources(DOCKERFILE):
        origin = ROOT / source
        if origin.is_dir():
            shutil.copytree(origin, out / source, ignore=IGNORED)
        elif origin.exists():
            (out / source).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, out / source)
    missing = missing_sources(out, out / "Dockerfile")
    if missing:
        raise ImageError(f"the Dockerfile copies what the repository lacks: {missing}")
    return out


def engine_answers() -> bool:
    docker = shutil.which("docker")
    if not docker:
        return False
    return subprocess.run([docker, "info"], capture_output=True).returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "image")
    parser.add_argument("--tag", default="jaot-solver:latest")
    args = parser.parse_args(argv)
    context = stage_context(args.out.resolve())
    files = sum(1 for path in context.rglob("*") if path.is_file())
    if not engine_answers():
        print(f"no Docker engine answers here: build context checked and written to {context} ({files} files); "
              f"build it elsewhere with `docker build -t {args.tag} {context}`")
        return 0
    subprocess.run(["docker", "build", "--platform", "linux/amd64", "-t", args.tag, str(context)], check=True)
    print(f"built {args.tag} from {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
