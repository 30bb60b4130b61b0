"""The worker process of `make run`: what Lambda's event sources and EventBridge do in AWS,
done by polling the local store (`chalice local` serves only routes). One thread per queue
calls the same handler the deployed function runs; another fires due schedules every
JAOT_TICK_S seconds (60). SIGTERM ends it; a run it was solving is taken up again at the
next start (local/recovery.py).
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time

logger = logging.getLogger("jaot")


def start_worker_loop(stopping: threading.Event) -> list[str]:
    """What Lambda's event sources and EventBridge do in AWS, done by polling the store."""
    from chalicelib import events

    def poll(queue_name: str) -> None:
        while not stopping.is_set():
            try:
                if not events.drain(queue_name, max_messages=1):
                    stopping.wait(0.2)
            except Exception:
                logger.exception("worker loop on %s", queue_name)
                stopping.wait(1)

    def tick() -> None:
        every_s = float(os.environ.get("JAOT_TICK_S", "60"))
        while not stopping.wait(every_s - time.time() % every_s):
            try:
                events.scheduler_tick()
            except Exception:
                logger.exception("scheduler tick")

    names = list(events.handlers())
    for name in names:
        threading.Thread(target=poll, args=(name,), name=f"worker:{name}", daemon=True).start()
    threading.Thread(target=tick, name="scheduler", daemon=True).start()
    return names


def main() -> int:
    from chalicelib import observability

    observability.configure_local()  # the deployed JSON log lines; compact when stdout is a terminal
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    queues = start_worker_loop(stopping)
    print(f"Worker loop polling {', '.join(queues)}; scheduler tick every "
          f"{os.environ.get('JAOT_TICK_S', '60')} s.", flush=True)
    stopping.wait()
    return 0


if __name__ == "__main__":
    sys.stdout.flush()
    os._exit(main())  # pollers are daemon threads, possibly mid-solve: nothing to wind down
