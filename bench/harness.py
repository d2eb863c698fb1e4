"""What the benchmark scripts share: Django set up for the bench database, the data, the pages
measured, the person signed in, the naive baseline and percentiles.

Every script runs against the database in ``DATABASE_URL`` (``bench/run.py`` sets it to the
bench's SQLite file or PostgreSQL database) with production settings (``DJANGO_DEBUG`` off),
so the pages are served as they are in production: static files from a manifest in
``var/bench-static``, HTTPS required (the test client asks with ``secure=True``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "riskreg.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key")
os.environ.setdefault("DJANGO_STATIC_ROOT", str(ROOT / "var" / "bench-static"))
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# The bench measures the API's work, not its per-person rate limit (which one signed-in
# person would pass within seconds here).
os.environ.setdefault("RISKREG_API_RATE", "1000000/minute")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
# As the server loads it: the WSGI application, and what it loaded set aside from garbage
# collection (riskreg/wsgi.py), so that the pages measured in this process pay what a worker's do.
import riskreg.wsgi  # noqa: E402, F401

# The bench signs in once per script; its sign-in lines would only clutter the figures.
logging.getLogger("riskreg.security").setLevel(logging.WARNING)

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, QuerySet  # noqa: E402

from demo.benchdata import BENCH_SLUG, QUARTERS, generate_bench_data  # noqa: E402
from escalation.models import Checklist, Proposal, ProposalStatus  # noqa: E402
from registers.models import Register, RegisterSnapshot, Risk, Tier  # noqa: E402

BENCH_USER = "bench.chief"  # SLT: reads every register, the escalation queue and the reports
OPEN_PROPOSALS = 500

# The bench targets at 10,000 risks on a 2-core machine.
TARGET_SINGLE_P95_MS = 150
TARGET_LOAD_P95_MS = 300
TARGET_QUERIES = 12
TARGET_PDF_SECONDS = {"slt-pack": 5.0, "annual-report": 10.0}
# Each PDF's build (median) within this many times WeasyPrint alone on the same HTML (median).
TARGET_PDF_OVER_WEASYPRINT = 1.3
TARGET_PDF_MB = 500
# Every page's single-user p50 within this many times the floor page's, measured in the same run.
TARGET_FLOOR_RATIO = 4
# p95 at the largest size within this many times p95 at the smallest (10,000 -> 100,000 risks).
TARGET_GROWTH = 1.25

# The floor: a bare page through the same stack (middleware, sessions, templates, static
# manifest) with no data behind it. Every page's cost is printed as a ratio to it, so that the
# figures of one run compare across machines of different speeds.
FLOOR = "floor: sign-in page, anonymous"
FLOOR_PATH = "/accounts/login/"


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` from 0 to 1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_ready(risks: int) -> bool:
    return (
        Risk.objects.filter(register__organisation__slug=BENCH_SLUG).count() == risks
        and RegisterSnapshot.objects.filter(register__organisation__slug=BENCH_SLUG)
        .values("year", "quarter")
        .distinct()
        .count()
        == QUARTERS
    )


def ensure_data(risks: int, *, log=print) -> None:
    """Migrate, build the bench organisation unless it is there with ``risks`` risks and its
    four quarters, add the open proposals the escalation queue shows, vacuum and analyse
    PostgreSQL's tables, collect static files."""
    call_command("migrate", verbosity=0)
    if connection.vendor == "sqlite":
        # As the default SQLite settings have it (riskreg/settings.py, SQLITE_DEFAULT), which a
        # sqlite:// DATABASE_URL does not carry over: WAL, so that readers never wait for a
        # writer (the session's last-seen time is written once a minute). WAL is a property of
        # the database file, so setting it once here holds for the server's connections too.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    if not bench_ready(risks):
        import time

        started = time.perf_counter()
        generate_bench_data(risks=risks, replace=True)
        log(f"built {risks} risks and {QUARTERS} quarters in {time.perf_counter() - started:.0f} s")
    ensure_open_proposals(OPEN_PROPOSALS)
    if connection.vendor == "postgresql":
        # The tables as autovacuum keeps them in production: the planner's statistics of the
        # data just written (where autovacuum is off, as on test servers, PostgreSQL guesses
        # one row a table and plans nested loops over thousands: the home page took half as
        # long again), and the visibility map, without which a count reads every row of the
        # table instead of its index (risks across registers' count: 77 ms instead of 13 at
        # 100,000 risks).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)


def ensure_open_proposals(count: int) -> Proposal:
    """``count`` open escalation proposals from the bench's service registers to their
    directorates (rows written directly: the queue's reads are measured, not the proposing)."""
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


def pages() -> list[tuple[str, str]]:
    """(name, path) of the pages the bench measures, the API's lists among them."""
    registers = Register.objects.filter(organisation__slug=BENCH_SLUG).annotate(n=Count("risks"))
    corporate = registers.get(tier=Tier.CORPORATE)
    directorate = registers.filter(tier=Tier.DIRECTORATE).order_by("-n", "pk").first()
    risk = Risk.objects.filter(register=corporate).order_by("reference").first()
    open_risks = Risk.objects.open().filter(register__organisation__slug=BENCH_SLUG).count()
    every_page = [
        ("home", "/"),
        (f"organisation ({registers.count()} registers)", "/organisation/"),
        (
            f"organisation, one directorate ({directorate.directorate.name})",
            f"/organisation/?directorate={directorate.directorate_id}",
        ),
        (f"corporate register ({corporate.n})", corporate.get_absolute_url()),
        (f"largest directorate register ({directorate.n})", directorate.get_absolute_url()),
        ("risk page", risk.get_absolute_url()),
        (f"escalation queue ({OPEN_PROPOSALS} open)", "/escalations/"),
        ("directorate collation page", "/reports/collation/"),
        (f"risks across registers ({open_risks} open)", "/risks/"),
        (
            "risks across, a directorate's red",
            f"/risks/?directorate={directorate.directorate_id}&residual_band=red&sort=register",
        ),
        ("search for 'event 1'", "/search/?q=event+1"),
        ("search for a risk's reference", f"/search/?q={risk.reference}"),
        (
            f"API risks, largest directorate ({directorate.n})",
            f"/api/v1/risks/?register={directorate.pk}",
        ),
        ("API risks, organisation, 1,000 a page", "/api/v1/risks/?page_size=1000&status=all"),
    ]
    # BENCH_PAGES: measure only the pages whose name holds one of these words (comma-separated).
    wanted = [word.strip() for word in os.environ.get("BENCH_PAGES", "").split(",") if word.strip()]
    if not wanted:
        return every_page
    return [(name, path) for name, path in every_page if any(word in name for word in wanted)]


def bench_user():
    return get_user_model().objects.get(username=BENCH_USER)


@contextlib.contextmanager
def naive_queries():
    """The baseline: every ``select_related`` and ``prefetch_related`` does nothing, so each
    related object a page touches costs its own query, as a first draft of the views would."""
    select_related, prefetch_related = QuerySet.select_related, QuerySet.prefetch_related

    def unchanged(self, *args, **kwargs):
        return self._chain()

    QuerySet.select_related = unchanged
    QuerySet.prefetch_related = unchanged
    try:
        yield
    finally:
        QuerySet.select_related = select_related
        QuerySet.prefetch_related = prefetch_related
