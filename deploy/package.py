"""`make package`: the app as a SAM/CloudFormation template and zips, ready for CloudFormation.

    python -m deploy.package [--stage dev] [--out build/package/dev] [--layer build/layer/solver-layer.zip]

Needs a region (AWS_DEFAULT_REGION, us-east-1 if unset) and PyPI, never AWS
credentials. Steps:
1. stage app.py, chalicelib/ and .chalice/ in a scratch folder, with requirements.txt
   installed into its vendor/ as wheels for the Lambda runtime (Chalice would build
   them for this machine's Python, and only warn when it cannot);
2. `chalice package --merge-template deploy/resources.json`, failing on any warning;
3. finish the template: the python3.12 runtime, each SQS event source bound to the
   queue the template declares, resource names from the template's Globals, SnapStart
   on a published alias that the API invokes, per-function alarms, the dashboard, and
   the Fargate task's environment (deploy/operations.py);
4. copy the OR-Tools layer next to it and check sizes against Lambda's limits.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from deploy.lambda_runtime import RUNTIME, foreign_extensions, pip_install, trim
from deploy.operations import add_operations
from deploy.sizes import measure, report_and_check

ROOT = Path(__file__).resolve().parent.parent
MERGE_TEMPLATE = ROOT / "deploy" / "resources.json"
LAYER_ZIP = "solver-layer.zip"  # the ContentUri of SolverLayer in resources.json
# Everything the solver layer brings: none of it may end up in the function too.
LAYER_ONLY = ("ortools", "numpy", "pandas")
# Left out of the function: the AWS SDK, which the Lambda runtime provides as a matched
# boto3/botocore pair (PynamoDB's botocore would shadow it, 30 MB), console scripts, and
# what nothing serves or imports in swagger-ui-py (its editor, source maps, a stray `test`).
FUNCTION_TRIM = ("boto3", "boto3-*.dist-info", "botocore", "botocore-*.dist-info", "s3transfer",
                 "s3transfer-*.dist-info", "bin", "**/__pycache__", "**/*.map",
                 "swagger_ui/static/swagger-editor*", "swagger_ui/static/swagger-ui-es-bundle*", "test")


class PackagingError(SystemExit):
    def __init__(self, message: str):
        super().__init__(f"package: {message}")


def stage_sources(stage_dir: Path) -> None:
    """A copy of what Chalice packages, with dependencies prebuilt in vendor/."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "deployments", "venv")
    shutil.copy2(ROOT / "app.py", stage_dir / "app.py")
    shutil.copytree(ROOT / "chalicelib", stage_dir / "chalicelib", ignore=ignore)
    shutil.copytree(ROOT / ".chalice", stage_dir / ".chalice", ignore=ignore)
    vendor = stage_dir / "vendor"
    pip_install(ROOT / "requirements.txt", vendor)
    trim(vendor, FUNCTION_TRIM)
    misplaced = [name for name in LAYER_ONLY if (vendor / name).exists()]
    if misplaced:
        raise PackagingError(f"{misplaced} belong in the solver layer, not requirements.txt")
    foreign = foreign_extensions(vendor)
    if foreign:
        raise PackagingError(f"modules built for another Python than {RUNTIME}: {foreign[:5]}")
    # Nothing left for Chalice to build: it would target this machine's Python.
    (stage_dir / "requirements.txt").write_text("# prebuilt in vendor/ by deploy/package.py\n")


def run_chalice(stage_dir: Path, stage: str, out: Path) -> None:
    env = {**os.environ, "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "us-east-1")}
    chalice = Path(sys.executable).parent / "chalice"
    result = subprocess.run(
        [str(chalice), "--project-dir", str(stage_dir), "package", "--stage", stage,
         "--merge-template", str(MERGE_TEMPLATE), str(out)],
        env=env, capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    print(output, end="")
    if result.returncode != 0:
        raise PackagingError(f"chalice package failed ({result.returncode})")
    warnings = [line for line in output.splitlines() if re.search(r"warn|could not|error", line, re.I)]
    if warnings:
        raise PackagingError("chalice package warned: " + " | ".join(warnings))


def queue_name(arn: Any) -> str:
    """`jaot-runs` from the ARN Chalice writes for `on_sqs_message(queue="jaot-runs")`."""
    text = arn.get("Fn::Sub") if isinstance(arn, dict) else arn
    if not isinstance(text, str):
        raise PackagingError(f"unexpected SQS queue reference {arn!r}")
    return text.rsplit(":", 1)[-1]


def finish_template(template: dict[str, Any]) -> dict[str, Any]:
    """What `chalice package` cannot say: the runtime, which declared resources each function
    uses, and what operating it needs (deploy/operations.py). Fails when an event source names
    a queue the template does not declare."""
    resources = template["Resources"]
    queues = {resource["Properties"]["QueueName"]: logical_id for logical_id, resource in resources.items()
              if resource["Type"] == "AWS::SQS::Queue"}
    declared_env = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    for logical_id, function in resources.items():
        if function["Type"] != "AWS::Serverless::Function":
            continue
        properties = function["Properties"]
        properties["Runtime"] = RUNTIME
        # config.json's values serve `make run`; deployed, resource names come from the template.
        variables = properties.get("Environment", {}).get("Variables", {})
        for name in declared_env:
            variables.pop(name, None)
        if "Environment" in properties and not variables:
            del properties["Environment"]
        for event in properties.get("Events", {}).values():
            if event["Type"] != "SQS":
                continue
            name = queue_name(event["Properties"]["Queue"])
            if name not in queues:
                raise PackagingError(f"{logical_id} reads SQS queue {name!r}, which deploy/resources.json "
                                     f"does not declare (it declares {sorted(queues)})")
            queue = resources[queues[name]]
            event["Properties"]["Queue"] = {"Fn::GetAtt": [queues[name], "Arn"]}
            if queue["Properties"].get("VisibilityTimeout", 30) < properties.get("Timeout", 3):
                raise PackagingError(f"queue {name!r} has a visibility timeout below {logical_id}'s timeout")
    try:
        add_operations(template)
    except ValueError as error:
        raise PackagingError(str(error)) from None
    return template


def package(stage: str, out: Path, layer: Path | None) -> Path:
    out = out.resolve()  # chalice runs in the scratch folder
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory(prefix="jaot-package-") as scratch:
        stage_dir = Path(scratch)
        stage_sources(stage_dir)
        run_chalice(stage_dir, stage, out)
    template_path = out / "sam.json"
    template = finish_template(json.loads(template_path.read_text()))
    template_path.write_text(json.dumps(template, indent=2) + "\n")
    parts = [measure(out / "deployment.zip", "function (deployment.zip)")]
    if layer:
        shutil.copy2(layer, out / LAYER_ZIP)
        parts.append(measure(out / LAYER_ZIP, "solver layer"))
    else:
        print(f"no layer given: {LAYER_ZIP} must be put beside sam.json before deploying (make layer)")
    problems = report_and_check(parts)
    if problems:
        raise PackagingError("; ".join(problems))
    return template_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", default="dev", choices=("dev", "prod"))
    parser.add_argument("--out", type=Path, help="default: build/package/STAGE")
    parser.add_argument("--layer", type=Path, help="the zip `make layer` built")
    args = parser.parse_args(argv)
    template = package(args.stage, args.out or ROOT / "build" / "package" / args.stage, args.layer)
    print(f"wrote {template}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
