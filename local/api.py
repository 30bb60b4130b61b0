"""The API process of `make run`: Chalice's local server, answering as API Gateway does once
deployed with deploy/resources.json.

`chalice local` answers an unknown path with API Gateway's bare 403 "Missing Authentication
Token"; the deployed API maps that gateway response to our 404 envelope
(`GatewayResponses` in deploy/resources.json), so this server does the same, from the same
template.

Run as `python -m local.api --port N --processes P` (local/run.py starts it). It binds once,
then forks into P processes that accept on the same socket, each serving with threads: a
synchronous solve holds its process's interpreter lock for the whole solve (OR-Tools'
routing solver does not release it), and with one process every other request, a health
check included, waited for it.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from pathlib import Path
from typing import Any

from chalice.local import (ChaliceRequestHandler, ForbiddenError, LocalGateway, LocalGatewayException,
                           ThreadedHTTPServer)

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def gateway_response(name: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of a gateway response the deployment template declares."""
    resources = json.loads((ROOT / "deploy" / "resources.json").read_text())["Resources"]
    response = resources["RestAPI"]["Properties"]["GatewayResponses"][name]
    headers = {header: value.strip("'") for header, value in response["ResponseParameters"]["Headers"].items()}
    return int(response["StatusCode"]), headers, response["ResponseTemplates"]["application/json"].encode()


class GatewayResponse(LocalGatewayException):
    def __init__(self, name: str):
        status, headers, body = gateway_response(name)
        super().__init__(dict(headers), body)
        self.CODE = status


class DeployedGateway(LocalGateway):
    """LocalGateway whose route-not-found answer is the deployed one."""

    def handle_request(self, method: str, path: str, headers: Any, body: bytes | None) -> Any:
        try:
            return super().handle_request(method, path, headers, body)
        except ForbiddenError:  # chalice local raises it only when no route matches
            raise GatewayResponse("MISSING_AUTHENTICATION_TOKEN") from None


class RequestHandler(ChaliceRequestHandler):
    def log_message(self, *args: Any) -> None:
        """No access line on stderr: each request logs one JSON line (api/http.py)."""

    def __init__(self, request: Any, client_address: Any, server: Any, app_object: Any, config: Any):
        self.local_gateway = DeployedGateway(app_object, config)
        super(ChaliceRequestHandler, self).__init__(request, client_address, server)


class Server(ThreadedHTTPServer):
    """socketserver listens with a backlog of 5: the 6th of 50 simultaneous clients was reset."""

    request_queue_size = 256


def create_server(host: str, port: int) -> Any:
    """Chalice's LocalDevServer over the app, as `chalice local` builds it, with our handler."""
    from chalice.cli.factory import CLIFactory
    from chalice.local import CustomLocalChalice, LocalChalice, LocalDevServer

    config = CLIFactory(project_dir=str(ROOT)).create_config_obj(chalice_stage_name="dev")
    app = config.chalice_app
    CustomLocalChalice.__bases__ = (LocalChalice, app.__class__)
    app.__class__ = CustomLocalChalice  # current_request per thread, as chalice local does
    return LocalDevServer(app, config, host, port, handler_cls=RequestHandler, server_cls=Server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--processes", type=int, default=4)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from chalicelib import observability

    observability.configure_local()  # the deployed JSON log lines; compact when stdout is a terminal
    server = create_server(args.host, args.port)
    for _ in range(args.processes - 1):
        if os.fork() == 0:
            break  # a child: serve the inherited socket (local/run.py stops the whole group)
    try:
        server.server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
