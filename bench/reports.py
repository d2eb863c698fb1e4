"""Seconds and peak memory of each PDF over the benchmark organisation.

    python bench/reports.py [--risks 10000] [--runs 3] [--json FILE]

Uses the database in DATABASE_URL and builds the benchmark organisation there (with its four
approved quarters) if it is missing. Builds each PDF ``--runs`` times, each time in a fresh
process, as a worker would the first time it is asked: the SLT pack of the latest approved
quarter ("full"), the annual committee report of this financial year ("full", PDF/UA) and the
directorate collation of the whole organisation. Prints the median and slowest seconds, the
SQL queries and the peak memory: the larger of the building process's peak resident set
(Linux's ``VmHWM``, which starts afresh in a new program where ``ru_maxrss`` carries the
parent's over) and the peak of the child processes it waited for (``RUSAGE_CHILDREN``:
WeasyPrint's child where rendering runs in one, ``reports.pdf``).

The same fresh process then lays the very HTML the build produced out again with WeasyPrint
alone, in-process (``reports.pdf_worker.lay_out``: the base URL, URL fetcher and ``write_pdf``
options the app's child uses, WeasyPrint imported before the clock starts), and prints the
median of each, build and WeasyPrint alone, and their ratio: what the build costs beyond
WeasyPrint's own layout (the queries, the template, the child process and its start). The
HTML is caught by wrapping ``reports.pdf.html_to_pdf`` in this process only, which keeps a
reference to its argument and calls the real function, so the build measured is the app's own
path. Memory is read before WeasyPrint alone runs, so its peak is the build's. Timings are
for reading, never asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
from time import perf_counter

import harness
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from demo.benchdata import BENCH_SLUG
from registers.models import Organisation
from registers.periods import Quarter

REPORTS = {
    "slt-pack": "SLT pack PDF",
    "annual-report": "annual committee report PDF",
    "collation": "directorate collation PDF",
}


def self_peak_mb() -> float:
    """This process's peak resident set: ``VmHWM`` (starts afresh at exec), else
    ``ru_maxrss`` (kilobytes on Linux)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def build(key: str) -> tuple[str, bytes]:
    """(what was built, the PDF) for one report."""
    from reports.collation import collation_pdf
    from reports.committee import committee_report_pdf
    from reports.packs import latest_approved_quarter, slt_pack_pdf

    organisation = Organisation.objects.get(slug=BENCH_SLUG)
    if key == "slt-pack":
        quarter = latest_approved_quarter(organisation=organisation)
        return f"SLT pack PDF, {quarter}", slt_pack_pdf(
            organisation=organisation, quarter=quarter, variant="full"
        )
    if key == "annual-report":
        year = Quarter.containing(timezone.localdate()).year
        label = Quarter(year, 1).year_label
        return f"annual committee report PDF, {label}", committee_report_pdf(
            organisation=organisation, year=year, variant="full"
        )
    return "directorate collation PDF", collation_pdf(organisation=organisation)


def one_build(key: str) -> dict:
    """Build ``key`` once in this (fresh) process, then lay its HTML out with WeasyPrint alone."""
    import reports.pdf  # imported before the clock starts, as in a worker

    handed = []  # (html, variant) of each call: the build hands its HTML over exactly once
    real_html_to_pdf = reports.pdf.html_to_pdf

    def catching_html_to_pdf(html, **options):
        handed.append((html, options.get("variant", reports.pdf.PDF_UA_1)))
        return real_html_to_pdf(html, **options)

    reports.pdf.html_to_pdf = catching_html_to_pdf
    try:
        with CaptureQueriesContext(connection) as queries:
            started = perf_counter()
            name, pdf = build(key)
            seconds = perf_counter() - started
    finally:
        reports.pdf.html_to_pdf = real_html_to_pdf
    figures = {
        "key": key,
        "name": name,
        "seconds": seconds,
        "queries": len(queries),
        "self_mb": self_peak_mb(),
        "children_mb": children_peak_mb(),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "kb": len(pdf) / 1024,
    }
    [(html, variant)] = handed
    figures["html_kb"] = len(html.encode("utf-8")) / 1024
    figures["weasyprint_seconds"], alone = weasyprint_alone(html, variant=variant)
    figures["weasyprint_pages"] = len(PdfReader(io.BytesIO(alone)).pages)
    return figures


def weasyprint_alone(html: str, *, variant: str | None) -> tuple[float, bytes]:
    """(seconds, PDF) of WeasyPrint laying ``html`` out in this process, as the app's child
    would: the same fetcher, base URL and options (``reports.pdf_worker.lay_out``), with the
    static folders and URL that ``reports.pdf.html_to_pdf`` gives the child."""
    import gc

    import weasyprint  # noqa: F401 - imported before the clock starts: the import is not layout
    from django.conf import settings

    from reports.pdf import static_roots
    from reports.pdf_worker import lay_out

    gc.collect()  # the build's garbage is not WeasyPrint's to collect
    started = perf_counter()
    pdf = lay_out(
        html, variant=variant, static_url=settings.STATIC_URL, static_roots=static_roots()
    )
    return perf_counter() - started, pdf


def report_figures(key: str, runs_wanted: int) -> dict:
    """Build ``key`` ``runs_wanted`` times, each in a fresh process; the medians and peaks."""
    runs = []
    for _ in range(runs_wanted):
        child = subprocess.run(
            [sys.executable, __file__, "--build", key],
            capture_output=True,
            text=True,
        )
        lines = [line for line in child.stdout.splitlines() if line.startswith("BENCH ")]
        if child.returncode != 0 or not lines:
            raise SystemExit(f"building {key} failed:\n{child.stdout}\n{child.stderr}")
        runs.append(json.loads(lines[-1].removeprefix("BENCH ")))
    figures = {
        "key": key,
        "name": runs[0]["name"],
        "median": statistics.median(r["seconds"] for r in runs),
        "slowest": max(r["seconds"] for r in runs),
        "queries": runs[0]["queries"],
        "self_mb": max(r["self_mb"] for r in runs),
        "children_mb": max(r["children_mb"] for r in runs),
        "pages": runs[0]["pages"],
        "kb": runs[0]["kb"],
        "html_kb": runs[0]["html_kb"],
        "runs": len(runs),
        # WeasyPrint alone on the same HTML, in the same processes; the ratio is of medians.
        "weasyprint_median": statistics.median(r["weasyprint_seconds"] for r in runs),
        "weasyprint_slowest": max(r["weasyprint_seconds"] for r in runs),
        "weasyprint_pages": runs[0]["weasyprint_pages"],
    }
    figures["peak_mb"] = max(figures["self_mb"], figures["children_mb"])
    figures["over_weasyprint"] = figures["median"] / figures["weasyprint_median"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", help="write the figures here too")
    parser.add_argument("--build", choices=REPORTS, help=argparse.SUPPRESS)  # in a child
    args = parser.parse_args()

    if args.build:
        print("BENCH " + json.dumps(one_build(args.build)))
        return

    harness.ensure_data(args.risks)
    vendor = connection.vendor
    connection.close()
    print(f"\n{vendor}, {args.risks} risks, {args.runs} builds a report, each in a fresh process")
    print(
        f"{'report':<44} {'median s':>9} {'slowest s':>10} {'queries':>8} {'peak MB':>8} "
        f"{'(self/child)':>13} {'WeasyPrint s':>13} {'build ÷ WP':>11}  output"
    )
    results = []
    for key in REPORTS:
        figures = report_figures(key, args.runs)
        results.append(figures)
        print(
            f"{figures['name']:<44} {figures['median']:>9.2f} {figures['slowest']:>10.2f} "
            f"{figures['queries']:>8} {figures['peak_mb']:>8.0f} "
            f"{figures['self_mb']:>6.0f}/{figures['children_mb']:<6.0f} "
            f"{figures['weasyprint_median']:>13.2f} {figures['over_weasyprint']:>10.2f}×  "
            f"{figures['pages']} pages, {figures['kb']:.0f} KB (HTML {figures['html_kb']:.0f} KB)"
        )
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"vendor": vendor, "reports": results}, out, indent=1)


if __name__ == "__main__":
    main()
