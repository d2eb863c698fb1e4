"""What each column of an imported sheet means: the targets a column can map to, where the
heading row is, and a first guess at the mapping from the headings' words."""

from __future__ import annotations

import re
from collections.abc import Sequence

IGNORE = ""

# Ordered as the mapping page lists them.
TARGETS: tuple[tuple[str, str], ...] = (
    ("reference", "Reference"),
    ("title", "Title"),
    ("event", "Description / cause (event)"),
    ("consequence", "Consequence"),
    ("impact", "Impact (text)"),
    ("category", "Category"),
    ("owner", "Owner"),
    ("inherent_likelihood", "Inherent likelihood"),
    ("inherent_impact", "Inherent impact"),
    ("inherent_score", "Inherent score"),
    ("inherent_rating", "Inherent rating (word)"),
    ("residual_likelihood", "Residual likelihood"),
    ("residual_impact", "Residual impact"),
    ("residual_score", "Residual score"),
    ("residual_rating", "Residual rating (word)"),
    ("target_likelihood", "Target likelihood"),
    ("target_impact", "Target impact"),
    ("response", "Response"),
    ("response_rationale", "Response rationale"),
    ("controls", "Controls in place"),
    ("actions", "Planned actions"),
    ("next_review_due", "Next review"),
    ("trend", "Trend"),
    (IGNORE, "Ignore this column"),
)
TARGET_LABELS = dict(TARGETS)

# Headings written by our own exports (the on-screen CSV/XLSX and ``export.register_workbook``)
# map exactly, so an exported file imports back without a guess.
EXPORT_HEADINGS = {
    "reference": "reference",
    "title": "title",
    "description (event)": "event",
    "consequence": "consequence",
    "impact": "impact",
    "category": "category",
    "owner": "owner",
    "inherent likelihood": "inherent_likelihood",
    "inherent impact": "inherent_impact",
    "inherent score": "inherent_score",
    "inherent band": "inherent_rating",
    "residual likelihood": "residual_likelihood",
    "residual impact": "residual_impact",
    "residual score": "residual_score",
    "residual band": "residual_rating",
    "target likelihood": "target_likelihood",
    "target impact": "target_impact",
    "response": "response",
    "response rationale": "response_rationale",
    "controls": "controls",
    "planned actions": "actions",
    "next review": "next_review_due",
    "trend": "trend",
    "rating in the imported sheet": "residual_rating",
    "trend in the imported sheet": "trend",
    "review overdue": IGNORE,
    "status": IGNORE,
}

REFERENCE_HEADINGS = {
    "id",
    "ref",
    "ref no",
    "reference",
    "reference no",
    "risk id",
    "risk ref",
    "risk reference",
    "risk no",
    "risk number",
    "risk ref no",
    "no",
    "number",
}
TITLE_HEADINGS = {"risk", "title", "risk name", "risk title", "name", "short name", "risk summary"}
INHERENT_WORDS = {"inherent", "gross", "before", "original", "initial", "pre", "untreated"}
INHERENT_WORDS |= {"unmitigated", "raw"}
RESIDUAL_WORDS = {"residual", "net", "after", "current", "post", "mitigated", "revised"}
HEADER_SEARCH_ROWS = 15


def normalise_heading(heading: object) -> str:
    """Lower case, "&" as "and", punctuation as spaces, runs of spaces as one."""
    text = str(heading or "").lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def _stage(words: set[str]) -> str:
    if "target" in words:
        return "target"
    if words & INHERENT_WORDS:
        return "inherent"
    if words & RESIDUAL_WORDS:
        return "residual"
    return ""


def target_for_heading(heading: object) -> str:
    """The target a heading most likely means, or "" when it is not recognised."""
    text = normalise_heading(heading)
    if not text:
        return IGNORE
    if text in EXPORT_HEADINGS:
        return EXPORT_HEADINGS[text]
    words = set(text.split())
    stage = _stage(words)
    if text in REFERENCE_HEADINGS:
        return "reference"
    if text in TITLE_HEADINGS:
        return "title"
    if "trend" in words or "trending" in words or "direction" in words:
        return "trend"
    if "owner" in words or "lead" in words or "responsible" in words:
        return "owner"
    if words & {"likelihood", "probability"}:
        return f"{stage or 'residual'}_likelihood"
    if "impact" in words and (
        words & {"score", "rating", "level"}
        or (stage and words - {"impact", "risk"} <= INHERENT_WORDS | RESIDUAL_WORDS | {"target"})
    ):
        return f"{stage or 'residual'}_impact"
    if words & {"rating", "band", "rag"} and (
        "risk" in words or stage or text in {"rating", "rag", "rag rating", "band"}
    ):
        return IGNORE if stage == "target" else f"{stage or 'residual'}_rating"
    if "score" in words:
        return IGNORE if stage == "target" else f"{stage or 'residual'}_score"
    if any(word.startswith("control") for word in words) or words & {
        "mitigation",
        "mitigations",
        "mitigating",
    }:
        return "controls"
    if words & {"action", "actions"} or text in {"action plan", "further actions"}:
        return "actions"
    if "rationale" in words or "justification" in words:
        return "response_rationale"
    if words & {"response", "treatment"}:
        return "response"
    if "review" in words and not words & {"overdue", "last", "previous", "reviewed"}:
        return "next_review_due"
    if words & {"category", "type", "source", "classification"}:
        return "category"
    if "consequence" in words or "consequences" in words or "effect" in words:
        return "consequence"
    if words & {"description", "cause", "causes", "event", "detail", "details"}:
        return "event"
    if text in {"impact", "impacts", "impact description", "risk impact"}:
        return "impact"
    return IGNORE


def find_header_row(rows: Sequence[Sequence[object]]) -> int:
    """The index (0-based, into ``rows``) of the heading row: the first of the first 15 rows
    with at least two recognised headings. Title rows and blank rows above it are normal.
    Without one, the first row that is not blank (0 for an empty sheet)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        recognised = [cell for cell in row if isinstance(cell, str) and target_for_heading(cell)]
        if len(recognised) >= 2:
            return index
    for index, row in enumerate(rows):
        if any(cell not in (None, "") for cell in row):
            return index
    return 0


def guess_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Each column's guessed target by its heading (column index, 0-based). A target is given
    to one column only: the first that claims it, except the trend, which goes to the last
    (sheets keep a trend per quarter, the latest on the right)."""
    mapping: dict[int, str] = {}
    claimed: dict[str, int] = {}
    for index, heading in enumerate(headers):
        target = target_for_heading(heading) if isinstance(heading, str) else IGNORE
        mapping[index] = IGNORE
        if not target:
            continue
        if target in claimed:
            if target != "trend":
                continue
            mapping[claimed[target]] = IGNORE
        claimed[target] = index
        mapping[index] = target
    return mapping
