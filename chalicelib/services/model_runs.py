"""POST /models/{id}/execute: an organization model runs its template or its pinned builder version."""
from __future__ import annotations

from pydantic import BaseModel

from chalicelib.errors import BadRequest, NotFound, validate
from chalicelib.schemas.builder import BuilderExecuteRequest, ParameterValues
from chalicelib.schemas.executions import QueuedRun
from chalicelib.schemas.results import ExecuteRequest, OptimizationResult
from chalicelib.services import builder_runs, executions
from chalicelib.services.auth import Caller
from chalicelib.services.executions import SYNC, Dispatch, PreparedRun
from chalicelib.services.run_specs import TemplateSpec
from chalicelib.services.input_validation import validate_input
from chalicelib.services.org_models import NOT_FOUND, get_model_item, template_for
from chalicelib.store.items import OrgModelItem
from chalicelib.templates import TEMPLATE_NAMES, Template


def execute_model(caller: Caller, model_id: str, body: ExecuteRequest,
                  dispatch: Dispatch = SYNC) -> OptimizationResult | QueuedRun:
    item = get_model_item(caller, model_id)
    checked = check_input(item, body.input_data)
    if checked is None:
        return _run_builder_model(caller, item, body, dispatch)
    template, data = checked
    run = PreparedRun(
        cost=template.credits_per_execution, label=template.name, raw_input=body.input_data,
        spec=TemplateSpec(template=template.name, input=body.input_data, options=body.options),
        attributes={"kind": "model", "model_id": item.model_id, "catalog_id": item.catalog_id,
                    "template": template.name},
        solve=lambda: template.solve(data, body.options),
    )
    return executions.start(caller, run, dispatch)


def check_input(item: OrgModelItem, input_data: dict) -> tuple[Template, BaseModel] | None:
    """400 unless `input_data` fits the model; the template and parsed input of a template
    model, None for a builder model (its input is parameter values, checked as it runs)."""
    if not item.is_active:
        raise NotFound(NOT_FOUND + " It is deactivated; PATCH is_active: true to reactivate it.")
    if item.input_schema is not None:
        validate_input(input_data, item.input_schema)
    if item.generator_type == "builder":
        validate(ParameterValues, input_data, prefix=("input_data",))
        return None
    template = template_for(item)
    if template is None:
        raise BadRequest(
            f"Model {item.model_id} has nothing to run: set custom_config.template to one of "
            f"{', '.join(sorted(TEMPLATE_NAMES))}.",
            [{"field": "custom_config.template", "message": "missing"}])
    validate_input(input_data, template.input_schema)
    return template, validate(template.input_model, input_data, prefix=("input_data",))


def _run_builder_model(caller: Caller, item: OrgModelItem, body: ExecuteRequest,
                       dispatch: Dispatch) -> OptimizationResult | QueuedRun:
    """input_data holds parameter values; the pinned version of the document runs."""
    config = item.custom_config or {}
    parameters = validate(ParameterValues, body.input_data, prefix=("input_data",)).root
    request = BuilderExecuteRequest(version_id=config["version_id"], parameters=parameters, options=body.options)
    return builder_runs.execute_document(caller, config["document_id"], request, dispatch, kind="model",
                                         model_id=item.model_id)
