"""Render a report to a file: the same documents the web app serves, from the same functions.

python manage.py render_report slt-quarterly --quarter "2026/27 Q2" --output pack.pdf
python manage.py render_report annual-committee --year 2026/27 --public --output report.pdf
python manage.py render_report directorate-collation --output collation.xlsx
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from registers.models import Organisation, RegisterSnapshot, Tier
from registers.periods import Quarter, parse_year, quarters_of_year, year_label
from reports.permissions import APPENDIX, FULL, PUBLIC

SLT = "slt-quarterly"
COMMITTEE = "annual-committee"
COLLATION = "directorate-collation"
KINDS = (SLT, COMMITTEE, COLLATION)


class Command(BaseCommand):
    help = (
        "Write a report to a file: the quarterly SLT pack, the annual report to the Audit and "
        "Procurement Committee (PDF), or the directorate collation (PDF or XLSX, by the "
        "output's suffix). --public for the public version, --appendix for the confidential "
        "appendix of exempt risks."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS, help="Which report.")
        parser.add_argument(
            "--output", required=True, help="The file to write (.pdf; .xlsx for the collation)."
        )
        parser.add_argument(
            "--quarter",
            help='The SLT pack\'s quarter, e.g. "2026/27 Q2" (default: the latest approved); the '
            "quarter under review, not approved yet, is written as a draft.",
        )
        parser.add_argument(
            "--year", help="The committee report's financial year, e.g. 2026/27 (default: now)."
        )
        version = parser.add_mutually_exclusive_group()
        version.add_argument(
            "--public", action="store_true", help="The public version: exempt risks left out."
        )
        version.add_argument(
            "--appendix",
            action="store_true",
            help="The confidential appendix: only the risks exempt from publication.",
        )
        parser.add_argument(
            "--organisation",
            metavar="SLUG",
            help="The organisation's slug (default: the only organisation).",
        )

    def handle(self, *args, **options):
        # WeasyPrint reports each step of every render at INFO: noise on a terminal.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        kind = options["kind"]
        output = Path(options["output"])
        suffix = output.suffix.lower()
        variant = PUBLIC if options["public"] else APPENDIX if options["appendix"] else FULL
        allowed = (".pdf", ".xlsx") if kind == COLLATION else (".pdf",)
        if suffix not in allowed:
            raise CommandError(
                f"{output}: the {kind} report is written as {' or '.join(allowed)}; "
                "give --output a file name ending so."
            )
        if kind == COLLATION and variant != FULL:
            raise CommandError("The directorate collation has no public version or appendix.")
        if kind != SLT and options["quarter"]:
            raise CommandError("--quarter is for the slt-quarterly pack; use --year for the year.")
        if kind != COMMITTEE and options["year"]:
            raise CommandError("--year is for the annual-committee report.")
        if not output.parent.is_dir():
            raise CommandError(f"{output.parent} is not a folder: cannot write {output}.")
        organisation = self._organisation(options["organisation"])

        if kind == SLT:
            content = self._slt_pack(organisation, options["quarter"], variant)
        elif kind == COMMITTEE:
            content = self._committee_report(organisation, options["year"], variant)
        elif suffix == ".xlsx":
            from reports.collation import collation_xlsx

            content = collation_xlsx(organisation=organisation)
        else:
            from reports.collation import collation_pdf

            content = collation_pdf(organisation=organisation)

        output.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output.resolve()} ({len(content):,} bytes)."))

    def _organisation(self, slug: str | None) -> Organisation:
        if slug:
            try:
                return Organisation.objects.get(slug=slug)
            except Organisation.DoesNotExist:
                known = ", ".join(Organisation.objects.values_list("slug", flat=True))
                raise CommandError(
                    f"No organisation has the slug {slug!r}. Known: {known or 'none'}."
                ) from None
        organisations = list(Organisation.objects.order_by("slug")[:10])
        if not organisations:
            raise CommandError("There is no organisation yet: load one (e.g. load_demo) first.")
        if len(organisations) > 1:
            slugs = ", ".join(o.slug for o in organisations)
            raise CommandError(
                f"There are several organisations: choose one with --organisation ({slugs})."
            )
        return organisations[0]

    def _slt_pack(self, organisation: Organisation, text: str | None, variant: str) -> bytes:
        """An approved quarter's stored pack (stored now if it never was); the quarter under
        review, not approved yet, as a draft, which the command says."""
        from reports.packs import latest_approved_quarter, slt_pack_pdf
        from reports.packs.stored import corporate_approval, stored_pack_store

        if text:
            try:
                quarter = Quarter.parse(text)
            except ValueError as error:
                raise CommandError(str(error)) from error
        else:
            quarter = latest_approved_quarter(organisation=organisation)
            if quarter is None:
                raise CommandError(
                    f"The corporate register of {organisation.name} has no approved snapshot "
                    "yet: SLT approves it each quarter, and the pack reports that approval."
                )
        approval = corporate_approval(organisation=organisation, quarter=quarter)
        if approval is not None:
            return bytes(stored_pack_store(snapshot=approval, variant=variant).content)
        try:
            content = slt_pack_pdf(organisation=organisation, quarter=quarter, variant=variant)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"DRAFT: SLT has not approved the corporate register for {quarter.label}; every "
            "page of this pack says DRAFT and when it was generated."
        )
        return content

    def _committee_report(
        self, organisation: Organisation, text: str | None, variant: str
    ) -> bytes:
        from reports.committee import ReportUnavailable, committee_report_pdf

        if text:
            try:
                year = parse_year(text)
            except ValueError as error:
                raise CommandError(str(error)) from error
        else:
            year = Quarter.containing(timezone.localdate()).year
        quarters = quarters_of_year(year)
        approved = RegisterSnapshot.objects.filter(
            register__organisation=organisation,
            register__tier=Tier.CORPORATE,
            year=year,
            quarter__in=[q.number for q in quarters],
        ).exists()
        if not approved:
            raise CommandError(
                f"The corporate register of {organisation.name} has no approved snapshot in "
                f"{year_label(year)}: there is no year to report on."
            )
        try:
            return committee_report_pdf(organisation=organisation, year=year, variant=variant)
        except ReportUnavailable as error:
            raise CommandError(str(error)) from error
