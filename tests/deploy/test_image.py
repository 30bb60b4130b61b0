"""`make image`: the build context is complete whether or not a Docker engine is here
(none is on this machine: `docker build` itself is checked where one answers)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from deploy import image

ROOT = Path(__file__).resolve().parents[2]


def test_the_staged_context_holds_every_file_the_dockerfile_copies(tmp_path):
    context = image.stage_context(tmp_path / "image")
    sources = image.copy_sources(context / "Dockerfile")
    assert set(sources) == {"requirements.txt", "requirements-solver.txt", "app.py", "chalicelib"}
    assert image.missing_sources(context, context / "Dockerfile") == []
    assert (context / "chalicelib" / "store" / "items.py").is_file()
    assert (context / ".dockerignore").is_file()
    staged = {path.relative_to(context).parts[0] for path in context.rglob("*")}
    assert staged == {"Dockerfile", ".dockerignore", *sources}  # nothing else: no tests, venv or data
    assert not list(context.rglob("__pycache__"))


def test_a_copy_of_a_file_the_repository_lacks_fails(tmp_path, monkeypatch):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM scratch\nCOPY app.py \\\n     not-in-the-repo.txt ./\n")
    monkeypatch.setattr(image, "DOCKERFILE", dockerfile)
    with pytest.raises(image.ImageError, match="not-in-the-repo.txt"):
        image.stage_context(tmp_path / "image")


def test_copy_sources_skip_flags_other_stages_and_the_destination(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("# COPY commented.txt ./\nFROM a AS build\nCOPY --chown=1:1 one.txt two/ /dest/\n"
                          "COPY --from=build /opt/x /opt/x\nADD three.tar.gz /srv/\nRUN echo COPY nothing\n")
    assert image.copy_sources(dockerfile) == ["one.txt", "two/", "three.tar.gz"]


def test_without_an_engine_make_image_leaves_the_checked_context(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(image, "engine_answers", lambda: False)
    assert image.main(["--out", str(tmp_path / "image")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no Docker engine answers here") and out.count("\n") == 1
    assert (tmp_path / "image" / "Dockerfile").is_file()


def test_image_is_the_lambda_python312_base_running_the_worker():
    text = image.DOCKERFILE.read_text()
    assert re.search(r"^FROM public\.ecr\.aws/lambda/python:3\.12$", text, re.M)
    assert re.search(r"^CMD \[\"app\.run_worker\"\]$", text, re.M)
    assert "--no-deps -r requirements-solver.txt" in text  # the solver pins, as in the layer


def test_pinned_build_arguments_match_the_tested_versions():
    text = image.DOCKERFILE.read_text()
    pins = dict(re.findall(r"^([a-z0-9]+)==(\S+)$", (ROOT / "requirements-dev.txt").read_text(), re.M))
    assert re.search(r"^ARG CHALICE_VERSION=(\S+)$", text, re.M).group(1) == pins["chalice"]
    assert re.search(r"^ARG BOTO3_VERSION=(\S+)$", text, re.M).group(1) == pins["boto3"]


def test_the_repository_root_is_a_usable_context_too():
    """.dockerignore lets in exactly what the Dockerfile copies."""
    allowed = {line[1:].rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.startswith("!")}
    assert allowed == set(image.copy_sources(image.DOCKERFILE))
    assert (ROOT / ".dockerignore").read_text().splitlines()[2] == "*"  # after the comment: deny the rest


def test_the_task_definition_runs_the_long_run_module_from_the_image_workdir():
    resources = json.loads((ROOT / "deploy" / "resources.json").read_text())["Resources"]
    [container] = resources["LongRunTaskDefinition"]["Properties"]["ContainerDefinitions"]
    assert container["EntryPoint"] == ["/usr/bin/env"]  # not the image's Lambda entrypoint
    assert container["Command"][0] == "python" and container["WorkingDirectory"] == "/var/task"
    assert re.search(r"^RUN command -v python .*\|\| ln -s", image.DOCKERFILE.read_text(), re.M)
    assert re.search(r"^WORKDIR /var/task$", image.DOCKERFILE.read_text(), re.M)
    assert re.search(r"^COPY chalicelib \./chalicelib$", image.DOCKERFILE.read_text(), re.M)
