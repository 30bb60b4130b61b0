"""`make package`: what operating JAOT needs is in the template (issue 18): the alarms and
the dashboard on the metric names the code emits, SnapStart on a published alias, X-Ray,
and the Fargate task long runs go to, with the settings of the shared interface.
Checked on the real packaged template (conftest.py); cfn-lint runs in test_package.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from chalicelib.services.worker import LEASE_MARGIN_S
from deploy.operations import add_operations
from deploy.package import PackagingError, finish_template

ROOT = Path(__file__).resolve().parents[2]
JAOT_METRICS = {"Requests", "Errors5xx", "Runs", "SolveSeconds", "QueueToStartSeconds", "CreditsCharged",
                "CallbackDeliveries", "CallbackFailures", "RunsPastLease"}
TASK_STATEMENTS = ("Table", "Queues", "BlobObjects", "BlobListing")


def functions(package) -> dict[str, dict[str, Any]]:
    return {name: f["Properties"] for name, f in package.resources("AWS::Serverless::Function").items()}


def worker_name(package) -> str:
    [name] = [name for name, f in functions(package).items() if f["Handler"] == "app.run_worker"]
    return name


def alarms(package) -> dict[str, dict[str, Any]]:
    return {name: a["Properties"] for name, a in package.resources("AWS::CloudWatch::Alarm").items()}


def metric_names(alarm: dict[str, Any]) -> set[str]:
    if "MetricName" in alarm:
        return {alarm["MetricName"]}
    names = {m["MetricStat"]["Metric"]["MetricName"] for m in alarm["Metrics"] if "MetricStat" in m}
    for metric in alarm["Metrics"]:
        expression = metric.get("Expression", "")
        expression = expression.get("Fn::Sub", "") if isinstance(expression, dict) else expression
        names |= set(re.findall(r"SELECT \w+\((\w+)\)", expression))
    return names


def test_every_function_runs_snapstart_on_the_live_alias_with_active_tracing(package):
    for name, properties in functions(package).items():
        assert properties["SnapStart"] == {"ApplyOn": "PublishedVersions"}, name
        assert properties["AutoPublishAlias"] == "live", name
        assert properties["Tracing"] == "Active", name
        assert properties["Runtime"] in ("python3.12", "python3.13"), name  # SnapStart: Python 3.12+
    assert package.template["Globals"]["Function"]["Tracing"] == "Active"
    assert package.template["Resources"]["RestAPI"]["Properties"]["TracingEnabled"] is True


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_functions_may_write_traces(stage):
    policy = json.loads((ROOT / ".chalice" / f"policy-{stage}.json").read_text())
    [traces] = [s for s in policy["Statement"] if s["Sid"] == "Traces"]
    assert set(traces["Action"]) == {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


def test_alarms_cover_5xx_dead_letters_worker_errors_past_lease_and_throttles(package):
    declared = alarms(package)
    expected = {"ApiErrorRateAlarm", "RunsDeadLetterAlarm", "WorkerErrorsAlarm", "RunsPastLeaseAlarm",
                "TableThrottleEventsAlarm", "TableThrottledRequestsAlarm"}
    expected |= {f"{name}ThrottlesAlarm" for name in functions(package)}
    assert set(declared) == expected
    for name, alarm in declared.items():
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}], name
        assert alarm["TreatMissingData"] == "notBreaching", name

    assert metric_names(declared["ApiErrorRateAlarm"]) == {"5XXError", "Count"}
    assert declared["ApiErrorRateAlarm"]["Threshold"] == {"Ref": "ApiErrorRatePercent"}
    dead_letters = declared["RunsDeadLetterAlarm"]
    assert dead_letters["MetricName"] == "ApproximateNumberOfMessagesVisible" and dead_letters["Threshold"] == 0
    assert dead_letters["Dimensions"] == [{"Name": "QueueName",
                                           "Value": {"Fn::GetAtt": ["RunsDeadLetterQueue", "QueueName"]}}]
    worker_errors = declared["WorkerErrorsAlarm"]
    assert (worker_errors["Namespace"], worker_errors["MetricName"]) == ("AWS/Lambda", "Errors")
    assert worker_errors["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": worker_name(package)}}]
    past_lease = declared["RunsPastLeaseAlarm"]
    assert past_lease["Metrics"][0]["Expression"] == "SELECT MAX(RunsPastLease) FROM JAOT"
    assert past_lease["ComparisonOperator"] == "GreaterThanThreshold" and past_lease["Threshold"] == 0
    for name in functions(package):
        throttles = declared[f"{name}ThrottlesAlarm"]
        assert throttles["MetricName"] == "Throttles" and throttles["Dimensions"][0]["Value"] == {"Ref": name}
    assert metric_names(declared["TableThrottleEventsAlarm"]) == {"ReadThrottleEvents", "WriteThrottleEvents"}
    assert metric_names(declared["TableThrottledRequestsAlarm"]) == {"ThrottledRequests"}


def test_alarm_topic_mails_the_optional_address(package):
    template = package.template
    assert package.resources("AWS::SNS::Topic").keys() == {"AlarmTopic"}
    subscription = template["Resources"]["AlarmEmailSubscription"]
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}
    assert template["Parameters"]["AlarmEmail"]["Default"] == ""


def rendered_dashboard(package) -> dict[str, Any]:
    """The body with each ${...} replaced as CloudFormation would, after checking that it
    names only declared resources (with their attributes) and pseudo parameters."""
    [dashboard] = package.resources("AWS::CloudWatch::Dashboard").values()
    body = dashboard["Properties"]["DashboardBody"]["Fn::Sub"]
    resources = package.template["Resources"]
    for variable in set(re.findall(r"\$\{([^}]+)}", body)):
        name = variable.split(".")[0]
        assert name.startswith("AWS::") or name in resources, variable
    return json.loads(re.sub(r"\$\{([^}]+)}", lambda m: m.group(1).replace(":", "-"), body))


def test_dashboard_body_is_json_naming_the_app_metrics_and_the_aws_ones(package):
    body = rendered_dashboard(package)
    lines = [line for widget in body["widgets"] for line in widget["properties"].get("metrics", [])]
    searches = [line[0]["expression"] for line in lines if isinstance(line[0], dict)]
    assert all(expression.startswith("SEARCH('Namespace=\"JAOT\" MetricName=") for expression in searches)
    assert {re.search(r'MetricName="(\w+)"', expression).group(1) for expression in searches} == JAOT_METRICS
    aws = {(line[0], line[1]) for line in lines if isinstance(line[0], str)}
    assert {("AWS/Lambda", "Duration"), ("AWS/Lambda", "Errors"), ("AWS/Lambda", "Throttles"),
            ("AWS/SQS", "ApproximateNumberOfMessagesVisible"), ("AWS/SQS", "ApproximateAgeOfOldestMessage"),
            ("AWS/DynamoDB", "ConsumedReadCapacityUnits"), ("AWS/DynamoDB", "ConsumedWriteCapacityUnits"),
            ("AWS/ApiGateway", "5XXError")} <= aws
    durations = {line[3] for line in lines if line[:2] == ["AWS/Lambda", "Duration"]}
    assert durations == set(functions(package))  # every function, by its ${Name} after substitution
    queues = {line[3] for line in lines if line[:2] == ["AWS/SQS", "ApproximateNumberOfMessagesVisible"]}
    assert queues == {f"{name}.QueueName" for name in package.resources("AWS::SQS::Queue")}
    [alarm_widget] = [w for w in body["widgets"] if w["type"] == "alarm"]
    assert alarm_widget["properties"]["alarms"] == sorted(f"{name}.Arn" for name in alarms(package))


def test_api_metrics_are_found_under_the_stack_name(package):
    """API Gateway's metrics carry the API's name: the alarm and dashboard look for the stack's."""
    api = package.template["Resources"]["RestAPI"]["Properties"]
    assert api["Name"] == {"Fn::Sub": "${AWS::StackName}"}
    assert api["DefinitionBody"]["info"]["title"] == {"Fn::Sub": "${AWS::StackName}"}
    for metric in alarms(package)["ApiErrorRateAlarm"]["Metrics"][:2]:
        assert metric["MetricStat"]["Metric"]["Dimensions"] == [{"Name": "ApiName", "Value": api["Name"]}]


def test_functions_carry_the_long_run_settings(package):
    variables = package.template["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["JAOT_LONG_RUN_LAUNCHER"] == "ecs"
    assert variables["JAOT_LONG_RUN_CLUSTER"] == {"Ref": "LongRunCluster"}
    assert variables["JAOT_LONG_RUN_TASK_DEFINITION"] == {"Ref": "LongRunTaskDefinition"}
    assert variables["JAOT_LONG_RUN_SUBNETS"] == {"Fn::Join": [",", {"Ref": "LongRunSubnets"}]}
    assert variables["JAOT_LONG_RUN_SECURITY_GROUPS"] == {"Fn::Join": [",", {"Ref": "LongRunSecurityGroups"}]}
    assert variables["JAOT_MAX_TIME_LIMIT_S"] == {"Ref": "MaxRunTimeLimitSeconds"}
    assert variables["JAOT_LAMBDA_RUN_LIMIT_S"] == "780"
    assert variables["JAOT_LONG_RUN_PUBLIC_IP"] == {"Fn::If": ["LongRunPublicIp", "true", "false"]}
    assert package.template["Conditions"]["LongRunPublicIp"] == {
        "Fn::Equals": [{"Ref": "LongRunAssignPublicIp"}, "ENABLED"]}
    parameters = package.template["Parameters"]
    assert parameters["MaxRunTimeLimitSeconds"]["Default"] == 3600
    assert parameters["LongRunSubnets"]["Type"] == parameters["LongRunSecurityGroups"]["Type"] == "CommaDelimitedList"
    assert parameters["LongRunAssignPublicIp"]["AllowedValues"] == ["ENABLED", "DISABLED"]


def test_worker_holds_the_longest_lambda_run_and_the_others_keep_their_timeout(package):
    declared = functions(package)
    worker = worker_name(package)
    assert declared[worker]["Timeout"] == 900
    assert {p["Timeout"] for name, p in declared.items() if name != worker} == {120}
    lambda_limit = int(package.template["Globals"]["Function"]["Environment"]["Variables"]["JAOT_LAMBDA_RUN_LIMIT_S"])
    assert lambda_limit + LEASE_MARGIN_S <= declared[worker]["Timeout"]  # a run's lease ends within the invocation
    runs_queue = package.resources("AWS::SQS::Queue")["RunsQueue"]["Properties"]
    assert runs_queue["VisibilityTimeout"] >= 900


def test_fargate_cluster_task_definition_and_log_group(package):
    resources = package.template["Resources"]
    assert package.resources("AWS::ECS::Cluster").keys() == {"LongRunCluster"}
    task = package.resources("AWS::ECS::TaskDefinition")["LongRunTaskDefinition"]["Properties"]
    assert task["RequiresCompatibilities"] == ["FARGATE"] and task["NetworkMode"] == "awsvpc"
    assert (task["Cpu"], task["Memory"]) == ({"Ref": "LongRunCpu"}, {"Ref": "LongRunMemory"})
    parameters = package.template["Parameters"]
    assert (parameters["LongRunCpu"]["Default"], parameters["LongRunMemory"]["Default"]) == ("2048", "4096")
    assert task["ExecutionRoleArn"] == {"Fn::GetAtt": ["LongRunExecutionRole", "Arn"]}
    assert task["TaskRoleArn"] == {"Fn::GetAtt": ["LongRunTaskRole", "Arn"]}
    [container] = task["ContainerDefinitions"]
    assert container["Name"] == "solver"
    # Each RunTask gives the whole command, `python -m chalicelib.long_run <org> <execution>`
    # (services/long_runs.py); env runs it in place of the image's Lambda entrypoint.
    assert container["EntryPoint"] == ["/usr/bin/env"]
    assert container["Command"] == ["python", "-m", "chalicelib.long_run"]
    assert "StopTimeout" not in container  # ECS's 30 s from SIGTERM to SIGKILL, as the cancel path expects
    assert container["Image"] == {"Fn::If": ["HasSolverImageUri", {"Ref": "SolverImageUri"},
                                             {"Fn::Sub": "${SolverRepository.RepositoryUri}:${SolverImageTag}"}]}
    assert "SolverRepository" in package.resources("AWS::ECR::Repository")
    logs = container["LogConfiguration"]
    assert logs["LogDriver"] == "awslogs" and logs["Options"]["awslogs-group"] == {"Ref": "LongRunLogGroup"}
    assert resources["LongRunLogGroup"]["Properties"]["RetentionInDays"] == {"Ref": "LongRunLogRetentionDays"}


def test_the_task_runs_with_the_functions_settings_less_the_launchers(package):
    [container] = package.resources("AWS::ECS::TaskDefinition")["LongRunTaskDefinition"]["Properties"][
        "ContainerDefinitions"]
    environment = {item["Name"]: item["Value"] for item in container["Environment"]}
    variables = package.template["Globals"]["Function"]["Environment"]["Variables"]
    expected = {name: value for name, value in variables.items() if not name.startswith("JAOT_LONG_RUN_")}
    assert environment == {**expected, "AWS_DEFAULT_REGION": {"Ref": "AWS::Region"}}
    assert environment["JAOT_TABLE_NAME"] == {"Ref": "Table"}


def test_task_role_may_do_what_the_worker_does_with_table_queues_and_bucket(package):
    roles = package.resources("AWS::IAM::Role")
    policy = json.loads((ROOT / ".chalice" / "policy-prod.json").read_text())
    worker_statements = {s["Sid"]: s for s in policy["Statement"]}
    task_role = roles["LongRunTaskRole"]["Properties"]
    [document] = [p["PolicyDocument"] for p in task_role["Policies"]]
    assert document["Statement"] == [worker_statements[sid] for sid in TASK_STATEMENTS]
    for name in ("LongRunTaskRole", "LongRunExecutionRole"):
        [trust] = roles[name]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
        assert trust["Principal"] == {"Service": "ecs-tasks.amazonaws.com"}, name


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_the_worker_may_start_stop_and_watch_tasks_and_pass_their_roles(stage):
    policy = json.loads((ROOT / ".chalice" / f"policy-{stage}.json").read_text())
    by_action = {action: s for s in policy["Statement"]
                 for action in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])}
    assert by_action["ecs:RunTask"]["Resource"] == {"Ref": "LongRunTaskDefinition"}
    assert by_action["ecs:RunTask"]["Condition"] == {
        "ArnEquals": {"ecs:cluster": {"Fn::GetAtt": ["LongRunCluster", "Arn"]}}}
    for action in ("ecs:StopTask", "ecs:DescribeTasks"):
        assert "task/${LongRunCluster}/*" in by_action[action]["Resource"]["Fn::Sub"], action
    passing = by_action["iam:PassRole"]
    assert passing["Resource"] == [{"Fn::GetAtt": ["LongRunTaskRole", "Arn"]},
                                   {"Fn::GetAtt": ["LongRunExecutionRole", "Arn"]}]
    assert passing["Condition"] == {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}


def test_a_task_definition_without_the_solver_container_fails_the_build():
    template = {"Resources": {"LongRunTaskDefinition": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
        "ContainerDefinitions": [{"Name": "app"}]}}}}
    with pytest.raises(PackagingError, match="solver"):
        finish_template(template)


def test_snapstart_alias_and_alarms_are_added_to_any_function_chalice_generates():
    template = {"Resources": {
        "AlarmTopic": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "Later": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "app.later"}},
    }}
    resources = add_operations(template)["Resources"]
    assert resources["Later"]["Properties"]["AutoPublishAlias"] == "live"
    assert resources["Later"]["Properties"]["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert resources["LaterThrottlesAlarm"]["Properties"]["Dimensions"][0]["Value"] == {"Ref": "Later"}
    assert "WorkerErrorsAlarm" not in resources  # no function reads the runs queue here
    body = resources["OperationsDashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    assert "${Later}" in body
