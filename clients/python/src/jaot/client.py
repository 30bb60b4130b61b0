"""The JAOT client: one method per route of the API (see ROUTES), typed results.

    import jaot
    client = jaot.Client()                       # JAOT_API_KEY / JAOT_BASE_URL / config file
    entry = client.catalog.find("warehouse_allocation")
    model = client.catalog.activate(entry.id)
    result = client.models.execute(model.id, {...})
    print(result.status, result.objective_value)
"""
from __future__ import annotations

import json
import time
from typing import Any, Callable, Iterator, Optional, Sequence, TypeVar, Union

from pydantic import BaseModel

from jaot import _config, types, webhooks
from jaot._transport import Reply, Transport
from jaot.errors import ConfigurationError, WaitTimeout
from jaot.modeling import Model

M = TypeVar("M", bound=BaseModel)
Options = Union[types.RunOptions, dict, None]

ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/api/v2/health"): "health",
    ("GET", "/api/v2/openapi.json"): "openapi",
    ("GET", "/api/v2/models/catalog"): "catalog.list",
    ("POST", "/api/v2/models/catalog/{catalog_id}/activate"): "catalog.activate",
    ("GET", "/api/v2/models"): "models.list",
    ("POST", "/api/v2/models"): "models.create",
    ("GET", "/api/v2/models/{model_id}"): "models.get",
    ("PATCH", "/api/v2/models/{model_id}"): "models.update",
    ("DELETE", "/api/v2/models/{model_id}"): "models.deactivate",
    ("GET", "/api/v2/models/{model_id}/schema"): "models.schema",
    ("POST", "/api/v2/models/{model_id}/execute"): "models.execute",
    ("GET", "/api/v2/organization"): "organization.get",
    ("POST", "/api/v2/solve"): "solve",
    ("POST", "/api/v2/builder"): "builder.create",
    ("GET", "/api/v2/builder"): "builder.list",
    ("GET", "/api/v2/builder/{document_id}"): "builder.get",
    ("PUT", "/api/v2/builder/{document_id}"): "builder.update",
    ("DELETE", "/api/v2/builder/{document_id}"): "builder.delete",
    ("POST", "/api/v2/builder/{document_id}/compile"): "builder.compile",
    ("POST", "/api/v2/builder/{document_id}/execute"): "builder.execute",
    ("GET", "/api/v2/builder/{document_id}/versions"): "versions.list",
    ("POST", "/api/v2/builder/{document_id}/versions"): "versions.checkpoint",
    ("GET", "/api/v2/builder/{document_id}/versions/{version_id}"): "versions.get",
    ("PATCH", "/api/v2/builder/{document_id}/versions/{version_id}"): "versions.promote",
    ("DELETE", "/api/v2/builder/{document_id}/versions/{version_id}"): "versions.delete",
    ("POST", "/api/v2/builder/{document_id}/versions/{version_id}/restore"): "versions.restore",
    ("GET", "/api/v2/executions"): "executions.list",
    ("GET", "/api/v2/executions/{execution_id}"): "executions.get",
    ("POST", "/api/v2/executions/{execution_id}/cancel"): "executions.cancel",
    ("POST", "/api/v2/executions/compare"): "executions.compare",
    ("POST", "/api/v2/triggers"): "triggers.create",
    ("GET", "/api/v2/triggers"): "triggers.list",
    ("GET", "/api/v2/triggers/{trigger_id}"): "triggers.get",
    ("PATCH", "/api/v2/triggers/{trigger_id}"): "triggers.update",
    ("DELETE", "/api/v2/triggers/{trigger_id}"): "triggers.delete",
    ("POST", "/api/v2/hooks/{trigger_id}"): "triggers.fire",
    ("POST", "/api/v2/api-keys"): "api_keys.create",
    ("GET", "/api/v2/api-keys"): "api_keys.list",
    ("DELETE", "/api/v2/api-keys/{key_id}"): "api_keys.revoke",
    ("POST", "/api/v2/mathopt/solve"): "mathopt.solve",
}
"""Every route of the API's OpenAPI document -> the client method that calls it (a test
checks it against the server's document: a new route fails it until it has a method)."""

NOT_API_ROUTES = {("GET", "/docs"), ("GET", "/docs/{asset}"),
                  ("GET", "/console"), ("GET", "/console/assets/{asset}")}
"""The reference's and the console's HTML pages and their assets: for browsers, not for the SDK."""

TERMINAL_STATUSES = ("succeeded", "failed", "canceled")


def _options(options: Options) -> Optional[dict]:
    if options is None:
        return None
    if isinstance(options, BaseModel):
        return options.model_dump(exclude_none=True, exclude_unset=True)
    return dict(options)


def _fields(**values: Any) -> dict:
    return {name: value for name, value in values.items() if value is not None}


class Run:
    """A queued run (202): `wait()` until it ends, `cancel()` it, read its `result`."""

    def __init__(self, client: "Client", execution_id: str, status: str = "queued"):
        self._client = client
        self.execution_id = execution_id
        self.status = status
        self.execution: Optional[types.Execution] = None

    def __repr__(self) -> str:
        return f"Run({self.execution_id!r}, status={self.status!r})"

    def refresh(self) -> types.Execution:
        self.execution = self._client.executions.get(self.execution_id)
        self.status = self.execution.status
        return self.execution

    @property
    def done(self) -> bool:
        return self.status in TERMINAL_STATUSES

    @property
    def result(self) -> Optional[types.OptimizationResult]:
        return self.execution.result if self.execution else None

    def wait(self, timeout: Optional[float] = None, poll_interval: float = 0.5,
             on_progress: Optional[Callable[[types.Execution], None]] = None) -> types.Execution:
        """Poll until the run ends (succeeded, failed or canceled) and return it; WaitTimeout
        after `timeout` seconds (the run goes on). `on_progress` sees every poll."""
        deadline = None if timeout is None else time.monotonic() + timeout
        interval = poll_interval
        while True:
            execution = self.refresh()
            if on_progress:
                on_progress(execution)
            if self.done:
                return execution
            if deadline is not None and time.monotonic() >= deadline:
                raise WaitTimeout(f"run {self.execution_id} is still {self.status} after {timeout:g} s", execution)
            pause = interval if deadline is None else max(0.0, min(interval, deadline - time.monotonic()))
            time.sleep(pause)
            interval = min(interval * 1.5, 5.0)

    def cancel(self) -> types.Execution:
        self.execution = self._client.executions.cancel(self.execution_id)
        self.status = self.execution.status
        return self.execution


class _Resource:
    def __init__(self, client: "Client"):
        self._client = client

    def _call(self, method: str, path: str, model: Any = None, **kwargs: Any) -> Any:
        reply = self._client._transport.request(method, path, **kwargs)
        return reply if model is None else _read(model, reply.body)

    def _pages(self, fetch: Callable[[int], types.Page], page_size: int) -> Iterator[Any]:
        page = 1
        while True:
            current = fetch(page)
            yield from current.items
            if not current.items or page * page_size >= current.total:
                return
            page += 1


def _read(model: Any, body: Any) -> Any:
    if isinstance(model, list):
        return [model[0].model_validate(item) for item in body]
    return model.model_validate(body)


def _run_reply(client: "Client", reply: Reply) -> Union[types.OptimizationResult, Run]:
    if reply.status == 202:
        queued = types.QueuedRun.model_validate(reply.body)
        return Run(client, queued.execution_id, queued.status)
    return types.OptimizationResult.model_validate(reply.body)


class Catalog(_Resource):
    def list(self, *, category: Optional[str] = None, search: Optional[str] = None, page: int = 1,
             page_size: int = 20) -> types.Page[types.CatalogModel]:
        """One page of the marketplace (public: no key needed)."""
        return self._call("GET", "/models/catalog", types.Page[types.CatalogModel], auth=False,
                          params=dict(category=category, search=search, page=page, page_size=page_size))

    def iter(self, *, category: Optional[str] = None, search: Optional[str] = None,
             page_size: int = 100) -> Iterator[types.CatalogModel]:
        """Every catalog model, page after page."""
        return self._pages(lambda page: self.list(category=category, search=search, page=page,
                                                  page_size=page_size), page_size)

    def find(self, name: str) -> types.CatalogModel:
        """The catalog model called `name` (e.g. "warehouse_allocation"); NotFound otherwise."""
        for entry in self.iter(search=name):
            if entry.name == name:
                return entry
        from jaot.errors import NotFound
        raise NotFound(404, "not_found", f"No catalog model is named {name!r}.")

    def activate(self, catalog_id: str) -> types.ActivatedModel:
        """Activate a catalog model for your organization (the same `exe_` id every time)."""
        return self._call("POST", f"/models/catalog/{catalog_id}/activate", types.ActivatedModel)


class Models(_Resource):
    def list(self, *, category: Optional[str] = None, search: Optional[str] = None,
             is_active: Optional[bool] = None, is_favorite: Optional[bool] = None, page: int = 1,
             page_size: int = 20) -> types.Page[types.OrgModel]:
        return self._call("GET", "/models", types.Page[types.OrgModel], params=dict(
            category=category, search=search, is_active=is_active, is_favorite=is_favorite, page=page,
            page_size=page_size))

    def iter(self, *, page_size: int = 100, **filters: Any) -> Iterator[types.OrgModel]:
        return self._pages(lambda page: self.list(page=page, page_size=page_size, **filters), page_size)

    def activate(self, catalog_id: str) -> types.ActivatedModel:
        """Same as `catalog.activate`."""
        return self._client.catalog.activate(catalog_id)

    def create(self, name: str, generator_type: str, **fields: Any) -> types.OrgModel:
        """A private model (`display_name`, `description`, `category`, `input_schema`, ...)."""
        return self._call("POST", "/models", types.OrgModel, body={"name": name, "generator_type": generator_type,
                                                                     **fields})

    def get(self, model_id: str) -> types.OrgModel:
        return self._call("GET", f"/models/{model_id}", types.OrgModel)

    def update(self, model_id: str, *, custom_name: Optional[str] = None, custom_config: Optional[dict] = None,
               is_active: Optional[bool] = None, is_favorite: Optional[bool] = None) -> types.Status:
        return self._call("PATCH", f"/models/{model_id}", types.Status, body=_fields(
            custom_name=custom_name, custom_config=custom_config, is_active=is_active, is_favorite=is_favorite))

    def deactivate(self, model_id: str) -> types.Status:
        return self._call("DELETE", f"/models/{model_id}", types.Status)

    def schema(self, model_id: str) -> types.ModelSchema:
        return self._call("GET", f"/models/{model_id}/schema", types.ModelSchema)

    def execute(self, model_id: str, input_data: dict, *, options: Options = None, run_async: bool = False,
                idempotency_key: Optional[str] = None) -> Union[types.OptimizationResult, Run]:
        """Run a model on `input_data`: the result, or with `run_async=True` a Run to `wait()` for."""
        reply = self._call("POST", f"/models/{model_id}/execute", replay_safe=True, idempotency_key=idempotency_key,
                           body=_fields(input_data=input_data, options=_options(options),
                                        **{"async": run_async or None}))
        return _run_reply(self._client, reply)


class Organization(_Resource):
    def get(self) -> types.Organization:
        return self._call("GET", "/organization", types.Organization)


class Builder(_Resource):
    def create(self, name: str, *, description: Optional[str] = None,
               canvas_json: Optional[dict] = None) -> types.Document:
        return self._call("POST", "/builder", types.Document,
                          body=_fields(name=name, description=description, canvas_json=canvas_json))

    def list(self, *, is_active: Optional[bool] = None, page: int = 1,
             page_size: int = 20) -> types.Page[types.DocumentSummary]:
        return self._call("GET", "/builder", types.Page[types.DocumentSummary],
                          params=dict(is_active=is_active, page=page, page_size=page_size))

    def iter(self, *, is_active: Optional[bool] = None, page_size: int = 100) -> Iterator[types.DocumentSummary]:
        return self._pages(lambda page: self.list(is_active=is_active, page=page, page_size=page_size), page_size)

    def get(self, document_id: str) -> types.Document:
        return self._call("GET", f"/builder/{document_id}", types.Document)

    def update(self, document_id: str, *, canvas_json: Optional[dict] = None, name: Optional[str] = None,
               description: Optional[str] = None, is_active: Optional[bool] = None) -> types.Document:
        return self._call("PUT", f"/builder/{document_id}", types.Document, body=_fields(
            canvas_json=canvas_json, name=name, description=description, is_active=is_active))

    def delete(self, document_id: str) -> types.Status:
        return self._call("DELETE", f"/builder/{document_id}", types.Status)

    def compile(self, document_id: str, canvas_json: Optional[dict] = None) -> types.CompileResult:
        return self._call("POST", f"/builder/{document_id}/compile", types.CompileResult,
                          body=_fields(canvas_json=canvas_json))

    def execute(self, document_id: str, *, version_id: Optional[str] = None, parameters: Optional[dict] = None,
                solver: Optional[str] = None, options: Options = None, run_async: bool = False,
                idempotency_key: Optional[str] = None) -> Union[types.OptimizationResult, Run]:
        reply = self._call("POST", f"/builder/{document_id}/execute", replay_safe=True,
                           idempotency_key=idempotency_key, body=_fields(
                               version_id=version_id, parameters=parameters, solver=solver,
                               options=_options(options), **{"async": run_async or None}))
        return _run_reply(self._client, reply)


class Versions(_Resource):
    def list(self, document_id: str, *, skip: int = 0, limit: int = 20) -> list[types.Version]:
        """One slice of a document's history, newest first."""
        return self._call("GET", f"/builder/{document_id}/versions", [types.Version],
                          params=dict(skip=skip, limit=limit))

    def iter(self, document_id: str, *, limit: int = 100) -> Iterator[types.Version]:
        """The whole history, newest first."""
        skip = 0
        while True:
            batch = self.list(document_id, skip=skip, limit=limit)
            yield from batch
            if len(batch) < limit:
                return
            skip += limit

    def checkpoint(self, document_id: str, canvas_json: Optional[dict] = None) -> types.VersionDetail:
        """A version of `canvas_json` (by default the document's saved canvas)."""
        if canvas_json is None:
            canvas_json = self._client.builder.get(document_id).canvas_json
        return self._call("POST", f"/builder/{document_id}/versions", types.VersionDetail,
                          body={"canvas_json": canvas_json})

    def get(self, document_id: str, version_id: str) -> types.VersionDetail:
        return self._call("GET", f"/builder/{document_id}/versions/{version_id}", types.VersionDetail)

    def promote(self, document_id: str, version_id: str, name: str,
                description: Optional[str] = None) -> types.Version:
        """Name a version (named versions are never pruned)."""
        return self._call("PATCH", f"/builder/{document_id}/versions/{version_id}", types.Version,
                          body=_fields(version_name=name, version_description=description))

    def delete(self, document_id: str, version_id: str) -> types.Status:
        return self._call("DELETE", f"/builder/{document_id}/versions/{version_id}", types.Status)

    def restore(self, document_id: str, version_id: str,
                current_canvas_json: Optional[dict] = None) -> types.RestoreResult:
        """The document takes the version's canvas, after a safety checkpoint of
        `current_canvas_json` (by default the document's saved canvas)."""
        if current_canvas_json is None:
            current_canvas_json = self._client.builder.get(document_id).canvas_json
        return self._call("POST", f"/builder/{document_id}/versions/{version_id}/restore", types.RestoreResult,
                          body={"current_canvas_json": current_canvas_json})


class Executions(_Resource):
    def list(self, *, limit: int = 20, cursor: Optional[str] = None, model_id: Optional[str] = None,
             document_id: Optional[str] = None, version_id: Optional[str] = None,
             trigger_id: Optional[str] = None, status: Optional[str] = None,
             created_after: Optional[str] = None, created_before: Optional[str] = None) -> types.ExecutionPage:
        return self._call("GET", "/executions", types.ExecutionPage, params=dict(
            limit=limit, cursor=cursor, model_id=model_id, document_id=document_id, version_id=version_id,
            trigger_id=trigger_id, status=status, created_after=created_after, created_before=created_before))

    def iter(self, *, limit: int = 100, **filters: Any) -> Iterator[types.ExecutionSummary]:
        """Every run matching the filters, newest first, following the cursor."""
        cursor = None
        while True:
            page = self.list(limit=limit, cursor=cursor, **filters)
            yield from page.items
            if not page.has_more or not page.next_cursor:
                return
            cursor = page.next_cursor

    def get(self, execution_id: str) -> types.Execution:
        return self._call("GET", f"/executions/{execution_id}", types.Execution)

    def cancel(self, execution_id: str) -> types.Execution:
        return self._call("POST", f"/executions/{execution_id}/cancel", types.Execution)

    def compare(self, execution_a: str, execution_b: str) -> types.Comparison:
        """What changed from run A to run B (two finished runs of the same model): the objective,
        the solutions' numbers, the inputs, and the solution in its own terms (stops moved,
        items entered...), with a `summary` to read."""
        return self._call("POST", "/executions/compare", types.Comparison, replay_safe=True,
                          body={"execution_ids": [execution_a, execution_b]})

    def experiment(self, document_id: str, versions: Sequence[str], *, parameters: Optional[dict] = None,
                   solver: Optional[str] = None, options: Options = None,
                   idempotency_key: Optional[str] = None) -> types.Comparison:
        """Run two versions of a builder document (`ver_...` ids or "current") on the same
        parameters and compare them. Both runs are charged and recorded (`execution_ids`)."""
        return self._call("POST", "/executions/compare", types.Comparison, replay_safe=True,
                          idempotency_key=idempotency_key, body=_fields(
                              document_id=document_id, version_ids=list(versions), parameters=parameters,
                              solver=solver, options=_options(options)))

    def run(self, execution_id: str) -> Run:
        """A Run handle for an existing execution (to `wait()` for it)."""
        return Run(self._client, execution_id, status="unknown")


class Triggers(_Resource):
    def create(self, name: str, type: str, **fields: Any) -> types.TriggerCreated:
        """`type` is schedule, webhook, queue or storage; `model_id` or `document_id` (+ `version_id`),
        `input_data` or `input_from_event`, `options`, `schedule_expression`, `callback_url`..."""
        if "options" in fields:
            fields["options"] = _options(fields["options"])
        return self._call("POST", "/triggers", types.TriggerCreated, body={"name": name, "type": type, **fields})

    def list(self, *, type: Optional[str] = None, document_id: Optional[str] = None,
             model_id: Optional[str] = None, page: int = 1, page_size: int = 20) -> types.Page[types.Trigger]:
        return self._call("GET", "/triggers", types.Page[types.Trigger], params=dict(
            type=type, document_id=document_id, model_id=model_id, page=page, page_size=page_size))

    def iter(self, *, page_size: int = 100, **filters: Any) -> Iterator[types.Trigger]:
        return self._pages(lambda page: self.list(page=page, page_size=page_size, **filters), page_size)

    def get(self, trigger_id: str) -> types.Trigger:
        return self._call("GET", f"/triggers/{trigger_id}", types.Trigger)

    def update(self, trigger_id: str, **fields: Any) -> types.Trigger:
        if "options" in fields:
            fields["options"] = _options(fields["options"])
        return self._call("PATCH", f"/triggers/{trigger_id}", types.Trigger, body=fields)

    def delete(self, trigger_id: str) -> types.Status:
        return self._call("DELETE", f"/triggers/{trigger_id}", types.Status)

    def fire(self, trigger_id: str, event: dict, secret: str) -> Run:
        """POST a signed event to a webhook trigger (no API key: the signature is the credential)."""
        content = json.dumps(event, allow_nan=False).encode()
        reply = self._call("POST", f"/hooks/{trigger_id}", content=content, auth=False,
                           headers={webhooks.SIGNATURE_HEADER: webhooks.sign(secret, content)})
        queued = types.QueuedRun.model_validate(reply.body)
        return Run(self._client, queued.execution_id, queued.status)


class ApiKeys(_Resource):
    def create(self, name: Optional[str] = None) -> types.ApiKeyCreated:
        """A new key: `.key` is shown only in this answer."""
        return self._call("POST", "/api-keys", types.ApiKeyCreated, body=_fields(name=name))

    def list(self) -> types.ApiKeyList:
        return self._call("GET", "/api-keys", types.ApiKeyList)

    def revoke(self, key_id: str) -> types.ApiKey:
        return self._call("DELETE", f"/api-keys/{key_id}", types.ApiKey)


class MathOpt(_Resource):
    def solve(self, request: dict, *, idempotency_key: Optional[str] = None) -> types.MathOptResponse:
        """POST a `SolveMathOptModelRequest` (proto3 JSON) as is. OR-Tools users rather call
        `remote_http_solve(..., endpoint=client.mathopt.endpoint, api_key=...)`."""
        return self._call("POST", "/mathopt/solve", types.MathOptResponse, body=request, replay_safe=True,
                          idempotency_key=idempotency_key)

    @property
    def endpoint(self) -> str:
        """The URL to give OR-Tools' `remote_http_solve(endpoint=...)`."""
        return self._client.base_url + "/mathopt/solve"


class Client:
    """The JAOT API. Settings: arguments, else JAOT_API_KEY / JAOT_BASE_URL, else the config
    file (~/.config/jaot/config.toml); see `jaot._config`."""

    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None, *,
                 profile: Optional[str] = None, timeout: float = 60.0, max_retries: int = 3,
                 require_key: bool = False) -> None:
        settings = _config.resolve(api_key, base_url, profile)
        if require_key and not settings.api_key:
            raise ConfigurationError("No API key: set JAOT_API_KEY, pass api_key=, or put api_key in "
                                     f"{_config.config_path()}")
        self.base_url = settings.base_url
        self._transport = Transport(settings.base_url, settings.api_key, timeout=timeout, max_retries=max_retries)
        self.catalog = Catalog(self)
        self.models = Models(self)
        self.organization = Organization(self)
        self.builder = Builder(self)
        self.versions = Versions(self)
        self.executions = Executions(self)
        self.triggers = Triggers(self)
        self.api_keys = ApiKeys(self)
        self.mathopt = MathOpt(self)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    def close(self) -> None:
        self._transport.close()

    def health(self) -> types.Status:
        return types.Status.model_validate(self._transport.request("GET", "/health", auth=False).body)

    def openapi(self) -> dict:
        """The API's OpenAPI 3.1 document."""
        return self._transport.request("GET", "/openapi.json", auth=False).body

    def solve(self, model: Union[Model, dict, None] = None, *, mps: Optional[str] = None, lp: Optional[str] = None,
              parameters: Optional[dict] = None, solver: Optional[str] = None, options: Options = None,
              run_async: bool = False, idempotency_key: Optional[str] = None,
              ) -> Union[types.OptimizationResult, Run]:
        """Solve your own linear model: a `jaot.Model`, a JSON model (dict), or MPS / LP text."""
        if isinstance(model, Model):
            model = model.to_json()
        reply = self._transport.request("POST", "/solve", replay_safe=True, idempotency_key=idempotency_key,
                                        body=_fields(model=model, mps=mps, lp=lp, parameters=parameters,
                                                     solver=solver, options=_options(options),
                                                     **{"async": run_async or None}))
        return _run_reply(self, reply)

    def run(self, execution_id: str) -> Run:
        return Run(self, execution_id, status="unknown")
