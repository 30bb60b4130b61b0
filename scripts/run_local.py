"""`make run`: moto's server as the embedded DynamoDB/SQS/S3, then `chalice local`.

Creates the table, queues and bucket, publishes the catalog, creates a demo
organization and prints its key as `JAOT_API_KEY=...`. `chalice local` serves only
routes, so this process also runs the worker loop: one thread per queue calling the
same handlers Lambda calls in AWS, and the scheduler tick once a minute. Stops the
API (its whole process group) and the store on Ctrl-C.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure_environment(store_port: int) -> None:
    stage = json.loads((ROOT / ".chalice" / "config.json").read_text())["stages"]["dev"]
    for name, value in stage.get("environment_variables", {}).items():
        os.environ.setdefault(name, value)
    for name, value in {"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
                        "AWS_DEFAULT_REGION": "us-east-1"}.items():
        os.environ.setdefault(name, value)
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{store_port}"


def start_worker_loop(stopping: threading.Event) -> None:
    """What Lambda's event sources and EventBridge do in AWS, done by polling moto."""
    from chalicelib import events

    def poll(queue_name: str) -> None:
        while not stopping.is_set():
            try:
                if not events.drain(queue_name, max_messages=1):
                    stopping.wait(0.2)
            except Exception:
                logging.getLogger("jaot").exception("worker loop on %s", queue_name)
                stopping.wait(1)

    def tick() -> None:
        every_s = float(os.environ.get("JAOT_TICK_S", "60"))
        while not stopping.wait(every_s - time.time() % every_s):
            try:
                events.scheduler_tick()
            except Exception:
                logging.getLogger("jaot").exception("scheduler tick")

    for name in events.handlers():
        threading.Thread(target=poll, args=(name,), name=f"worker:{name}", daemon=True).start()
    threading.Thread(target=tick, name="scheduler", daemon=True).start()


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    store_port = int(os.environ.get("JAOT_STORE_PORT", "4566"))
    configure_environment(store_port)
    sys.path.insert(0, str(ROOT))

    import boto3
    from moto.server import ThreadedMotoServer

    from chalicelib.services.catalog import publish_catalog
    from chalicelib.services.organizations import create_organization
    from chalicelib.settings import get_settings
    from chalicelib.store.blobs import create_bucket
    from chalicelib.store.queues import connect_storage_events, create_queues
    from chalicelib.store.table import create_table

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per store call otherwise
    store = ThreadedMotoServer(ip_address="127.0.0.1", port=store_port, verbose=False)
    store.start()
    settings = get_settings()
    create_table(boto3.client("dynamodb"), settings.table_name)
    create_bucket(boto3.client("s3"), settings.bucket_name)
    create_queues(boto3.client("sqs"))
    connect_storage_events(boto3.client("s3"), boto3.client("sqs"))
    published = publish_catalog()
    _, api_key = create_organization("Demo organization", settings.demo_credits)
    print(f"Store (DynamoDB/SQS/S3) on http://127.0.0.1:{store_port}; "
          f"table {settings.table_name}; {published} catalog models published.")
    stopping = threading.Event()
    start_worker_loop(stopping)
    print(f"Worker loop polling {', '.join(events_handlers())}; scheduler tick every minute.")
    print(f"Demo organization holds {settings.demo_credits} credits. Its API key:")
    print(f"JAOT_API_KEY={api_key}", flush=True)
    print(f"API on http://127.0.0.1:{port}/api/v2 (Ctrl-C stops)", flush=True)

    api = subprocess.Popen(
        [str(Path(sys.executable).parent / "chalice"), "local", "--host", "127.0.0.1",
         "--port", str(port), "--no-autoreload"],
        cwd=ROOT, env=os.environ.copy(), start_new_session=True,
    )

    def stop(*_: object) -> None:
        if api.poll() is None:
            os.killpg(api.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    try:
        return api.wait()
    except KeyboardInterrupt:
        stop()
        return api.wait()
    finally:
        stopping.set()
        store.stop()


def events_handlers() -> list[str]:
    from chalicelib import events

    return list(events.handlers())


if __name__ == "__main__":
    sys.exit(main())
