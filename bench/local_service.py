"""The local service of `make run` (issue 13): what durability costs, and what it serves.

1. The durable store (local/store.py) holding 100 and 10,000 table items of ~1 KB (a
   checkpoint's size): disk size, restart time from the snapshot (a clean stop), and restart
   time when the last `COMPACT_EVERY - 1` writes must be replayed from the journal (the worst
   case after `kill -9`). Each restart is timed in a fresh interpreter.
2. Requests per second on the running local service (tests/live_server.py, real HTTP) for a
   checkpoint of one document and for a trivial execute (warehouse_allocation's example),
   with 1 and 8 concurrent clients, BENCH_SECONDS (10) each.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
OPEN = """
import sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
from local.store import DurableStore
store = DurableStore(__import__("pathlib").Path({folder!r}))
store.open()
print(time.perf_counter() - started, store.replayed)
"""


def fill(folder: Path, items: int, unsnapshotted: int) -> None:
    """In a fresh interpreter (moto's state is per process): `fill_here`."""
    subprocess.run([sys.executable, __file__, "--fill", str(folder), str(items), str(unsnapshotted)], check=True)


def fill_here(folder: Path, items: int, unsnapshotted: int) -> None:
    """`items` puts through the store's own WSGI path; the last `unsnapshotted` stay in the journal."""
    import logging

    import boto3

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    from local.store import DurableStore, serve
    from tests.live_server import free_port

    store = DurableStore(folder)
    store.open()
    port = free_port()
    server = serve(store, "127.0.0.1", port)
    client = boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                          aws_access_key_id="bench", aws_secret_access_key="bench")
    client.create_table(TableName="t", BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"},
                                              {"AttributeName": "SK", "AttributeType": "S"}])
    batched = items - unsnapshotted
    for start in range(0, batched, 25):
        client.batch_write_item(RequestItems={"t": [
            {"PutRequest": {"Item": {"PK": {"S": f"ORG#{i % 50}"}, "SK": {"S": f"VER#{i:08d}"}, "blob": {"B": os.urandom(1000)}}}}
            for i in range(start, min(start + 25, batched))]})
    store._write_snapshot()  # as a clean stop would
    for i in range(batched, items):
        client.put_item(TableName="t", Item={"PK": {"S": "ORG#0"}, "SK": {"S": f"VER#{i:08d}"},
                                             "blob": {"B": os.urandom(1000)}})
    server.shutdown()


def reopen(folder: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", OPEN.format(root=str(ROOT), folder=str(folder))],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.iterdir()) / 1e6


def store_table() -> None:
    from local.store import COMPACT_EVERY

    print("| items | disk (MB) | restart, clean stop (s) | restart after kill -9, journal records | (s) |")
    print("|---:|---:|---:|---:|---:|")
    for items in (100, 10_000):
        clean, crashed = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
        try:
            fill(clean, items, 0)
            tail = min(items, COMPACT_EVERY - 1)
            fill(crashed, items, tail)
            clean_s, _ = reopen(clean)
            crashed_s, replayed = reopen(crashed)
            print(f"| {items:,} | {size_mb(clean):.1f} | {clean_s:.2f} | {replayed} | {crashed_s:.2f} |", flush=True)
        finally:
            shutil.rmtree(clean, ignore_errors=True)
            shutil.rmtree(crashed, ignore_errors=True)


def throughput(call, clients: int) -> float:
    done, stop = [0] * clients, threading.Event()

    def loop(index: int) -> None:
        while not stop.is_set():
            status = call(index)
            assert status in (200, 201), status
            done[index] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(SECONDS)
    stop.set()
    for thread in threads:
        thread.join()
    return sum(done) / SECONDS


def service_table() -> None:
    from chalicelib.ids import catalog_id_for
    from chalicelib.templates import get_template
    from tests.live_server import LocalServer
    from tests.local.conftest import Api, checkpoint_canvas

    with LocalServer(JAOT_DEMO_CREDITS="100000000", JAOT_RATE_LIMIT_PER_MINUTE="0") as server:
        api = Api(server)
        _, document = api.call("POST", "/builder", {"name": "bench", "canvas_json": checkpoint_canvas(0)})
        _, model = api.call("POST", f"/models/catalog/{catalog_id_for('warehouse_allocation')}/activate")
        body = {"input_data": get_template("warehouse_allocation").example_input}
        counter = iter(range(1, 10**9))
        checkpoint = lambda _: api.call("POST", f"/builder/{document['id']}/versions",  # noqa: E731
                                        {"canvas_json": checkpoint_canvas(next(counter))})[0]
        execute = lambda _: api.call("POST", f"/models/{model['id']}/execute", body)[0]  # noqa: E731
        print("\n| request | 1 client (req/s) | 8 clients (req/s) |")
        print("|---|---:|---:|")
        for name, call in (("checkpoint (one document)", checkpoint), ("trivial execute", execute)):
            print(f"| {name} | {throughput(call, 1):.1f} | {throughput(call, 8):.1f} |", flush=True)


if __name__ == "__main__":
    os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1"})
    os.environ.pop("AWS_ENDPOINT_URL", None)
    if sys.argv[1:2] == ["--fill"]:
        fill_here(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        sys.exit(0)
    store_table()
    service_table()

