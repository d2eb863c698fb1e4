"""``make bench``: every benchmark on SQLite and on PostgreSQL, then one table against the targets.

    python bench/run.py

Runs ``pages.py`` (single user, and the naive baseline), ``load.py`` (10 concurrent users
against gunicorn, with wrk) and ``reports.py`` (the PDFs, each in a fresh process) on each
database in turn, each script printing its own figures as it goes, then prints one Markdown
table of all of them with the bench targets and PASS or MISS (and by how much) on each
row. Knobs, from the environment:

    BENCH_DATABASES       "sqlite postgresql" (either or both)
    BENCH_RISKS           10000
    BENCH_REQUESTS        40    single-user requests a page
    BENCH_NAIVE_REQUESTS  5     naive-baseline requests a page
    BENCH_DURATION        10    seconds of load a page (after BENCH_WARMUP seconds)
    BENCH_WARMUP          5
    BENCH_CONNECTIONS     10    concurrent users
    BENCH_RUNS            3     fresh-process builds of each PDF
    BENCH_SQLITE_URL      sqlite:///<repo>/var/bench.sqlite3
    BENCH_POSTGRES_URL    postgres://postgres@127.0.0.1:5432/riskreg_bench (created if missing)
    BENCH_SKIP            any of "pages load reports" to leave out

Timings are for reading, never asserted; the exit status is 0 even when a target is missed
(and not 0 when a benchmark could not run, e.g. a page answered other than 200).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VAR = ROOT / "var"

# The bench targets (repeated from harness.py, which needs Django and a database).
SINGLE_P95_MS, LOAD_P95_MS, MAX_QUERIES = 150, 300, 12
PDF_SECONDS = {"slt-pack": 5.0, "annual-report": 10.0}
PDF_MB = 500


def knob(name: str, default):
    return type(default)(os.environ.get(name, default))


def ensure_postgres_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def run_script(script: str, database_url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([sys.executable, str(HERE / script), *args], env=env, check=True)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def over(value: float, target: float, unit: str) -> str:
    return f"+{value - target:.0f} {unit} ({value / target - 1:.0%} over {target:g})".replace(
        "  ", " "
    )


def page_verdict(single: dict | None, load: dict | None) -> str:
    misses = []
    if single:
        if single["single"]["p95"] > SINGLE_P95_MS:
            misses.append("single p95 " + over(single["single"]["p95"], SINGLE_P95_MS, "ms"))
        if single["single"]["queries"] > MAX_QUERIES:
            misses.append(over(single["single"]["queries"], MAX_QUERIES, "queries"))
    if load and load["load"]["p95"] > LOAD_P95_MS:
        misses.append("load p95 " + over(load["load"]["p95"], LOAD_P95_MS, "ms"))
    return "MISS: " + "; ".join(misses) if misses else "PASS"


def pdf_verdict(report: dict) -> str:
    misses = []
    target = PDF_SECONDS.get(report["key"])
    if target and report["slowest"] > target:
        misses.append("slowest " + over(report["slowest"], target, "s"))
    if report["peak_mb"] > PDF_MB:
        misses.append("memory " + over(report["peak_mb"], PDF_MB, "MB"))
    return "MISS: " + "; ".join(misses) if misses else "PASS"


def table(results: dict[str, dict]) -> str:
    head = (
        "| database | page or PDF | single p50 / p95 / p99 ms | queries | naive p95 ms, queries "
        "| naive ÷ ours (time, queries) | 10 users p50 / p95 / p99 ms | req/s "
        "| PDF s median / slowest | PDF peak MB | result |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for vendor, figures in results.items():
        singles = {p["name"]: p for p in figures.get("pages", {}).get("pages", [])}
        loads = {p["name"]: p for p in figures.get("load", {}).get("pages", [])}
        for name in dict.fromkeys([*singles, *loads]):
            single, load = singles.get(name), loads.get(name)
            cells = [vendor, name]
            if single:
                s, n = single["single"], single["naive"]
                cells += [
                    f"{s['p50']:.0f} / {s['p95']:.0f} / {s['p99']:.0f}",
                    str(s["queries"]),
                    f"{n['p95']:.0f}, {n['queries']}",
                    f"{n['p95'] / s['p95']:.1f}×, {n['queries'] / s['queries']:.1f}×",
                ]
            else:
                cells += ["", "", "", ""]
            if load:
                w = load["load"]
                cells += [f"{w['p50']:.0f} / {w['p95']:.0f} / {w['p99']:.0f}", f"{w['rps']:.1f}"]
            else:
                cells += ["", ""]
            cells += ["", "", page_verdict(single, load)]
            lines.append("| " + " | ".join(cells) + " |")
        for report in figures.get("reports", {}).get("reports", []):
            cells = [vendor, f"{report['name']} ({report['pages']} pages)"] + [""] * 6
            cells += [
                f"{report['median']:.1f} / {report['slowest']:.1f}",
                f"{report['peak_mb']:.0f}",
                pdf_verdict(report),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


PARTS = ("pages", "load", "reports")


def database_urls() -> dict[str, str]:
    """Where each database's benchmark data lives."""
    return {
        "sqlite": knob("BENCH_SQLITE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
        "postgresql": knob(
            "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/riskreg_bench"
        ),
    }


def part_arguments(*, part: str) -> list[str]:
    """One benchmark script's own arguments, from its knobs."""
    if part == "pages":
        return [
            "--requests",
            str(knob("BENCH_REQUESTS", 40)),
            "--naive-requests",
            str(knob("BENCH_NAIVE_REQUESTS", 5)),
        ]
    if part == "load":
        return [
            "--duration",
            str(knob("BENCH_DURATION", 10.0)),
            "--warmup",
            str(knob("BENCH_WARMUP", 5.0)),
            "--connections",
            str(knob("BENCH_CONNECTIONS", 10)),
        ]
    return ["--runs", str(knob("BENCH_RUNS", 3))]


def run_database(
    *, vendor: str, url: str, risks: int, skip: list[str], loads: list[float]
) -> dict[str, dict]:
    """Every benchmark not skipped, on one database, in turn; each one's figures (read back
    from the JSON it writes) by part. The load average after each is added to ``loads``."""
    if vendor == "postgresql":
        ensure_postgres_database(url)
    out = {part: VAR / f"bench-{vendor}-{part}.json" for part in PARTS}
    for path in out.values():
        path.unlink(missing_ok=True)
    for part in PARTS:
        if part in skip:
            continue
        run_script(
            f"{part}.py",
            url,
            "--risks",
            str(risks),
            *part_arguments(part=part),
            "--json",
            str(out[part]),
        )
        loads.append(os.getloadavg()[0])
    return {part: load_json(path) for part, path in out.items()}


def print_summary(
    *, started: datetime, risks: int, loads: list[float], results: dict[str, dict]
) -> None:
    """The heading, the targets and the machine's load, then the table."""
    minutes = (datetime.now(UTC) - started).total_seconds() / 60
    print(
        f"\n## Benchmarks, {started:%Y-%m-%d %H:%M} UTC, {risks} risks, {os.cpu_count()} cores, "
        f"{minutes:.0f} minutes\n"
    )
    print(
        f"Targets: p95 ≤ {SINGLE_P95_MS} ms single user and ≤ {LOAD_P95_MS} ms under "
        f"{knob('BENCH_CONNECTIONS', 10)} concurrent users, ≤ {MAX_QUERIES} queries a page; "
        f"SLT pack ≤ {PDF_SECONDS['slt-pack']:g} s, annual report ≤ "
        f"{PDF_SECONDS['annual-report']:g} s, peak memory ≤ {PDF_MB} MB. "
        f"1-minute load average between phases: {', '.join(f'{x:.1f}' for x in loads)}.\n"
    )
    print(table(results))


def parse_arguments() -> argparse.Namespace:
    """No arguments: the knobs are environment variables, which ``--help`` lists."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    return parser.parse_args()


def main() -> None:
    parse_arguments()
    databases = knob("BENCH_DATABASES", "sqlite postgresql").split()
    skip = knob("BENCH_SKIP", "").split()
    risks = knob("BENCH_RISKS", 10_000)
    urls = database_urls()
    VAR.mkdir(exist_ok=True)
    started = datetime.now(UTC)
    loads = [os.getloadavg()[0]]
    results: dict[str, dict] = {}
    for vendor in databases:
        results[vendor] = run_database(
            vendor=vendor, url=urls[vendor], risks=risks, skip=skip, loads=loads
        )
    print_summary(started=started, risks=risks, loads=loads, results=results)


if __name__ == "__main__":
    main()
