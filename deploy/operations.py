"""What operating the packaged app needs and only the finished template can say, because it
names the functions `chalice package` generates: SnapStart on a published alias that every
trigger (and the API) invokes, the per-function alarms, the one dashboard, and the Fargate
task's environment. The static part (topic, other alarms, cluster, roles) is in resources.json.
"""
from __future__ import annotations

import json
from typing import Any

SNAPSTART_ALIAS = "live"
NAMESPACE = "JAOT"  # chalicelib/observability.py's metric namespace
API_HANDLER = "APIHandler"
RUNS_QUEUE = "RunsQueue"  # the queue run_worker consumes (resources.json)
TASK_DEFINITION, TASK_CONTAINER = "LongRunTaskDefinition", "solver"
# Not for the task: it runs one run to its end and never launches another.
LAUNCHER_VARIABLES = "JAOT_LONG_RUN_"
PERIOD_S = 300


def add_operations(template: dict[str, Any]) -> dict[str, Any]:
    resources = template["Resources"]
    functions = sorted(name for name, resource in resources.items()
                       if resource["Type"] == "AWS::Serverless::Function")
    for name in functions:
        properties = resources[name]["Properties"]
        properties["SnapStart"] = {"ApplyOn": "PublishedVersions"}
        properties["AutoPublishAlias"] = SNAPSTART_ALIAS
    if API_HANDLER in resources:
        invoke_api_through_alias(resources)
    worker = runs_worker(resources)
    if "AlarmTopic" in resources:
        add_function_alarms(resources, functions, worker)
        resources["OperationsDashboard"] = dashboard(resources, functions)
    if TASK_DEFINITION in resources:
        set_task_environment(template)
    return template


def invoke_api_through_alias(resources: dict[str, Any]) -> None:
    """SAM binds event sources to the alias itself, but the API's integrations and their
    permission are Chalice's: pointed at the unpublished function, they would skip SnapStart."""
    paths = resources["RestAPI"]["Properties"]["DefinitionBody"]["paths"]
    for methods in paths.values():
        for operation in methods.values():
            integration = operation.get("x-amazon-apigateway-integration") if isinstance(operation, dict) else None
            if not integration or not isinstance(integration.get("uri"), dict):
                continue
            uri = integration["uri"]["Fn::Sub"]
            if isinstance(uri, str) and f"${{{API_HANDLER}.Arn}}" in uri:
                # A Ref in the variables, not ${APIHandler.Alias} in the string: SAM resolves
                # both, cfn-lint (which lints the untransformed template) only the Ref.
                integration["uri"]["Fn::Sub"] = [uri.replace(f"${{{API_HANDLER}.Arn}}", "${HandlerAlias}"),
                                                 {"HandlerAlias": {"Ref": f"{API_HANDLER}.Alias"}}]
    # ApiName, the dimension of API Gateway's metrics (alarm, dashboard): the stack's name,
    # whether CloudFormation takes it from the Name property or from the body's title.
    resources["RestAPI"]["Properties"]["DefinitionBody"]["info"]["title"] = {"Fn::Sub": "${AWS::StackName}"}
    permission = resources.get(f"{API_HANDLER}InvokePermission")
    if permission:
        permission["Properties"]["FunctionName"] = {"Ref": f"{API_HANDLER}.Alias"}


def runs_worker(resources: dict[str, Any]) -> str | None:
    """The function whose SQS event source is the runs queue (run_worker in app.py)."""
    for name, resource in resources.items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        for event in resource["Properties"].get("Events", {}).values():
            if event["Type"] == "SQS" and event["Properties"]["Queue"] == {"Fn::GetAtt": [RUNS_QUEUE, "Arn"]}:
                return name
    return None


def lambda_alarm(function: str, metric: str, description: str) -> dict[str, Any]:
    return {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmDescription": description,
        "AlarmActions": [{"Ref": "AlarmTopic"}], "OKActions": [{"Ref": "AlarmTopic"}],
        "Namespace": "AWS/Lambda", "MetricName": metric,
        "Dimensions": [{"Name": "FunctionName", "Value": {"Ref": function}}],
        "Statistic": "Sum", "Period": PERIOD_S, "EvaluationPeriods": 1,
        "ComparisonOperator": "GreaterThanThreshold", "Threshold": 0, "TreatMissingData": "notBreaching"}}


def add_function_alarms(resources: dict[str, Any], functions: list[str], worker: str | None) -> None:
    for name in functions:
        resources[f"{name}ThrottlesAlarm"] = lambda_alarm(
            name, "Throttles", f"Lambda throttled {name} (concurrency limit reached): its events wait or fail.")
    if worker:
        resources["WorkerErrorsAlarm"] = lambda_alarm(
            worker, "Errors", f"The run worker ({worker}) raised or timed out: the run is retried, then dead-lettered.")


def search(metric: str, stat: str, label: str = "") -> dict[str, Any]:
    """Every dimension set the app emits `metric` with (route, status, template, service);
    without a label, SEARCH names each line by its dimensions."""
    expression = f"SEARCH('Namespace=\"{NAMESPACE}\" MetricName=\"{metric}\"', '{stat}', {PERIOD_S})"
    return {"expression": expression, **({"label": label} if label else {})}


def widget(title: str, metrics: list[Any], x: int, y: int, *, width: int = 12, stat: str = "Sum",
           view: str = "timeSeries") -> dict[str, Any]:
    return {"type": "metric", "x": x, "y": y, "width": width, "height": 6, "properties": {
        "title": title, "region": "${AWS::Region}", "view": view, "stat": stat, "period": PERIOD_S,
        "metrics": [[item] if isinstance(item, dict) else item for item in metrics]}}


def dashboard(resources: dict[str, Any], functions: list[str]) -> dict[str, Any]:
    """One CloudWatch dashboard: the app's own metrics (JAOT namespace, EMF), then what AWS
    measures of the functions, queues, table and API. Its body is a Fn::Sub of JSON."""
    queues = sorted(name for name, resource in resources.items() if resource["Type"] == "AWS::SQS::Queue")
    alarms = sorted(name for name, resource in resources.items() if resource["Type"] == "AWS::CloudWatch::Alarm")
    api = ["ApiName", "${AWS::StackName}"]
    table = ["TableName", "${Table}"]
    per_function = lambda metric, stat: [["AWS/Lambda", metric, "FunctionName", f"${{{name}}}",
                                          {"stat": stat, "label": name}] for name in functions]
    widgets = [
        widget("Requests by route and status", [search("Requests", "Sum")], 0, 0),
        widget("5xx by route", [search("Errors5xx", "Sum")], 12, 0),
        widget("Runs by template and status", [search("Runs", "Sum")], 0, 6),
        widget("Solve seconds by template (p95)", [search("SolveSeconds", "p95")], 12, 6, stat="p95"),
        widget("Queue to start (s)", [search("QueueToStartSeconds", "Average", "average"),
                                      search("QueueToStartSeconds", "Maximum", "maximum")], 0, 12, stat="Average"),
        widget("Credits charged, callbacks, runs past lease", [
            search("CreditsCharged", "Sum", "credits"), search("CallbackDeliveries", "Sum", "callbacks delivered"),
            search("CallbackFailures", "Sum", "callbacks failed"), search("RunsPastLease", "Maximum", "past lease")],
            12, 12),
        widget("Lambda duration p95 (ms)", per_function("Duration", "p95"), 0, 18, stat="p95"),
        widget("Lambda errors", per_function("Errors", "Sum"), 12, 18),
        widget("Lambda throttles", per_function("Throttles", "Sum"), 0, 24),
        widget("Lambda concurrent executions", per_function("ConcurrentExecutions", "Maximum"), 12, 24,
               stat="Maximum"),
        widget("Queue depth (visible messages)", [
            ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", f"${{{name}.QueueName}}",
             {"label": name}] for name in queues], 0, 30, stat="Maximum"),
        widget("Oldest message age (s)", [
            ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", f"${{{name}.QueueName}}",
             {"label": name}] for name in queues], 12, 30, stat="Maximum"),
        widget("DynamoDB consumed capacity", [
            ["AWS/DynamoDB", "ConsumedReadCapacityUnits", *table, {"label": "read units"}],
            ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", *table, {"label": "write units"}]], 0, 36),
        widget("DynamoDB throttles", [
            ["AWS/DynamoDB", "ReadThrottleEvents", *table, {"label": "read throttles"}],
            ["AWS/DynamoDB", "WriteThrottleEvents", *table, {"label": "write throttles"}]], 12, 36),
        widget("API Gateway requests and errors", [
            ["AWS/ApiGateway", "Count", *api], ["AWS/ApiGateway", "4XXError", *api],
            ["AWS/ApiGateway", "5XXError", *api]], 0, 42),
        widget("API Gateway latency (ms)", [
            ["AWS/ApiGateway", "Latency", *api, {"stat": "p50", "label": "p50"}],
            ["AWS/ApiGateway", "Latency", *api, {"stat": "p95", "label": "p95"}]], 12, 42, stat="p95"),
        {"type": "alarm", "x": 0, "y": 48, "width": 24, "height": 4, "properties": {
            "title": "Alarms", "alarms": [f"${{{name}.Arn}}" for name in alarms]}},
    ]
    body = json.dumps({"widgets": widgets}, separators=(",", ":"))
    return {"Type": "AWS::CloudWatch::Dashboard", "Properties": {
        "DashboardName": {"Fn::Sub": "${AWS::StackName}-operations"},
        "DashboardBody": {"Fn::Sub": body}}}


def set_task_environment(template: dict[str, Any]) -> None:
    """The Fargate task runs the worker's code: the same settings as the functions (the
    template's Globals, less the launcher's own), plus the region Lambda sets by itself."""
    variables = template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
    definition = template["Resources"][TASK_DEFINITION]["Properties"]
    containers = [c for c in definition["ContainerDefinitions"] if c["Name"] == TASK_CONTAINER]
    if len(containers) != 1:
        raise ValueError(f"{TASK_DEFINITION} needs one container named {TASK_CONTAINER!r}")
    environment = {name: value for name, value in variables.items() if not name.startswith(LAUNCHER_VARIABLES)}
    environment["AWS_DEFAULT_REGION"] = {"Ref": "AWS::Region"}
    containers[0]["Environment"] = [{"Name": name, "Value": value} for name, value in sorted(environment.items())]
