"""`make run`: JAOT as a single-machine service that keeps what it is given.

This process holds the embedded store (local/store.py: moto's DynamoDB/SQS/S3, durable in
`$JAOT_DATA_DIR`, default `.jaot/`), recovers runs the last process left unfinished, and
starts two children: the worker loop (local/worker.py) and the API (local/api.py). Solves
run in the children only: OR-Tools' routing solver holds the interpreter lock while it
solves, and in this process it would stop the store from answering anyone. It prints the demo organization's
key, the same at every start. Ctrl-C or SIGTERM stops it all, snapshotting the store, with
exit status 0. A queued run whose time limit is above JAOT_LAMBDA_RUN_LIMIT_S (780 s) runs in
a process of its own, as a Fargate task does in AWS; stopping stops those too (each ends its
run `failed`, refunded), and a start ends any a killed service left behind.

Settings: PORT (API, 8000), JAOT_STORE_PORT (4566), JAOT_DATA_DIR, JAOT_DEMO_KEY (the demo
key to use), JAOT_DEMO_CREDITS (its credits when first created), JAOT_TICK_S (60),
JAOT_API_PROCESSES (4).
"""
from __future__ import annotations

import errno
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_S = 3.0
LONG_RUN_STOP_S = 5.0



class StartError(Exception):
    """A reason not to start, said to the user in one line."""


def configure_environment(store_port: int) -> None:
    stage = json.loads((ROOT / ".chalice" / "config.json").read_text())["stages"]["dev"]
    for name, value in stage.get("environment_variables", {}).items():
        os.environ.setdefault(name, value)
    for name, value in {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
                        "AWS_DEFAULT_REGION": "us-east-1"}.items():
        os.environ.setdefault(name, value)
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{store_port}"


def data_dir() -> Path:
    return Path(os.environ.get("JAOT_DATA_DIR") or ROOT / ".jaot").resolve()


def check_port_free(port: int, setting: str) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            raise StartError(_busy(port, setting, error)) from None


def _busy(port: int, setting: str, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"Port {port} is already in use; set {setting} to a free port (e.g. {setting}={port + 1} make run)."
    return f"Cannot listen on port {port} ({error.strerror}); set {setting} to another port."


def open_store(port: int):
    from local.store import DataDirInUse, DurableStore, serve

    try:
        store = DurableStore(data_dir())
    except DataDirInUse as error:
        raise StartError(str(error)) from None
    started = time.perf_counter()
    store.open()
    try:
        serve(store, "127.0.0.1", port)
    except SystemExit:  # werkzeug's answer to a port taken since check_port_free
        raise StartError(_busy(port, "JAOT_STORE_PORT", OSError(errno.EADDRINUSE, "in use"))) from None
    return store, time.perf_counter() - started


def prepare_store() -> int:
    """Table, bucket, queues and catalog: each kept if present, so every start may run it."""
    import boto3

    from chalicelib.services.catalog import publish_catalog
    from chalicelib.settings import get_settings
    from chalicelib.store.blobs import create_bucket
    from chalicelib.store.queues import connect_storage_events, create_queues
    from chalicelib.store.table import create_table

    settings = get_settings()
    create_table(boto3.client("dynamodb"), settings.table_name)
    create_bucket(boto3.client("s3"), settings.bucket_name)
    create_queues(boto3.client("sqs"))
    connect_storage_events(boto3.client("s3"), boto3.client("sqs"))
    return publish_catalog()


def demo_key(folder: Path) -> tuple[str, bool]:
    """The demo organization's key: JAOT_DEMO_KEY, else the one kept in the data folder;
    a new organization when neither names a live key. Returns (key, created)."""
    from chalicelib.services.auth import hash_api_key
    from chalicelib.services.organizations import create_organization
    from chalicelib.settings import get_settings
    from chalicelib.store.organizations import get_api_key_by_hash

    kept = folder / "demo_key"
    wanted = os.environ.get("JAOT_DEMO_KEY") or (kept.read_text().strip() if kept.exists() else "")
    if wanted and (not wanted.startswith(("ok_live_", "ok_test_")) or len(wanted) < 24):
        raise StartError("JAOT_DEMO_KEY must start with ok_live_ or ok_test_ and hold at least 16 more characters.")
    record = get_api_key_by_hash(hash_api_key(wanted)) if wanted else None
    created = record is None or bool(record.revoked_at)
    if created:
        _, wanted = create_organization("Demo organization", get_settings().demo_credits,
                                        api_key=wanted if os.environ.get("JAOT_DEMO_KEY") else None)
    kept.write_text(wanted + "\n")
    kept.chmod(0o600)
    return wanted, created


def recover_runs(store) -> dict[str, int]:
    import boto3

    from chalicelib.settings import get_settings
    from local import recovery

    settings = get_settings()
    return recovery.recover(boto3.client("dynamodb"), settings.table_name, store.message_bodies(settings.runs_queue))


def start_child(*args: str) -> subprocess.Popen:
    """A child in its own process group: Ctrl-C reaches this process, which stops it."""
    return subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, env=os.environ.copy(), start_new_session=True)


def wait_until_serving(api: subprocess.Popen, port: int, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if api.poll() is not None:
            raise StartError(f"The API process exited with status {api.returncode} before serving.")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise StartError(f"The API did not start listening on port {port} within {timeout_s:.0f} s.")


def stop_children(children: list[subprocess.Popen]) -> None:
    """SIGTERM to each group, SIGKILL to what is left after the grace period. A run cut off
    in the worker is taken up again at the next start (local/recovery.py)."""
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for child in children:
        try:
            child.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def stop_long_runs() -> None:
    """Long runs run in processes of their own, started by the worker (a run above
    JAOT_LAMBDA_RUN_LIMIT_S): stopped here, while the store still answers, so that each ends
    its run `failed`, refunded (local/recovery.py)."""
    import boto3

    from chalicelib.settings import get_settings
    from local import recovery

    try:
        stopped = recovery.stop_long_runs(boto3.client("dynamodb"), get_settings().table_name, LONG_RUN_STOP_S)
    except Exception as error:  # the next start ends what is left
        print(f"make run: stopping long runs failed ({error})", file=sys.stderr)
        return
    if stopped:
        print(f"Stopped {stopped} long run(s); they ended failed, refunded.", flush=True)


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    store_port = int(os.environ.get("JAOT_STORE_PORT", "4566"))
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    configure_environment(store_port)
    sys.path.insert(0, str(ROOT))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per store call otherwise
    store = None
    children: list[subprocess.Popen] = []
    try:
        check_port_free(port, "PORT")
        check_port_free(store_port, "JAOT_STORE_PORT")  # 4566 is LocalStack's port too
        store, opened_s = open_store(store_port)
        published = prepare_store()
        key, created = demo_key(store.data_dir)
        recovered = recover_runs(store)
        print(f"Store (DynamoDB/SQS/S3) on http://127.0.0.1:{store_port}, data in {store.data_dir} "
              f"(opened in {opened_s:.2f} s, {store.replayed} journal records replayed); "
              f"{published} catalog models published.")
        if any(recovered.values()):
            print("Unfinished runs: " + ", ".join(f"{count} {what}" for what, count in recovered.items()) + ".")
        children.append(start_child("local.worker"))
        api = start_child("local.api", "--port", str(port), "--processes", os.environ.get("JAOT_API_PROCESSES", "4"))
        children.append(api)
        wait_until_serving(api, port)
    except StartError as error:
        print(f"make run: {error}", file=sys.stderr, flush=True)
        stop_children(children)
        return 1
    print(("New demo organization" if created else "Demo organization") + "; its API key (kept in "
          f"{store.data_dir / 'demo_key'}):")
    print(f"JAOT_API_KEY={key}")
    print(f"API on http://127.0.0.1:{port}/api/v2 (Ctrl-C stops)", flush=True)
    while not stopping.wait(0.5):
        ended = [child for child in children if child.poll() is not None]
        if ended:
            print(f"make run: {' '.join(ended[0].args[2:4])} exited with status {ended[0].returncode}; stopping.",
                  file=sys.stderr)
            break
    stop_children(children)
    stop_long_runs()
    store.close()
    print("Stopped; everything is kept in " + str(store.data_dir) + ".", flush=True)
    return 0 if stopping.is_set() else 1


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Everything is on disk and the store is locked: waiting for the interpreter to wind down
    # its daemon threads (pollers, servers) took 2-5 s of the 5 s a stop may take.
    os._exit(status)
