"""HTTP with retries that cannot run or charge anything twice.

Retried, with exponential backoff (or the server's `Retry-After`, capped):
- 429 and 503: the service refused before changing anything (it says so);
- a connection that could not be opened: the request never left;
- 502, 504, a read timeout or a dropped connection, only when repeating is harmless: GET,
  PUT and DELETE, and POSTs the service de-duplicates by `Idempotency-Key` (execute, solve,
  mathopt), which carry one key the SDK generates per call and keeps across its retries;
- 409 with `Retry-After` on such a POST: the first attempt is still running.
"""
from __future__ import annotations

import json
import random
import time
import uuid
from dataclasses import dataclass
from typing import Any, Optional

import httpx

from jaot import __version__
from jaot.errors import ConnectionFailed, from_response

IDEMPOTENT_METHODS = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
MAX_RETRY_WAIT_S = 60.0


@dataclass
class Reply:
    status: int
    body: Any
    headers: httpx.Headers


class Transport:
    def __init__(self, base_url: str, api_key: Optional[str], *, timeout: float = 60.0, max_retries: int = 3,
                 backoff_s: float = 0.5, http: Optional[httpx.Client] = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.http = http or httpx.Client(timeout=timeout, headers={"User-Agent": f"jaot-python/{__version__}"})
        self.sleep = time.sleep

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, *, params: Optional[dict] = None, body: Any = None,
                content: Optional[bytes] = None, headers: Optional[dict] = None, auth: bool = True,
                replay_safe: bool = False, idempotency_key: Optional[str] = None) -> Reply:
        """One API call; raises the ApiError subclass of an error answer, ConnectionFailed when
        the service cannot be reached after the retries."""
        method = method.upper()
        all_headers = {"Accept": "application/json", **(headers or {})}
        if auth and self.api_key:
            all_headers["Authorization"] = f"Bearer {self.api_key}"
        if method not in IDEMPOTENT_METHODS:
            all_headers["Idempotency-Key"] = idempotency_key or f"jaot-{uuid.uuid4()}"
        if body is not None:
            content = json.dumps(body, allow_nan=False).encode()
        if content is not None:
            all_headers.setdefault("Content-Type", "application/json")
        query = {name: _query_value(value) for name, value in (params or {}).items() if value is not None}
        repeatable = method in IDEMPOTENT_METHODS or replay_safe
        attempt = 0
        while True:
            try:
                response = self.http.request(method, self.base_url + path, params=query, content=content,
                                             headers=all_headers)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
                if attempt < self.max_retries:
                    attempt += 1
                    self.sleep(self._backoff(attempt))
                    continue
                raise ConnectionFailed(f"cannot reach {self.base_url}: {error}") from None
            except httpx.TransportError as error:
                if repeatable and attempt < self.max_retries:
                    attempt += 1
                    self.sleep(self._backoff(attempt))
                    continue
                raise ConnectionFailed(f"{method} {path} failed: {error!r}") from None
            if response.status_code < 400:
                return Reply(response.status_code, _json(response), response.headers)
            if attempt < self.max_retries and self._retryable(response, repeatable, replay_safe):
                attempt += 1
                self.sleep(self._wait(response, attempt))
                continue
            raise from_response(response.status_code, _json(response), dict(response.headers))

    @staticmethod
    def _retryable(response: httpx.Response, repeatable: bool, replay_safe: bool) -> bool:
        status = response.status_code
        if status in (429, 503):
            return True
        if status in (502, 504):
            return repeatable
        return status == 409 and replay_safe and "retry-after" in response.headers

    def _backoff(self, attempt: int) -> float:
        return min(MAX_RETRY_WAIT_S, self.backoff_s * 2 ** (attempt - 1)) * (0.5 + random.random() / 2)

    def _wait(self, response: httpx.Response, attempt: int) -> float:
        try:
            return min(MAX_RETRY_WAIT_S, max(0.0, float(response.headers["retry-after"])))
        except (KeyError, ValueError):
            return self._backoff(attempt)


def _query_value(value: Any) -> Any:
    return ("true" if value else "false") if isinstance(value, bool) else value


def _json(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text
