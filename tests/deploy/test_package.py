"""`make package`: the packaged SAM template declares every route, handler and resource.

`chalice package` runs once per test session (the `package` fixture, conftest.py), with
no AWS credentials in its environment; the expected routes and handlers come from the
app object, so handlers added later are checked too. What operating it needs (alarms,
dashboard, SnapStart, Fargate) is checked in test_operations.py.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from chalice.app import ScheduledEventConfig, SQSEventConfig
from cfnlint.api import lint_all

from app import app
from chalicelib.store.table import TABLE_DEFINITION, TTL_ATTRIBUTE
from deploy.package import PackagingError, finish_template
from deploy.sizes import MIB, ZipSize, report_and_check

ROOT = Path(__file__).resolve().parents[2]
RESOURCE_ENVIRONMENT = {"JAOT_TABLE_NAME", "JAOT_BUCKET_NAME", "JAOT_RUNS_QUEUE", "JAOT_RUNS_DLQ",
                        "JAOT_TRIGGER_EVENTS_QUEUE", "JAOT_STORAGE_EVENTS_QUEUE"}
# The issue-18 shared interface: what the worker needs to hand a long run to Fargate.
LONG_RUN_ENVIRONMENT = {
    "JAOT_MAX_TIME_LIMIT_S": {"Ref": "MaxRunTimeLimitSeconds"},
    "JAOT_LAMBDA_RUN_LIMIT_S": "780",
    "JAOT_LONG_RUN_LAUNCHER": "ecs",
    "JAOT_LONG_RUN_CLUSTER": {"Ref": "LongRunCluster"},
    "JAOT_LONG_RUN_TASK_DEFINITION": {"Ref": "LongRunTaskDefinition"},
    "JAOT_LONG_RUN_SUBNETS": {"Fn::Join": [",", {"Ref": "LongRunSubnets"}]},
    "JAOT_LONG_RUN_SECURITY_GROUPS": {"Fn::Join": [",", {"Ref": "LongRunSecurityGroups"}]},
    "JAOT_LONG_RUN_PUBLIC_IP": {"Fn::If": ["LongRunPublicIp", "true", "false"]},
}
# The only actions AWS authorizes on no resource narrower than "*".
UNSCOPED_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


def test_template_passes_cfn_lint(package):
    matches = lint_all((package.folder / "sam.json").read_text())
    problems = [str(match) for match in matches if match.rule.id[0] in "EW"]  # not the informational ones
    assert not problems, problems


def test_sizes_are_printed(package):
    assert re.search(r"function \(deployment\.zip\)\s+[\d.]+ MiB zipped\s+[\d.]+ MiB unzipped", package.output)
    assert "MiB unzipped (limit 250 MiB)" in package.output


def test_function_and_layers_above_250_mib_unzipped_fail(capsys):
    function, layer = ZipSize("function", 6 * MIB, 20 * MIB), ZipSize("layer", 51 * MIB, 152 * MIB)
    assert report_and_check([function, layer]) == []
    assert "direct-upload limit" in capsys.readouterr().out  # the layer zip goes through S3
    problems = report_and_check([function, ZipSize("layer", 80 * MIB, 231 * MIB)])
    assert len(problems) == 1 and "251.0 MiB unzipped" in problems[0]


def test_every_route_is_served_by_the_api_handler_through_its_alias(package):
    """SnapStart only serves published versions: the API invokes the alias, never the function."""
    resources = package.template["Resources"]
    paths = resources["RestAPI"]["Properties"]["DefinitionBody"]["paths"]
    for path, methods in app.routes.items():
        for method in methods:
            integration = paths[path][method.lower()]["x-amazon-apigateway-integration"]
            uri, variables = integration["uri"]["Fn::Sub"]
            assert uri.endswith("/functions/${HandlerAlias}/invocations"), (method, path)
            assert variables == {"HandlerAlias": {"Ref": "APIHandler.Alias"}}
    assert resources["APIHandlerInvokePermission"]["Properties"]["FunctionName"] == {"Ref": "APIHandler.Alias"}


def test_every_event_handler_is_a_function_with_its_event_source(package):
    functions = {f["Properties"]["Handler"]: f["Properties"] for f in package.resources(
        "AWS::Serverless::Function").values()}
    queues = {name: q["Properties"]["QueueName"] for name, q in package.resources("AWS::SQS::Queue").items()}
    assert app.event_sources, "the app registers no event handler"
    for source in app.event_sources:
        events = list(functions[source.handler_string].get("Events", {}).values())
        assert len(events) == 1, source.name
        if isinstance(source, SQSEventConfig):
            reference = events[0]["Properties"]["Queue"]["Fn::GetAtt"]
            assert queues[reference[0]] == source.queue and reference[1] == "Arn"
        elif isinstance(source, ScheduledEventConfig):
            expression = source.schedule_expression
            assert events[0]["Properties"]["Schedule"] == getattr(expression, "to_string", lambda: expression)()
        else:
            pytest.fail(f"no check for {type(source).__name__} ({source.name}): add one")
    expected = {"app.app"} | {source.handler_string for source in app.event_sources}
    assert set(functions) == expected


def test_functions_run_python312_with_the_solver_layer_and_declared_resources(package):
    template = package.template
    for name, function in package.resources("AWS::Serverless::Function").items():
        properties = function["Properties"]
        assert properties["Runtime"] == "python3.12", name
        assert not RESOURCE_ENVIRONMENT & set(properties.get("Environment", {}).get("Variables", {})), name
    defaults = template["Globals"]["Function"]
    assert {"Ref": "SolverLayer"} in defaults["Layers"]
    variables = defaults["Environment"]["Variables"]
    assert set(variables) == RESOURCE_ENVIRONMENT | set(LONG_RUN_ENVIRONMENT) | {
        "JAOT_CALLBACK_HTTP_HOSTS", "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE"}
    assert variables["JAOT_CALLBACK_HTTP_HOSTS"] == "none"  # no plain-http callbacks from Lambda
    layer = package.resources("AWS::Serverless::LayerVersion")["SolverLayer"]["Properties"]
    assert layer["ContentUri"] == "./solver-layer.zip" and layer["CompatibleRuntimes"] == ["python3.12"]


def test_table_matches_the_code_definition(package):
    table = package.resources("AWS::DynamoDB::Table")["Table"]["Properties"]
    for key in ("KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "BillingMode"):
        assert table[key] == TABLE_DEFINITION[key], key
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}


def test_queues_bucket_and_storage_notifications(package):
    queues = {q["Properties"]["QueueName"]: (name, q["Properties"])
              for name, q in package.resources("AWS::SQS::Queue").items()}
    assert set(queues) == {"jaot-runs", "jaot-runs-dlq", "jaot-trigger-events", "jaot-storage-events"}
    redrive = queues["jaot-runs"][1]["RedrivePolicy"]
    assert redrive == {"deadLetterTargetArn": {"Fn::GetAtt": [queues["jaot-runs-dlq"][0], "Arn"]},
                       "maxReceiveCount": 3}

    bucket = package.resources("AWS::S3::Bucket")["Bucket"]["Properties"]
    encryption = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
    assert encryption["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
    assert all(bucket["PublicAccessBlockConfiguration"].values()) and len(bucket["PublicAccessBlockConfiguration"]) == 4
    [notification] = bucket["NotificationConfiguration"]["QueueConfigurations"]
    assert notification["Event"] == "s3:ObjectCreated:*"
    assert notification["Queue"] == {"Fn::GetAtt": [queues["jaot-storage-events"][0], "Arn"]}
    assert notification["Filter"]["S3Key"]["Rules"] == [{"Name": "prefix", "Value": "inbox/"},
                                                        {"Name": "suffix", "Value": ".json"}]
    [policy] = package.resources("AWS::SQS::QueuePolicy").values()
    [statement] = policy["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"} and statement["Action"] == "sqs:SendMessage"
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:s3:::" + bucket["BucketName"]["Fn::Sub"]}


def test_unknown_routes_answer_404_and_errors_use_the_envelope(package):
    responses = package.template["Resources"]["RestAPI"]["Properties"]["GatewayResponses"]
    assert responses["MISSING_AUTHENTICATION_TOKEN"]["StatusCode"] == "404"
    for response_type in ("MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX"):
        body = responses[response_type]["ResponseTemplates"]["application/json"]
        rendered = json.loads(body.replace("$context.error.messageString", '"Forbidden"'))
        assert set(rendered) == {"error", "message", "details"}, response_type


def declared_names(value: Any) -> set[str]:
    """Logical ids a policy refers to through Ref, Fn::GetAtt or ${Name...} in Fn::Sub."""
    if isinstance(value, list):
        return set().union(*map(declared_names, value)) if value else set()
    if not isinstance(value, dict):
        return set()
    if "Ref" in value:
        return {value["Ref"]}
    if "Fn::GetAtt" in value:
        return {value["Fn::GetAtt"][0]}
    if "Fn::Sub" in value:
        return {name.split(".")[0] for name in re.findall(r"\$\{([^}]+)}", value["Fn::Sub"])}
    return set().union(*map(declared_names, value.values())) if value else set()


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_policies_are_least_privilege_and_name_declared_resources(stage):
    config = json.loads((ROOT / ".chalice" / "config.json").read_text())
    assert config["autogen_policy"] is False
    policy = json.loads((ROOT / ".chalice" / config["stages"][stage]["iam_policy_file"]).read_text())
    declared = set(json.loads((ROOT / "deploy" / "resources.json").read_text())["Resources"])
    for statement in policy["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        assert not [a for a in actions if "*" in a], statement["Sid"]
        if set(actions) <= UNSCOPED_ACTIONS:
            continue
        assert statement["Resource"] != "*" and "*" not in statement["Resource"], statement["Sid"]
        names = {name for name in declared_names(statement["Resource"]) if not name.startswith("AWS::")}
        assert names <= declared, (statement["Sid"], names - declared)
    used = declared_names(policy["Statement"])
    assert {"Table", "Bucket", "RunsQueue", "RunsDeadLetterQueue", "TriggerEventsQueue",
            "StorageEventsQueue"} <= used


def test_every_function_role_carries_the_stage_policy(package):
    policy = json.loads((ROOT / ".chalice" / "policy-dev.json").read_text())
    roles = package.resources("AWS::IAM::Role")
    for function in package.resources("AWS::Serverless::Function").values():
        role = roles[function["Properties"]["Role"]["Fn::GetAtt"][0]]
        assert [p["PolicyDocument"] for p in role["Properties"]["Policies"]] == [policy]


def test_function_zip_leaves_the_solver_to_the_layer_and_targets_python312(package):
    with zipfile.ZipFile(package.folder / "deployment.zip") as archive:
        names = archive.namelist()
    top = {name.split("/")[0] for name in names}
    assert {"app.py", "chalicelib", "pydantic", "pynamodb", "swagger_ui"} <= top
    assert not top & {"ortools", "numpy", "pandas", "botocore", "boto3", "moto", "cfnlint"}
    assert "chalicelib/api/docs.py" in names
    assert any(re.search(r"pydantic_core/_pydantic_core\.cpython-312-x86_64-linux-gnu\.so$", n) for n in names)
    assert any(re.search(r"^re2/_re2\.cpython-312-x86_64-linux-gnu\.so$", n) for n in names)  # user patterns


def test_an_event_source_on_an_undeclared_queue_fails_the_build():
    template = {"Resources": {
        "Worker": {"Type": "AWS::Serverless::Function", "Properties": {"Timeout": 60, "Events": {"Sqs": {
            "Type": "SQS", "Properties": {"Queue": {"Fn::Sub": "arn:${AWS::Partition}:sqs:r:a:jaot-other"}}}}}},
        "Runs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jaot-runs", "VisibilityTimeout": 720}},
    }}
    with pytest.raises(PackagingError, match="jaot-other"):
        finish_template(template)
    template["Resources"]["Runs"]["Properties"]["QueueName"] = "jaot-other"
    event = finish_template(template)["Resources"]["Worker"]["Properties"]["Events"]["Sqs"]
    assert event["Properties"]["Queue"] == {"Fn::GetAtt": ["Runs", "Arn"]}
