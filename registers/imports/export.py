"""A register's open risks with every field the import reads, as a workbook that imports back
without loss (headings ``mapping.guess_mapping`` maps exactly; controls and actions one per
line as "- " bullets, further lines indented, so a control written over several lines stays
one control)."""

from __future__ import annotations

from common import spreadsheets
from common.people import person_name
from common.spreadsheets import FORMULA_TRIGGERS
from registers.categories import category_label, category_labels
from registers.models import ActionKind, Register, Risk

COLUMNS = (
    spreadsheets.Column("Reference", 14),
    spreadsheets.Column("Title", 40),
    spreadsheets.Column("Description (event)", 50),
    spreadsheets.Column("Consequence", 40),
    spreadsheets.Column("Impact", 40),
    spreadsheets.Column("Category", 18),
    spreadsheets.Column("Owner", 22),
    spreadsheets.Column("Inherent likelihood", 11),
    spreadsheets.Column("Inherent impact", 11),
    spreadsheets.Column("Residual likelihood", 11),
    spreadsheets.Column("Residual impact", 11),
    spreadsheets.Column("Target likelihood", 11),
    spreadsheets.Column("Target impact", 11),
    spreadsheets.Column("Response", 12),
    spreadsheets.Column("Response rationale", 40),
    spreadsheets.Column("Horizon", 26),
    spreadsheets.Column("Next review", 14),
    spreadsheets.Column("Financial exposure, lowest", 14),
    spreadsheets.Column("Financial exposure, highest", 14),
    spreadsheets.Column("Budget line", 30),
    spreadsheets.Column("MTFS assumption", 30),
    spreadsheets.Column("Controls", 60),
    spreadsheets.Column("Planned actions", 60),
    spreadsheets.Column("Rating in the imported sheet", 16),
    spreadsheets.Column("Trend in the imported sheet", 16),
)


def keep_leading_quote(value: object) -> object:
    """Text as the full export writes it, so that the import reads back exactly what was typed.

    The writer puts a quote before text a spreadsheet would run ("=1" is written "'=1") and the
    import takes one quote off again; text that already begins with quotes before such a
    character ("'=1" as typed) gets one more here, or the import would drop the typed one.
    """
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value.lstrip("'").startswith(FORMULA_TRIGGERS)
    ):
        return f"'{value}"
    return value


def bullets(descriptions: list[str]) -> str | None:
    """Controls or actions as one "- " bullet each, an item's further lines indented two
    places, so that ``cells.split_items`` reads back the same items whatever their lines
    begin with (a line of a control may itself start "- " or "1.")."""
    return "\n".join("- " + text.replace("\n", "\n  ") for text in descriptions) or None


def register_workbook(*, register: Register) -> bytes:
    """Every open risk on ``register`` as XLSX bytes, one row each, in reference order."""
    risks = (
        Risk.objects.filter(register=register)
        .open()
        .select_related("owner")
        .prefetch_related("actions")
        .order_by("reference")
    )

    labels = category_labels(register.organisation_id)

    def rows():
        for risk in risks:
            actions = sorted(risk.actions.all(), key=lambda action: action.pk)
            yield [
                keep_leading_quote(value)
                for value in (
                    risk.reference,
                    risk.title,
                    risk.event,
                    risk.consequence,
                    risk.impact,
                    category_label(labels, risk.category),
                    # An owner as written goes out as written, so it comes back the same.
                    person_name(risk.owner) if risk.owner else risk.owner_as_written or None,
                    risk.inherent_likelihood,
                    risk.inherent_impact,
                    risk.residual_likelihood,
                    risk.residual_impact,
                    risk.target_likelihood,
                    risk.target_impact,
                    risk.get_response_display() or None,
                    risk.response_rationale or None,
                    risk.get_horizon_display(),
                    risk.next_review_due,
                    risk.exposure_low,
                    risk.exposure_high,
                    risk.financial_link_detail if risk.financial_link == "budget" else None,
                    risk.financial_link_detail if risk.financial_link == "mtfs" else None,
                    bullets([a.description for a in actions if a.kind == ActionKind.CONTROL]),
                    bullets([a.description for a in actions if a.kind == ActionKind.ACTION]),
                    risk.imported_rating or None,
                    risk.imported_trend or None,
                )
            ]

    workbook = spreadsheets.new_workbook()
    spreadsheets.write_table(workbook, title="Risks", columns=COLUMNS, rows=rows())
    return spreadsheets.workbook_bytes(workbook)
