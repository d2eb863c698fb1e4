"""Time and peak memory of the reports over the benchmark organisation.

    python bench/reports.py [--risks 10000] [--runs 3]

Uses the database in DATABASE_URL (``make bench`` runs it on SQLite and on PostgreSQL). Builds
the benchmark organisation there if it is missing, and has SLT approve its corporate register
in the two quarters before this one if it has no snapshot yet (a few risks re-scored between
the two, so the pack shows movement). Then builds each report in-process: the SLT pack PDF of
the corporate register, and the directorate collation of the whole organisation as PDF and
as XLSX, each in a fresh process. Prints the median and slowest of ``--runs`` builds, the
SQL queries, the output's size, and memory: the peak of Python allocations during one build
(tracemalloc, run apart from the timed builds because it slows them) and how far the builds
raised the process's peak resident set (``VmHWM``, or ``ru_maxrss`` off Linux: Python's
allocations plus WeasyPrint's and the libraries' own). Timings are for reading, never
asserted.
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tracemalloc
from datetime import datetime, time, timedelta
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "riskreg.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from registers.benchdata import BENCH_SLUG, generate_bench_data  # noqa: E402
from registers.models import Organisation, Register, RegisterSnapshot, Risk, Tier  # noqa: E402
from registers.periods import Quarter  # noqa: E402
from registers.services import register_approve  # noqa: E402
from reports.collation import collation_pdf, collation_xlsx  # noqa: E402
from reports.packs import slt_pack_pdf  # noqa: E402


def peak_rss_mb() -> float:
    """The process's peak resident set so far. Linux's ``VmHWM`` where there is one: unlike
    ``ru_maxrss``, which a child inherits from its parent across fork and exec, it starts
    afresh in a new program."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def ensure_approved_quarters(corporate: Register) -> Quarter:
    """SLT's approvals of the corporate register in the two quarters before this one (taken
    once); return the later quarter, the one the pack is for."""
    latest = Quarter.containing(timezone.localdate()).previous
    if not RegisterSnapshot.objects.filter(register=corporate).exists():
        for quarter in (latest.previous, latest):
            at = timezone.make_aware(datetime.combine(quarter.end - timedelta(days=8), time(10)))
            register_approve(register=corporate, by=corporate.owner, at=at)
            if quarter != latest:
                # Between the two approvals some risks move a likelihood point up or down.
                risks = Risk.objects.filter(register=corporate).order_by("reference")
                ids = list(risks.values_list("pk", flat=True))
                Risk.objects.filter(pk__in=ids[::6], residual_likelihood__lt=5).update(
                    residual_likelihood=F("residual_likelihood") + 1
                )
                Risk.objects.filter(pk__in=ids[3::6], residual_likelihood__gt=1).update(
                    residual_likelihood=F("residual_likelihood") - 1
                )
    return latest


def describe(output: bytes) -> str:
    if output.startswith(b"%PDF"):
        return f"{len(PdfReader(io.BytesIO(output)).pages)} pages, {len(output) / 1024:.0f} KB"
    return f"{len(output) / 1024:.0f} KB"


def measure(build, runs: int) -> dict:
    """Median and slowest seconds of ``runs`` builds, then one build counting queries and
    one traced for Python's peak allocations."""
    rss_before = peak_rss_mb()
    seconds = []
    for _ in range(runs):
        started = perf_counter()
        output = build()
        seconds.append(perf_counter() - started)
    rss_growth = peak_rss_mb() - rss_before
    with CaptureQueriesContext(connection) as queries:
        build()
    tracemalloc.start()
    build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "median": statistics.median(seconds),
        "slowest": max(seconds),
        "queries": len(queries),
        "peak_mb": peak / 1024 / 1024,
        "rss_growth_mb": rss_growth,
        "output": describe(output),
    }


def reports(organisation: Organisation) -> list[tuple[str, object]]:
    corporate = Register.objects.get(organisation=organisation, tier=Tier.CORPORATE)
    quarter = Quarter.containing(timezone.localdate()).previous
    risks = Risk.objects.filter(register__organisation=organisation).count()
    corporate_risks = Risk.objects.filter(register=corporate).open().count()
    return [
        (
            f"SLT pack PDF, {quarter} ({corporate_risks} corporate risks)",
            lambda: slt_pack_pdf(organisation=organisation, quarter=quarter, variant="full"),
        ),
        (
            f"directorate collation PDF ({risks} risks)",
            lambda: collation_pdf(organisation=organisation),
        ),
        (
            f"directorate collation XLSX ({risks} risks)",
            lambda: collation_xlsx(organisation=organisation),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--report", type=int, help=argparse.SUPPRESS)  # one, in a child
    args = parser.parse_args()

    if args.report is not None:
        # A fresh process per report, so its ``ru_maxrss`` reflects that report alone.
        organisation = Organisation.objects.get(slug=BENCH_SLUG)
        name, build = reports(organisation)[args.report]
        print(json.dumps({"name": name, **measure(build, args.runs)}))
        return

    call_command("migrate", verbosity=0)
    if not Organisation.objects.filter(slug=BENCH_SLUG).exists():
        started = perf_counter()
        generate_bench_data(risks=args.risks)
        print(f"built {args.risks} risks in {perf_counter() - started:.1f} s")
    organisation = Organisation.objects.get(slug=BENCH_SLUG)
    ensure_approved_quarters(Register.objects.get(organisation=organisation, tier=Tier.CORPORATE))
    risks = Risk.objects.filter(register__organisation=organisation).count()
    print(f"\n{connection.vendor}, {risks} risks, {args.runs} builds a report")
    print(
        f"{'report':<52} {'median s':>9} {'slowest s':>10} {'queries':>8} "
        f"{'peak MB':>8} {'RSS +MB':>8}  output"
    )
    for index in range(len(reports(organisation))):
        child = subprocess.run(
            [sys.executable, __file__, "--report", str(index), "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{figures['name']:<52} {figures['median']:>9.2f} {figures['slowest']:>10.2f} "
            f"{figures['queries']:>8} {figures['peak_mb']:>8.1f} "
            f"{figures['rss_growth_mb']:>8.1f}  {figures['output']}"
        )


if __name__ == "__main__":
    main()
