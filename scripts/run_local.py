"""`make run`: moto's server as the embedded DynamoDB/SQS/S3, then `chalice local`.

Creates the table, publishes the catalog, creates a demo organization and prints
its key as `JAOT_API_KEY=...`. Stops the API (its whole process group) and the
store on Ctrl-C.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
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
    from chalicelib.store.table import create_table

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per store call otherwise
    store = ThreadedMotoServer(ip_address="127.0.0.1", port=store_port, verbose=False)
    store.start()
    settings = get_settings()
    create_table(boto3.client("dynamodb"), settings.table_name)
    create_bucket(boto3.client("s3"), settings.bucket_name)
    published = publish_catalog()
    _, api_key = create_organization("Demo organization", settings.demo_credits)
    print(f"Store (DynamoDB/SQS/S3) on http://127.0.0.1:{store_port}; "
          f"table {settings.table_name}; {published} catalog models published.")
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
        store.stop()


if __name__ == "__main__":
    sys.exit(main())
