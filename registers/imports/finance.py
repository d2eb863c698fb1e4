"""A sheet's financial columns (docs/domain.md#financial-exposure): the estimated exposure, as
one cell holding a range ("£250k to £1m") or a figure, or as a lowest and a highest column;
and the budget line or MTFS assumption the risk threatens."""

from __future__ import annotations

import re

from registers.imports.cells import cell_text
from registers.imports.rows import RowReader
from registers.models import FinancialLink, Risk

MULTIPLIERS = {"": 1, "k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}
MULTIPLIERS |= {"bn": 1_000_000_000, "billion": 1_000_000_000}
AMOUNT = re.compile(r"^£?(\d+(?:\.\d+)?)(k|m|bn|thousand|million|billion)?$")
# "£250k to £1m", "250,000 - 500,000", "£1m–£2m": two amounts either side of the separator.
RANGE_SEPARATOR = re.compile(r"\s*(?:\bto\b|-|–|—)\s*")
LINK_DETAIL_LIMIT = Risk._meta.get_field("financial_link_detail").max_length
NOT_ESTIMATED = {"", "n/a", "na", "-", "tbc", "none", "not known", "unknown"}


def parse_pounds(value: object) -> int | None:
    """Whole pounds from a number cell or text as people write money ("£1,250,000", "£1.5m",
    "250k"); None when the cell is not an amount."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return round(value) if value >= 0 else None
    text = cell_text(value).lower().replace(",", "").replace(" ", "")
    match = AMOUNT.match(text)
    if match is None:
        return None
    return round(float(match.group(1)) * MULTIPLIERS[match.group(2) or ""])


def parse_pounds_range(value: object) -> tuple[int, int] | None:
    """The lowest and highest estimates in one cell: a range or a single figure (both ends
    the same). ``ValueError`` when the cell is neither; None when it says nothing."""
    text = cell_text(value)
    if text.lower() in NOT_ESTIMATED:
        return None
    single = parse_pounds(value)
    if single is not None:
        return single, single
    parts = RANGE_SEPARATOR.split(text.strip(), maxsplit=1)
    amounts = [parse_pounds(part) for part in parts] if len(parts) == 2 else [None]
    if None in amounts:
        raise ValueError(text)
    return amounts[0], amounts[1]


def read_finance(*, reader: RowReader, fields: dict[str, object]) -> None:
    """The exposure range and the budget line or MTFS assumption of one row, each problem
    against its column."""
    exposure = _read_exposure(reader)
    if exposure is not None:
        low, high = exposure
        if low > high:
            reader.problem(
                "exposure_high" if reader.text("exposure_high") else "exposure",
                f"The highest estimate (£{high:,}) is below the lowest (£{low:,}).",
            )
        else:
            fields["exposure_low"], fields["exposure_high"] = low, high
    links = {
        kind: reader.text(target)
        for kind, target in ((FinancialLink.BUDGET, "budget_line"), (FinancialLink.MTFS, "mtfs"))
        if reader.text(target).lower() not in NOT_ESTIMATED
    }
    if len(links) > 1:
        reader.problem("mtfs", "Both a budget line and an MTFS assumption: a risk names one.")
    elif links:
        ((kind, detail),) = links.items()
        if len(detail) > LINK_DETAIL_LIMIT:
            target = "mtfs" if kind == FinancialLink.MTFS else "budget_line"
            reader.problem(target, f"Longer than {LINK_DETAIL_LIMIT} characters ({len(detail)}).")
        else:
            fields["financial_link"], fields["financial_link_detail"] = kind, detail


def _read_exposure(reader: RowReader) -> tuple[int, int] | None:
    """The range from the one-cell column, else from the lowest and highest columns (either
    alone a single figure); None when the row gives none or a cell is not an amount."""
    if reader.text("exposure").lower() not in NOT_ESTIMATED:
        try:
            return parse_pounds_range(reader.cells.get("exposure"))
        except ValueError:
            reader.problem(
                "exposure",
                f"“{reader.text('exposure')}” is not an amount or a range of pounds, e.g. "
                "£250,000 or £250k to £1m.",
            )
            return None
    ends = {}
    for target in ("exposure_low", "exposure_high"):
        if reader.text(target).lower() in NOT_ESTIMATED:
            continue
        amount = parse_pounds(reader.cells.get(target))
        if amount is None:
            reader.problem(
                target, f"“{reader.text(target)}” is not an amount of pounds, e.g. £250,000."
            )
            return None
        ends[target] = amount
    if not ends:
        return None
    low = ends.get("exposure_low", ends.get("exposure_high"))
    return low, ends.get("exposure_high", low)
