"""JAOT API: registers blueprints, middleware and event handlers; the logic lives in chalicelib/."""
from chalice import Chalice, Rate

from chalicelib import events, snapstart  # noqa: F401  (importing registers the SnapStart hooks in Lambda)
from chalicelib.api import (
    api_keys,
    builder,
    catalog,
    console,
    docs,
    executions,
    health,
    hooks,
    http,
    mathopt,
    models,
    organization,
    solve,
    triggers,
    versions,
)
from chalicelib.settings import get_settings

app = Chalice(app_name="jaot")
app.register_middleware(http.error_envelope, "http")

API_PREFIX = "/api/v2"
for blueprint in (health.bp, catalog.bp, models.bp, organization.bp, solve.bp, builder.bp, versions.bp,
                  executions.bp, triggers.bp, hooks.bp, api_keys.bp, mathopt.bp):
    app.register_blueprint(blueprint, url_prefix=API_PREFIX)
app.register_blueprint(docs.bp)  # /docs and /api/v2/openapi.json: full paths, no prefix
app.register_blueprint(console.bp)  # /console and its assets: full paths, no prefix
http.guard_transient_errors(app)  # throttling and transaction conflicts answer 503, not 500

QUEUES = get_settings()


@app.on_sqs_message(queue=QUEUES.runs_queue, batch_size=1)
def run_worker(event):
    """Solve a queued run (one per invocation: a run may take its whole time limit)."""
    events.handle_lambda_event(QUEUES.runs_queue, event)


@app.on_sqs_message(queue=QUEUES.runs_dlq, batch_size=10)
def run_dead_letters(event):
    """Runs SQS gave up on end failed, refunded."""
    events.handle_lambda_event(QUEUES.runs_dlq, event)


@app.on_sqs_message(queue=QUEUES.trigger_events_queue, batch_size=10)
def queue_trigger(event):
    """A message whose body is the input of the trigger named in its `trigger_id` attribute."""
    events.handle_lambda_event(QUEUES.trigger_events_queue, event)


@app.on_sqs_message(queue=QUEUES.storage_events_queue, batch_size=10)
def storage_trigger(event):
    """S3 notifications of JSON inputs landing under inbox/ (S3 -> SQS -> here)."""
    events.handle_lambda_event(QUEUES.storage_events_queue, event)


@app.schedule(Rate(1, unit=Rate.MINUTES))
def scheduler_tick(event):
    """Fire the schedule triggers that are due."""
    events.scheduler_tick()
