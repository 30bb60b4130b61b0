"""Running a model: validate, charge, solve, record. Charged only for a real answer."""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from pydantic import BaseModel

from chalicelib import ids
from chalicelib.clock import utc_now_iso
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import InputError, SolveOutcome
from chalicelib.errors import BadRequest, InsufficientCredits, PayloadTooLarge
from chalicelib.schemas.results import OptimizationResult
from chalicelib.services.auth import Caller
from chalicelib.settings import get_settings
from chalicelib.store import executions as store
from chalicelib.store import organizations as organization_store
from chalicelib.templates import Template

logger = logging.getLogger("jaot")

MAX_STORED_BYTES = 300 * 1024  # compressed, leaving room under DynamoDB's 400 KB item limit


def run_template(caller: Caller, template: Template, data: BaseModel, raw_input: dict[str, Any],
                 options: RunOptions, model_id: str | None = None,
                 catalog_id: str | None = None) -> OptimizationResult:
    return record_run(caller, cost=template.credits_per_execution, raw_input=raw_input, options=options,
                      solve=lambda: template.solve(data, options), label=template.name,
                      kind="model", model_id=model_id, catalog_id=catalog_id, template=template.name)


def record_run(caller: Caller, *, cost: int, raw_input: Any, options: RunOptions,
               solve: Callable[[], SolveOutcome], label: str, **attributes: Any) -> OptimizationResult:
    """Charge, solve, store: the one path every run takes.

    The debit and the `running` record are one transaction; the result and any
    refund (a solver error is not charged) are another.
    """
    _check_time_limit(options)
    packed_input = store.pack_json(raw_input)
    if len(packed_input) > MAX_STORED_BYTES:
        raise PayloadTooLarge(f"The input compresses to {len(packed_input)} bytes; "
                              f"the limit is {MAX_STORED_BYTES}.")
    created_at = utc_now_iso()
    execution = store.new_execution(
        caller.organization_id, ids.sortable_id(ids.EXECUTION), status="running", credits_used=cost,
        started_by=caller.principal, input_gz=packed_input, created_at=created_at, **attributes,
    )
    if not store.start_execution(execution, cost):
        organization = organization_store.get_organization(caller.organization_id)
        balance = int(organization.credits) if organization else 0
        raise InsufficientCredits(f"This run costs {cost} credits; the balance is {balance}.",
                                  {"required": cost, "balance": balance})

    outcome = _solve(solve, label)
    charged = 0 if outcome.status == "error" else cost
    provenance = {key: attributes.get(key) for key in ("model_id", "document_id", "version_id", "sequence")}
    result = OptimizationResult(**outcome.model_dump(), **provenance, execution_id=execution.execution_id,
                                credits_used=charged, created_at=created_at)
    stored = result.model_dump(mode="json")
    if len(store.pack_json(stored)) > MAX_STORED_BYTES:
        stored = {**stored, "solution": None, "message": "solution too large to keep; returned once"}
    store.finish_execution(execution, "failed" if outcome.status == "error" else "succeeded",
                           stored, utc_now_iso(), refund=cost - charged)
    return result


def _solve(solve: Callable[[], SolveOutcome], label: str) -> SolveOutcome:
    """Run the solve; a crash becomes an `error` result (and a refund), not a 500."""
    started = time.perf_counter()
    try:
        return solve()
    except InputError as error:
        message = f"The input cannot be solved: {error}"
    except Exception:
        logger.exception("solve of %s failed", label)
        message = "The solver failed on this input; no credits were charged."
    return SolveOutcome(status="error", solver="none", message=message,
                        solve_time_ms=int((time.perf_counter() - started) * 1000))


def _check_time_limit(options: RunOptions) -> None:
    limit = get_settings().max_time_limit_s
    if options.time_limit_s > limit:
        raise BadRequest(f"options.time_limit_s may be at most {limit:g} seconds.",
                         [{"field": "options.time_limit_s", "message": f"at most {limit:g}"}])
