"""Single-user server time and SQL queries per page, and the naive baseline beside them.

    python bench/pages.py [--risks 10000] [--requests 40] [--naive-requests 5] [--json FILE]

Uses the database in DATABASE_URL (``bench/run.py`` runs it on SQLite and on PostgreSQL),
builds the benchmark organisation there if it is missing, then requests each page in-process
with Django's test client (no network, no browser), signed in as SLT (who sees every register),
after one warm-up request: p50 / p95 / p99 server time and the query count, and each page's
p50 and p95 as a ratio to the floor page's (the sign-in page, anonymous: ``harness.FLOOR``),
measured first in the same run. Then the same
pages with ``select_related`` and ``prefetch_related`` switched off (``harness.naive_queries``)
for fewer requests, since they may issue thousands of queries. Timings are for reading, never
asserted.
"""

from __future__ import annotations

import argparse
import json
import time

import harness
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure(client: Client, path: str, requests: int) -> dict:
    """p50 / p95 / p99 server time in ms over ``requests`` requests after one warm-up, and the
    queries of the last one."""
    client.get(path, secure=True)  # warm-up: templates compiled, caches filled
    timings, queries = [], 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        queries = len(captured)
        reset_queries()
    return {
        "p50": harness.percentile(timings, 0.50),
        "p95": harness.percentile(timings, 0.95),
        "p99": harness.percentile(timings, 0.99),
        "queries": queries,
        "requests": requests,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--naive-requests", type=int, default=5)
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args()

    harness.ensure_data(args.risks)
    floor = measure(Client(HTTP_HOST="127.0.0.1"), harness.FLOOR_PATH, args.requests)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(harness.bench_user())
    results = []
    print(
        f"\n{connection.vendor}, {args.risks} risks, signed in as SLT: {args.requests} requests "
        f"a page, naive baseline {args.naive_requests}"
    )
    print(
        f"{'page':<38} {'p50':>7} {'p95':>7} {'p99':>7} {'queries':>8} "
        f"{'÷ floor p50':>11} {'p95':>5} {'naive p95':>10} {'naive q':>8} {'p95 ratio':>9}"
    )
    print(
        f"{harness.FLOOR:<38} {floor['p50']:>7.1f} {floor['p95']:>7.1f} {floor['p99']:>7.1f} "
        f"{floor['queries']:>8} {1:>10.1f}x {1:>4.1f}x"
    )
    for name, path in harness.pages():
        ours = measure(client, path, args.requests)
        with harness.naive_queries():
            naive = measure(client, path, args.naive_requests)
        results.append({"name": name, "path": path, "single": ours, "naive": naive})
        print(
            f"{name:<38} {ours['p50']:>7.1f} {ours['p95']:>7.1f} {ours['p99']:>7.1f} "
            f"{ours['queries']:>8} {ours['p50'] / floor['p50']:>10.1f}x "
            f"{ours['p95'] / floor['p95']:>4.1f}x {naive['p95']:>10.1f} {naive['queries']:>8} "
            f"{naive['p95'] / ours['p95']:>8.1f}x"
        )
    if args.json:
        with open(args.json, "w") as out:
            json.dump(
                {"vendor": connection.vendor, "floor": floor, "pages": results}, out, indent=1
            )


if __name__ == "__main__":
    main()
