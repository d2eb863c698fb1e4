"""Server time and SQL queries per page over the benchmark organisation.

    python bench/pages.py [--risks 10000] [--requests 30]

Uses the database in DATABASE_URL (``make bench`` runs it on SQLite and on PostgreSQL), builds
the benchmark organisation there if it is missing, then requests each page in-process with
Django's test client (no network, no browser) and prints p50 / p95 server time and the query
count. Timings are for reading, never asserted.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "riskreg.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from escalation.models import Checklist, Proposal, ProposalStatus  # noqa: E402
from registers.benchdata import BENCH_SLUG, generate_bench_data  # noqa: E402
from registers.models import Register, Risk, Tier  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ensure_open_proposals(count: int) -> Proposal:
    """``count`` open escalation proposals from the bench's service registers (rows written
    directly: the queue's reads are what is measured, not the proposing)."""
    open_proposals = Proposal.objects.filter(
        status=ProposalStatus.OPEN, to_register__organisation__slug=BENCH_SLUG
    )
    missing = count - open_proposals.count()
    if missing > 0:
        checklist = Checklist.objects.get(receiving_tier=Tier.DIRECTORATE)
        directorate_registers = {
            r.directorate_id: r
            for r in Register.objects.filter(organisation__slug=BENCH_SLUG, tier=Tier.DIRECTORATE)
        }
        risks = (
            Risk.objects.filter(
                register__organisation__slug=BENCH_SLUG, register__tier=Tier.SERVICE
            )
            .open()
            .exclude(proposals__status=ProposalStatus.OPEN)
            .select_related("register")[:missing]
        )
        Proposal.objects.bulk_create(
            Proposal(
                risk=risk,
                from_register=risk.register,
                to_register=directorate_registers[risk.register.directorate_id],
                checklist=checklist,
                answers=[],
                factors_held=3,
                recommend_at=3,
                proposed_by_id=risk.register.owner_id,
                residual_likelihood=risk.residual_likelihood,
                residual_impact=risk.residual_impact,
            )
            for risk in risks
        )
    return open_proposals.first()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    existing = Risk.objects.filter(register__organisation__slug=BENCH_SLUG).count()
    if existing != args.risks:
        started = time.perf_counter()
        generate_bench_data(risks=args.risks, replace=True)
        print(f"built {args.risks} risks in {time.perf_counter() - started:.1f} s")

    registers = Register.objects.filter(organisation__slug=BENCH_SLUG).annotate(n=Count("risks"))
    largest = {
        tier: registers.filter(tier=tier).order_by("-n").first()
        for tier in (Tier.CORPORATE, Tier.DIRECTORATE, Tier.SERVICE)
    }
    risk = Risk.objects.filter(register=largest[Tier.CORPORATE]).first()
    pages = [
        ("home", "/"),
        ("organisation (every register)", "/organisation/"),
        (f"corporate register ({largest[Tier.CORPORATE].n} risks)", largest[Tier.CORPORATE]),
        (
            f"largest directorate register ({largest[Tier.DIRECTORATE].n})",
            largest[Tier.DIRECTORATE],
        ),
        (f"largest service register ({largest[Tier.SERVICE].n})", largest[Tier.SERVICE]),
        ("risk page", risk),
    ]
    proposal = ensure_open_proposals(500)
    pages += [
        ("escalation queue (500 open proposals)", "/escalations/"),
        ("proposal page", proposal),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bench.chief"))

    vendor = connection.vendor
    print(f"\n{vendor}, {args.risks} risks, {args.requests} requests a page, signed in as SLT")
    print(f"{'page':<44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, target in pages:
        url = target if isinstance(target, str) else target.get_absolute_url()
        timings = []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        print(
            f"{name:<44} {statistics.median(timings):>8.1f} {percentile(timings, 0.95):>8.1f} "
            f"{len(queries):>8}"
        )


if __name__ == "__main__":
    main()
