"""The embedded store of `make run`: moto's DynamoDB/SQS/S3 server, made durable and safe
under concurrent requests.

moto keeps everything in memory and is not thread-safe (concurrent TransactWriteItems
lost writes). This wraps its WSGI application:

- one lock around every request, so each request applies atomically, as DynamoDB does
  (and transactions that copy only the items they touch: local/moto_transactions.py);
- a journal: every DynamoDB or S3 request that changed something is appended to
  `journal.jsonl` (its WSGI environ and body) before its answer is sent, so what was
  acknowledged survives `kill -9`. A restart loads the snapshot and replays the journal
  through the same application, with S3's queue notifications muted (they were sent the
  first time);
- snapshots: `snapshot.pickle` holds moto's DynamoDB and S3 backends as of a journal
  sequence number. It is written at start (after replay), at a clean stop and every
  `COMPACT_EVERY` journal records (so a replay after a kill is at most that long); a record at or below its number is never replayed twice;
- SQS: its state is small and its receipt handles do not replay, so `sqs.pickle` is
  rewritten after every request that may have changed it (sends, deletes, queue changes,
  and S3 writes, which may notify a queue). Receives are not kept: after a restart every
  message is visible again (no worker survived), which SQS's at-least-once delivery allows.

Files are replaced atomically (write, then rename); a journal line cut by a kill is
ignored. Power loss is not covered: nothing is fsynced.
"""
from __future__ import annotations

import base64
import copyreg
import io
import json
import os
import pickle
import threading
from pathlib import Path
from typing import Any, Callable, Iterable

COMPACT_EVERY = 1000
SNAPSHOT_FORMAT = 1
DYNAMODB_READS = {
    "GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems", "DescribeTable", "ListTables",
    "DescribeTimeToLive", "ListTagsOfResource", "DescribeContinuousBackups", "DescribeEndpoints",
    "DescribeLimits", "DescribeKinesisStreamingDestination", "ListBackups", "ListGlobalTables",
    "DescribeGlobalTable", "DescribeBackup", "ListExports", "ListImports",
}
SQS_WRITES = {
    "SendMessage", "SendMessageBatch", "DeleteMessage", "DeleteMessageBatch", "CreateQueue", "DeleteQueue",
    "PurgeQueue", "SetQueueAttributes", "TagQueue", "UntagQueue",
}
_ENVIRON_KEYS = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE",
                 "CONTENT_LENGTH", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "REQUEST_URI",
                 "RAW_URI", "wsgi.url_scheme")


def _allow_pickling_locks() -> None:
    """moto's SQS queues hold a Condition; a restored one gets a fresh, unlocked lock."""
    for lock_type, factory in ((type(threading.Lock()), threading.Lock), (type(threading.RLock()), threading.RLock)):
        copyreg.pickle(lock_type, lambda _lock, factory=factory: (factory, ()))


class DataDirInUse(RuntimeError):
    """Another process serves this data folder."""


class DurableStore:
    """moto's server application with a lock, a journal and snapshots in `data_dir`."""

    def __init__(self, data_dir: Path):
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        from local import moto_transactions

        _allow_pickling_locks()
        moto_transactions.install()
        self.data_dir = data_dir
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._claim_data_dir()
        self.app = DomainDispatcherApplication(create_backend_app)
        self._lock = threading.RLock()
        self._journal: io.BufferedWriter | None = None
        self._seq = 0
        self._since_snapshot = 0
        self.replayed = 0

    @property
    def snapshot_path(self) -> Path:
        return self.data_dir / "snapshot.pickle"

    @property
    def journal_path(self) -> Path:
        return self.data_dir / "journal.jsonl"

    @property
    def sqs_path(self) -> Path:
        return self.data_dir / "sqs.pickle"

    def _claim_data_dir(self) -> None:
        import fcntl

        self._lock_file = open(self.data_dir / "lock", "w")
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataDirInUse(f"{self.data_dir} is in use by another `make run`; stop it, or set "
                               "JAOT_DATA_DIR to another folder.") from None

    # -- start and stop ----------------------------------------------------------------

    def open(self) -> None:
        """Load the snapshot, replay the journal after it, then compact."""
        with self._lock:
            self._seq = self._load_snapshot()
            self.replayed = self._replay_journal()
            self._load_sqs()
            self._write_snapshot()

    def close(self) -> None:
        """A clean stop: snapshot everything and empty the journal; later requests wait."""
        self._lock.acquire()  # held until the process exits: nothing changes after the snapshot
        self._write_snapshot()

    def _load_snapshot(self) -> int:
        if not self.snapshot_path.exists():
            return 0
        with open(self.snapshot_path, "rb") as file:
            snapshot = pickle.load(file)
        if snapshot.get("format") != SNAPSHOT_FORMAT or snapshot.get("moto") != _moto_version():
            raise RuntimeError(f"{self.snapshot_path} was written by another version of the store "
                               f"(moto {snapshot.get('moto')}); run `make reset` to start empty.")
        for service, backends in snapshot["backends"].items():
            _restore(service, backends)
        return int(snapshot["seq"])

    def _replay_journal(self) -> int:
        if not self.journal_path.exists():
            return 0
        replayed = 0
        with _s3_notifications_muted():
            for record in _journal_records(self.journal_path):
                if record["seq"] <= self._seq:
                    continue
                self._call(_environ_from(record), _body_from(record))
                self._seq = record["seq"]
                replayed += 1
        return replayed

    def _load_sqs(self) -> None:
        if not self.sqs_path.exists():
            return
        with open(self.sqs_path, "rb") as file:
            _restore("sqs", pickle.load(file))
        _make_messages_visible()

    def _write_snapshot(self) -> None:
        snapshot = {"format": SNAPSHOT_FORMAT, "moto": _moto_version(), "seq": self._seq,
                    "backends": {service: _backends(service) for service in ("dynamodb", "s3")}}
        _replace(self.snapshot_path, pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
        if self._journal is not None:
            self._journal.close()
        self._journal = open(self.journal_path, "wb", buffering=0)
        self._since_snapshot = 0
        self._write_sqs()

    def _write_sqs(self) -> None:
        _replace(self.sqs_path, pickle.dumps(_backends("sqs"), protocol=pickle.HIGHEST_PROTOCOL))

    def message_bodies(self, queue_name: str) -> list[str]:
        """The bodies of the messages waiting on a queue (for recovery at start)."""
        with self._lock:
            return [message.body for regions in _backends("sqs").values() for backend in regions.values()
                    for name, queue in backend.queues.items() if name == queue_name
                    for message in queue._messages]

    # -- serving ------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """The WSGI application: one request at a time, journaled before it is answered."""
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        service, action = _classify(environ, body)
        if service == "sqs" and action == "ReceiveMessage":
            body = _without_long_polling(environ, body)  # a long poll would hold the lock
        with self._lock:
            status, headers, payload = self._call(environ, body)
            if int(status.split()[0]) < 400:
                self._keep(environ, body, service, action)
        start_response(status, headers)
        return [payload]

    def _call(self, environ: dict[str, Any], body: bytes) -> tuple[str, list[tuple[str, str]], bytes]:
        environ = dict(environ, **{"wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))})
        reply: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            reply["status"], reply["headers"] = status, headers

        chunks = self.app(environ, start_response)
        try:
            payload = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        return reply["status"], reply["headers"], payload

    def _keep(self, environ: dict[str, Any], body: bytes, service: str, action: str) -> None:
        if service == "dynamodb" and action not in DYNAMODB_READS or \
                service == "s3" and environ["REQUEST_METHOD"] in ("PUT", "POST", "DELETE"):
            self._append(environ, body)
        if service == "s3" and environ["REQUEST_METHOD"] in ("PUT", "POST") or \
                service == "sqs" and action in SQS_WRITES:
            self._write_sqs()

    def _append(self, environ: dict[str, Any], body: bytes) -> None:
        self._seq += 1
        record = {"seq": self._seq, "environ": {key: environ[key] for key in _ENVIRON_KEYS if key in environ},
                  "headers": {key: value for key, value in environ.items() if key.startswith("HTTP_")},
                  "body": base64.b64encode(body).decode()}
        assert self._journal is not None
        self._journal.write(json.dumps(record).encode() + b"\n")  # one write(2): whole or cut, never mixed
        self._since_snapshot += 1
        if self._since_snapshot >= COMPACT_EVERY:
            self._write_snapshot()


def serve(store: DurableStore, host: str, port: int) -> Any:
    """Bind now (a busy port raises OSError here, not in a thread), serve in a thread."""
    from moto.moto_server.threaded_moto_server import MotoRequestHandler
    from werkzeug.serving import make_server

    server = make_server(host, port, store, threaded=True, request_handler=MotoRequestHandler)
    threading.Thread(target=server.serve_forever, name="store", daemon=True).start()
    return server


# -- moto's backends ------------------------------------------------------------------------

def _moto_version() -> str:
    import moto

    return moto.__version__


def _backends(service: str) -> dict[str, dict[str, Any]]:
    """{account: {region: backend}}: the state, without moto's registry objects."""
    from moto.backends import get_backend

    return {account: dict(regions.items()) for account, regions in get_backend(service).items()}


def _restore(service: str, backends: dict[str, dict[str, Any]]) -> None:
    from moto.backends import get_backend

    live = get_backend(service)
    for account, regions in backends.items():
        for region, backend in regions.items():
            live[account][region] = backend


def _make_messages_visible() -> None:
    """No consumer outlived the restart: what it had received is visible again."""
    for regions in _backends("sqs").values():
        for backend in regions.values():
            for queue in backend.queues.values():
                for message in queue._messages:
                    message.change_visibility(0)


class _s3_notifications_muted:
    """Replaying an S3 write must not notify a queue again: SQS is restored as it was."""

    def __enter__(self) -> None:
        from moto.s3 import notifications

        self._saved = notifications.send_event
        notifications.send_event = lambda *args, **kwargs: None

    def __exit__(self, *exc: object) -> None:
        from moto.s3 import notifications

        notifications.send_event = self._saved


# -- requests -------------------------------------------------------------------------------

def _classify(environ: dict[str, Any], body: bytes) -> tuple[str, str]:
    """(service, action) from the SigV4 credential scope and the target or Action."""
    auth = environ.get("HTTP_AUTHORIZATION", "")
    scope = auth.split("Credential=", 1)[1].split(",", 1)[0].split("/") if "Credential=" in auth else []
    service = scope[3] if len(scope) > 3 else ""
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    action = target.rsplit(".", 1)[-1] if target else ""
    if service == "sqs" and not action:
        from urllib.parse import parse_qs

        params = parse_qs(environ.get("QUERY_STRING", "")) or parse_qs(body.decode("latin-1"))
        action = (params.get("Action") or [""])[0]
    return service, action


def _without_long_polling(environ: dict[str, Any], body: bytes) -> bytes:
    if "json" not in environ.get("CONTENT_TYPE", ""):
        return body
    try:
        request = json.loads(body)
    except ValueError:
        return body
    if not request.get("WaitTimeSeconds"):
        return body
    request["WaitTimeSeconds"] = 0
    return json.dumps(request).encode()


def _environ_from(record: dict[str, Any]) -> dict[str, Any]:
    import sys

    return {**record["environ"], **record["headers"], "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
            "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
            "REMOTE_ADDR": "127.0.0.1"}


def _body_from(record: dict[str, Any]) -> bytes:
    return base64.b64decode(record["body"])


def _journal_records(path: Path) -> Iterable[dict[str, Any]]:
    with open(path, "rb") as file:
        for line in file:
            if not line.endswith(b"\n"):
                return  # the last write, cut by a kill: it was never acknowledged
            yield json.loads(line)


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
