"""`python -m chalicelib.long_run ORGANIZATION_ID EXECUTION_ID`: one long run, to its end.

The command of the Fargate task (and of the local process under `make run`) that the
worker starts for a run Lambda cannot hold (services/long_runs.py). It solves with the
worker's own `solve_run`: claim with a lease, cancel watcher, finish and refund, result,
callback. SIGTERM (ECS StopTask, `make run` stopping) stops the solver and the run ends
`failed`, refunded, unless a cancel had stopped it. Exit status 0 when the run ended (or
had ended already), 1 when it could not be taken, 2 on a usage error.
"""
from __future__ import annotations

import logging
import signal
import sys
import uuid

from chalicelib import observability

logger = logging.getLogger("jaot")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m chalicelib.long_run ORGANIZATION_ID EXECUTION_ID", file=sys.stderr)
        return 2
    organization_id, execution_id = argv
    from chalicelib.engine import interrupt
    from chalicelib.services import run_specs, worker
    from chalicelib.store import blobs
    from chalicelib.store import executions as store

    stop = interrupt.StopSignal()
    signal.signal(signal.SIGTERM, lambda *_: stop.stop())
    execution = store.get_execution(organization_id, execution_id)
    if execution is None:
        logger.error("long run %s: no such execution", execution_id)
        return 1
    if execution.status in store.TERMINAL:
        logger.info("long run %s: ended already (%s)", execution_id, execution.status)
        return 0
    spec = run_specs.parse(blobs.get_json(execution.run_gz, execution.run_s3))
    # The worker's log fields, metrics and cost counting, for the whole task (its cancel watcher included).
    with observability.context("message", adopt_threads=True, request_id=uuid.uuid4().hex, route="task:long_run",
                               organization_id=organization_id, execution_id=execution_id):
        try:
            outcome = worker.solve_run(execution, spec, stop=stop)
        except worker.RunStillLeased:
            logger.error("long run %s: held by another task", execution_id)
            return 1
        logger.info("long run %s: %s", execution_id, outcome, extra={"outcome": outcome})
    return 0


if __name__ == "__main__":
    observability.configure_local()  # JSON lines on stdout (the task's awslogs stream); readable on a terminal
    sys.exit(main(sys.argv[1:]))
