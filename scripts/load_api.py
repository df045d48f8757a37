"""A bounded load on `eventwire serve`: CLIENTS concurrent clients send GET /v1/events for SECONDS seconds, on
loopback, each waiting for its answer before its next request. Prints requests, failures and latency percentiles.

    python scripts/load_api.py [--db events.duckdb] [--clients 50] [--seconds 30] [--query 'limit=20&actor=RUS']

The server is started here on a free port (over the store given, which `make run` builds) and stopped at the end.
Exits 1 if any request failed (a non-200 answer, or no answer).
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not answer /healthz")


def client(port: int, path: str, until: float, latencies: list[float], failures: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200 or not json.loads(body).get("events"):
                failures.append(f"{response.status}: {body[:100]!r}")
        except (OSError, http.client.HTTPException, ValueError) as e:
            failures.append(f"{type(e).__name__}: {e}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=str(ROOT / "events.duckdb"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--query", default="limit=20")
    args = parser.parse_args()
    port = free_port()
    cli = Path(sys.executable).parent / "eventwire"
    server = subprocess.Popen(
        [str(cli), "serve", "--db", args.db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_ready(port)
        latencies: list[float] = []
        failures: list[str] = []
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(port, f"/v1/events?{args.query}", until, latencies, failures))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    ms = sorted(x * 1000 for x in latencies)
    pct = statistics.quantiles(ms, n=100) if len(ms) > 1 else ms * 99
    print(
        f"{args.clients} clients, {wall:.1f} s, GET /v1/events?{args.query}: {len(ms)} answered "
        f"({len(ms) / wall:.0f}/s), {len(failures)} failed; latency ms p50 {pct[49]:.1f}, p95 {pct[94]:.1f}, "
        f"p99 {pct[98]:.1f}, max {ms[-1]:.1f}"
    )
    for failure in failures[:5]:
        print("  failed:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
