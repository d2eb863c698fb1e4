"""``make bench``: every benchmark on SQLite and on PostgreSQL, then one table against the targets.

    python bench/run.py

Runs ``pages.py`` (single user, and the naive baseline), ``load.py`` (10 concurrent users
against gunicorn, with wrk) and ``reports.py`` (the PDFs, each in a fresh process) on each
database in turn, each script printing its own figures as it goes, then prints one Markdown
table of all of them with the bench targets and PASS or MISS (and by how much) on each
row. Every page is also printed as a ratio to the floor page (the sign-in page, anonymous,
measured in the same run by the same script), and the targets are set on those ratios where
the machine's speed would otherwise decide the verdict. With several sizes (BENCH_RISKS="10000
100000") each database is benchmarked at each size, on its own data, and a second table gives
each page's p95 and query count at each size as a ratio to the smallest. Knobs, from the
environment:

    BENCH_DATABASES       "sqlite postgresql" (either or both)
    BENCH_RISKS           "10000" (one size or several: "10000 100000")
    BENCH_REQUESTS        40    single-user requests a page
    BENCH_NAIVE_REQUESTS  5     naive-baseline requests a page
    BENCH_DURATION        10    seconds of load a page (after BENCH_WARMUP seconds)
    BENCH_WARMUP          5
    BENCH_CONNECTIONS     10    concurrent users
    BENCH_RUNS            3     fresh-process builds of each PDF
    BENCH_SQLITE_URL      sqlite:///<repo>/var/bench.sqlite3 (other sizes: bench-<risks>.sqlite3)
    BENCH_POSTGRES_URL    postgres://postgres@127.0.0.1:5432/riskreg_bench (created if missing;
                          other sizes: riskreg_bench_<risks>)
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
FLOOR_RATIO, GROWTH = 4, 1.25
PDF_SECONDS = {"slt-pack": 5.0, "annual-report": 10.0}
PDF_OVER_WEASYPRINT = 1.3
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


def page_verdict(single: dict | None, load: dict | None, floor: dict | None) -> str:
    misses = []
    if single:
        if floor and single["single"]["p50"] > FLOOR_RATIO * floor["p50"]:
            misses.append(f"single p50 {single['single']['p50'] / floor['p50']:.1f}× floor")
        if single["single"]["p95"] > SINGLE_P95_MS:
            misses.append("single p95 " + over(single["single"]["p95"], SINGLE_P95_MS, "ms"))
        if single["single"]["queries"] > MAX_QUERIES:
            misses.append(over(single["single"]["queries"], MAX_QUERIES, "queries"))
    if load and load["load"]["p95"] > LOAD_P95_MS:
        misses.append("load p95 " + over(load["load"]["p95"], LOAD_P95_MS, "ms"))
    return "MISS: " + "; ".join(misses) if misses else "PASS"


def ratio(value: float, floor: dict | None, key: str) -> str:
    return f"{value / floor[key]:.1f}×" if floor else ""


def pdf_verdict(report: dict) -> str:
    misses = []
    target = PDF_SECONDS.get(report["key"])
    if target and report["slowest"] > target:
        misses.append("slowest " + over(report["slowest"], target, "s"))
    if report["peak_mb"] > PDF_MB:
        misses.append("memory " + over(report["peak_mb"], PDF_MB, "MB"))
    build_over = report.get("over_weasyprint")  # absent from figures older than the ratio
    if build_over and build_over > PDF_OVER_WEASYPRINT:
        misses.append(
            f"build {build_over:.2f}× WeasyPrint alone "
            f"({build_over / PDF_OVER_WEASYPRINT - 1:.0%} over {PDF_OVER_WEASYPRINT:g}×)"
        )
    return "MISS: " + "; ".join(misses) if misses else "PASS"


def table(results: dict[str, dict]) -> str:
    head = (
        "| database | page or PDF | single p50 / p95 / p99 ms | single p50, p95 ÷ floor "
        "| queries | naive p95 ms, queries | naive ÷ ours (time, queries) "
        "| 10 users p50 / p95 / p99 ms | 10 users p95 ÷ floor | req/s "
        "| each worker's first answer, slowest ms "
        "| PDF s median / slowest (WeasyPrint alone s median, build ÷ it) | PDF peak MB "
        "| result |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for vendor, figures in results.items():
        lines += page_rows(vendor, figures)
        for report in figures.get("reports", {}).get("reports", []):
            cells = [vendor, f"{report['name']} ({report['pages']} pages)"] + [""] * 9
            alone = (
                f" ({report['weasyprint_median']:.1f}, {report['over_weasyprint']:.2f}×)"
                if "over_weasyprint" in report
                else ""
            )
            cells += [
                f"{report['median']:.1f} / {report['slowest']:.1f}{alone}",
                f"{report['peak_mb']:.0f}",
                pdf_verdict(report),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def page_rows(vendor: str, figures: dict) -> list[str]:
    """The floor's row, then one row a page, single-user and under load side by side."""
    single_floor = figures.get("pages", {}).get("floor")
    load_floor = figures.get("load", {}).get("floor")
    singles = {p["name"]: p for p in figures.get("pages", {}).get("pages", [])}
    loads = {p["name"]: p for p in figures.get("load", {}).get("pages", [])}
    rows = []
    if single_floor or load_floor:
        singles_floor = {"single": single_floor, "naive": None} if single_floor else None
        rows.append((FLOOR_NAME, singles_floor, {"load": load_floor} if load_floor else None))
    rows += [
        (name, singles.get(name), loads.get(name)) for name in dict.fromkeys([*singles, *loads])
    ]
    lines = []
    for name, single, load in rows:
        cells = [vendor, name]
        if single:
            s, n = single["single"], single["naive"]
            cells += [
                f"{s['p50']:.0f} / {s['p95']:.0f} / {s['p99']:.0f}",
                f"{ratio(s['p50'], single_floor, 'p50')}, {ratio(s['p95'], single_floor, 'p95')}",
                str(s["queries"]),
                f"{n['p95']:.0f}, {n['queries']}" if n else "",
                f"{n['p95'] / s['p95']:.1f}×, {n['queries'] / max(1, s['queries']):.1f}×"
                if n
                else "",
            ]
        else:
            cells += [""] * 5
        if load:
            w = load["load"]
            cells += [
                f"{w['p50']:.0f} / {w['p95']:.0f} / {w['p99']:.0f}",
                ratio(w["p95"], load_floor, "p95"),
                f"{w['rps']:.1f}",
                # Absent from figures older than the first requests.
                "" if w.get("first_ms") is None else f"{w['first_ms']:.0f}",
            ]
        else:
            cells += ["", "", "", ""]
        verdict = "floor" if name == FLOOR_NAME else page_verdict(single, load, single_floor)
        cells += ["", "", verdict]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


FLOOR_NAME = "floor: sign-in page, anonymous"


def growth_table(by_size: dict[int, dict[str, dict]]) -> str:
    """Each page's single-user p95, load p95 and queries at every size, as a ratio to the
    smallest size's, with the growth target: p95 within GROWTH× and queries unchanged."""
    sizes = sorted(by_size)
    smallest = sizes[0]
    head = (
        "| database | page | "
        + " | ".join(f"{n:,} risks: single p95 ms, 10 users p95 ms, queries" for n in sizes)
        + " | growth (single p95, 10 users p95, queries) | result |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for vendor in by_size[smallest]:
        for name, key in page_paths(by_size[smallest][vendor]):
            figures = [page_figures(by_size[n].get(vendor, {}), key) for n in sizes]
            base, top = figures[0], figures[-1]
            growth = [top[k] / base[k] if base[k] and top[k] else None for k in ("single", "load")]
            queries_flat = top["queries"] is None or top["queries"] <= (base["queries"] or 0)
            within = all(g is None or g <= GROWTH for g in growth) and queries_flat
            cells = [vendor, name]
            cells += [
                " / ".join(
                    "" if f[k] is None else f"{f[k]:.0f}" for k in ("single", "load", "queries")
                )
                for f in figures
            ]
            cells.append(
                ", ".join("" if g is None else f"{g:.2f}×" for g in growth)
                + f", {'flat' if queries_flat else 'grew'}"
            )
            cells.append("PASS" if within else f"MISS: over {GROWTH}× or queries grew")
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def page_key(name: str) -> str:
    """A page's name without its sizes ("corporate register (30)" -> "corporate register"),
    which differ from one data size to the next: what pairs the page across sizes."""
    return name.split(" (")[0]


def page_paths(figures: dict) -> list[tuple[str, str]]:
    """(name, key) of the pages measured at one size."""
    named = {}
    for part in ("pages", "load"):
        for page in figures.get(part, {}).get("pages", []):
            named.setdefault(page_key(page["name"]), page["name"])
    return [(name, key) for key, name in named.items()]


def page_figures(figures: dict, key: str) -> dict:
    def find(part: str) -> dict | None:
        pages = figures.get(part, {}).get("pages", [])
        return next((p for p in pages if page_key(p["name"]) == key), None)

    single, load = find("pages"), find("load")
    return {
        "single": single["single"]["p95"] if single else None,
        "queries": single["single"]["queries"] if single else None,
        "load": load["load"]["p95"] if load else None,
    }


PARTS = ("pages", "load", "reports")


def database_urls(risks: int, *, smallest: int) -> dict[str, str]:
    """Where each database's benchmark data of ``risks`` risks lives: the knobs' addresses for
    the smallest size, a database of its own for each other size, so that moving between
    sizes never rebuilds the data."""
    sqlite = knob("BENCH_SQLITE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}")
    postgres = knob("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/riskreg_bench")
    if risks != smallest:
        sqlite = sqlite.removesuffix(".sqlite3") + f"-{risks}.sqlite3"
        postgres = f"{postgres}_{risks}"
    return {"sqlite": sqlite, "postgresql": postgres}


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
    out = {part: VAR / f"bench-{vendor}-{risks}-{part}.json" for part in PARTS}
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
    *, started: datetime, loads: list[float], by_size: dict[int, dict[str, dict]]
) -> None:
    """The heading, the targets and the machine's load, then a table for each size and, with
    several sizes, how each page grows."""
    minutes = (datetime.now(UTC) - started).total_seconds() / 60
    sizes = ", ".join(f"{n:,}" for n in sorted(by_size))
    print(
        f"\n## Benchmarks, {started:%Y-%m-%d %H:%M} UTC, {sizes} risks, {os.cpu_count()} cores, "
        f"{minutes:.0f} minutes\n"
    )
    print(
        f"Targets: single-user p50 ≤ {FLOOR_RATIO}× the floor page's, p95 ≤ {SINGLE_P95_MS} ms "
        f"single user and ≤ {LOAD_P95_MS} ms under {knob('BENCH_CONNECTIONS', 10)} concurrent "
        f"users, ≤ {MAX_QUERIES} queries a page; p95 at the largest size ≤ {GROWTH}× the "
        f"smallest's, with no more queries; SLT pack ≤ {PDF_SECONDS['slt-pack']:g} s, annual "
        f"report ≤ {PDF_SECONDS['annual-report']:g} s, each PDF's build ≤ {PDF_OVER_WEASYPRINT:g}× "
        f"WeasyPrint alone on the same HTML, peak memory ≤ {PDF_MB} MB. 1-minute load "
        f"average between phases: {', '.join(f'{x:.1f}' for x in loads)}.\n"
    )
    for risks in sorted(by_size):
        print(f"\n### {risks:,} risks\n")
        print(table(by_size[risks]))
    if len(by_size) > 1:
        print("\n### Growth\n")
        print(growth_table(by_size))


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
    sizes = sorted(int(n) for n in str(knob("BENCH_RISKS", "10000")).split())
    VAR.mkdir(exist_ok=True)
    started = datetime.now(UTC)
    loads = [os.getloadavg()[0]]
    by_size: dict[int, dict[str, dict]] = {}
    for risks in sizes:
        urls = database_urls(risks, smallest=sizes[0])
        by_size[risks] = {
            vendor: run_database(
                vendor=vendor, url=urls[vendor], risks=risks, skip=skip, loads=loads
            )
            for vendor in databases
        }
    print_summary(started=started, loads=loads, by_size=by_size)


if __name__ == "__main__":
    main()
