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
    ("horizon", "Time horizon"),
    ("controls", "Controls in place"),
    ("actions", "Planned actions"),
    ("next_review_due", "Next review"),
    ("exposure", "Financial exposure (a range or a figure)"),
    ("exposure_low", "Financial exposure, lowest"),
    ("exposure_high", "Financial exposure, highest"),
    ("budget_line", "Budget line threatened"),
    ("mtfs", "MTFS assumption threatened"),
    ("trend", "Trend"),
    (IGNORE, "Ignore this column"),
)
TARGET_LABELS = dict(TARGETS)
# Targets more than one column may fill: a trend column per quarter.
REPEATABLE = frozenset({"trend"})

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
    "horizon": "horizon",
    "time horizon": "horizon",
    "controls": "controls",
    "planned actions": "actions",
    "next review": "next_review_due",
    "financial exposure": "exposure",
    "financial exposure lowest": "exposure_low",
    "financial exposure highest": "exposure_high",
    "budget line": "budget_line",
    "mtfs assumption": "mtfs",
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
INHERENT_WORDS |= {"unmitigated", "raw", "uncontrolled", "without"}
# "Risk if no action", "Risk without controls": the score before mitigation, by phrase.
INHERENT_PHRASES = ("no action", "no controls", "no mitigation", "without")
RESIDUAL_WORDS = {"residual", "net", "after", "current", "post", "mitigated", "revised"}
HEADER_SEARCH_ROWS = 15
# The usual abbreviations for a score's parts, as headings on their own or under a group
# ("Current risk" over "L", "I", "LxI").
LIKELIHOOD_WORDS = {"likelihood", "probability", "prob", "l", "p"}
IMPACT_SCORE_WORDS = {"sev", "severity", "i"}
PRODUCT_HEADINGS = {"lxi", "l x i", "ixl", "i x l", "l i", "pxi", "p x i", "lxs", "l x s"}
RATING_WORDS = {"rating", "band", "rag", "status", "level"}
# What a sub-heading under a grouped heading says ("Risk if no action" over these).
SUB_HEADINGS = (
    LIKELIHOOD_WORDS
    | IMPACT_SCORE_WORDS
    | PRODUCT_HEADINGS
    | RATING_WORDS
    | {"impact", "score", "total", "overall", "rag rating", "risk score", "risk rating"}
)
GROUP_SEPARATOR = " / "


def normalise_heading(heading: object) -> str:
    """Lower case, "&" as "and", punctuation as spaces, runs of spaces as one."""
    text = str(heading or "").lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def _stage(words: set[str], text: str = "") -> str:
    if "target" in words:
        return "target"
    if words & INHERENT_WORDS or any(phrase in text for phrase in INHERENT_PHRASES):
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
    if isinstance(heading, str) and GROUP_SEPARATOR in heading:
        group, sub = heading.rsplit(GROUP_SEPARATOR, 1)
        if _is_sub_heading(sub):
            return _grouped_target(group, _sub_heading_text(sub))
    words = set(text.split())
    stage = _stage(words, text)
    scored = _score_part(text, words)
    if scored:
        return (
            IGNORE
            if stage == "target" and scored in ("score", "rating")
            else (f"{stage or 'residual'}_{scored}")
        )
    if text in REFERENCE_HEADINGS:
        return "reference"
    if text in TITLE_HEADINGS:
        return "title"
    if "trend" in words or "trending" in words or "direction" in words:
        return "trend"
    if "owner" in words or "lead" in words or "responsible" in words:
        return "owner"
    return (
        _scored_target(text, words, stage)
        or _financial_target(text, words)
        or _text_target(text, words)
    )


def _financial_target(text: str, words: set[str]) -> str:
    """A heading naming the financial exposure (a range, or one end of it), or the budget line
    or MTFS assumption the risk threatens, or "" (docs/domain.md#financial-exposure)."""
    if "mtfs" in words or "medium term financial" in text:
        return "mtfs"
    if "budget" in words and not words & {"impact", "exposure"}:
        return "budget_line"
    if "exposure" in words or text in {"estimated cost", "potential cost", "financial impact"}:
        if words & {"low", "lowest", "min", "minimum", "from"}:
            return "exposure_low"
        if words & {"high", "highest", "max", "maximum", "upper"}:
            return "exposure_high"
        return "exposure"
    return ""


def _scored_target(text: str, words: set[str], stage: str) -> str:
    """A heading naming a likelihood, an impact score, a rating or a score, or ""."""
    if words & {"likelihood", "probability"}:
        return f"{stage or 'residual'}_likelihood"
    if "impact" in words and (
        words & {"score", "rating", "level"}
        or any(word.isdigit() for word in words)  # "Impact (1-10)": a scale, so a score
        or (stage and words - {"impact", "risk"} <= INHERENT_WORDS | RESIDUAL_WORDS | {"target"})
    ):
        return f"{stage or 'residual'}_impact"
    if words & {"rating", "band", "rag"} and (
        "risk" in words or stage or text in {"rating", "rag", "rag rating", "band"}
    ):
        return IGNORE if stage == "target" else f"{stage or 'residual'}_rating"
    if "score" in words:
        return IGNORE if stage == "target" else f"{stage or 'residual'}_score"
    return ""


def _text_target(text: str, words: set[str]) -> str:
    """A heading naming one of the risk's texts, lists, dates or choices, or ""."""
    if any(word.startswith("control") for word in words) or words & {
        "mitigation",
        "mitigations",
        "mitigating",
    }:
        return "controls"
    if words & {"action", "actions"} or text in {"action plan", "further actions"}:
        return "actions"
    if "horizon" in words or text == "timescale":
        return "horizon"
    if "rationale" in words or "justification" in words:
        return "response_rationale"
    if words & {"response", "treatment"}:
        return "response"
    if "review" in words and not words & {"overdue", "last", "previous", "reviewed"}:
        return "next_review_due"
    if words & {"category", "type", "source", "classification"}:
        return "category"
    if "risk" in words and words & {"effects", "effect", "consequences"}:
        return "event"  # "Risk and effects": both in one cell, split when planned
    if "consequence" in words or "consequences" in words or "effect" in words:
        return "consequence"
    if words & {"description", "cause", "causes", "event", "detail", "details"}:
        return "event"
    if text in {"impact", "impacts", "impact description", "risk impact"}:
        return "impact"
    return IGNORE


def _score_part(text: str, words: set[str]) -> str:
    """The part of a score an abbreviated heading names ("L", "Sev", "LxI", "RAG"), or ""."""
    if text in PRODUCT_HEADINGS:
        return "score"
    if len(words) <= 2 and words & (LIKELIHOOD_WORDS - {"likelihood", "probability"}):
        return "likelihood"
    if len(words) <= 2 and words & IMPACT_SCORE_WORDS:
        return "impact"
    if text == "rag":
        return "rating"
    return ""


def _grouped_target(group: str, sub: str) -> str:
    """A sub-heading read under its group: the group says the stage ("Risk if no action" is
    inherent, "Current risk" residual, "Target" the target), the sub-heading the part."""
    group_text = normalise_heading(group)
    stage = _stage(set(group_text.split()), group_text) or "residual"
    words = set(sub.split())
    if sub in PRODUCT_HEADINGS or words & {"score", "total", "overall"}:
        part = "score"
    elif words & LIKELIHOOD_WORDS:
        part = "likelihood"
    elif words & (IMPACT_SCORE_WORDS | {"impact"}):
        part = "impact"
    else:
        part = "rating"
    if stage == "target" and part in ("score", "rating"):
        return IGNORE  # a target is kept as its likelihood and impact
    return f"{stage}_{part}"


def _sub_heading_text(cell: object) -> str:
    """A sub-heading's words without its scale: "Likelihood (1-10)" as "likelihood"."""
    return " ".join(word for word in normalise_heading(cell).split() if not word.isdigit())


def _is_sub_heading(cell: object) -> bool:
    return _sub_heading_text(cell) in SUB_HEADINGS


def _is_sub_heading_row(top: Sequence[object], below: Sequence[object]) -> bool:
    """Whether ``below`` is a row of sub-headings under grouped headings in ``top``: at least
    two cells, every one a score part's heading, at least one under a blank (merged) cell."""
    cells = [(index, cell) for index, cell in enumerate(below) if cell not in (None, "")]
    if len(cells) < 2:
        return False
    if not all(isinstance(cell, str) and _is_sub_heading(cell) for _, cell in cells):
        return False
    return any(index >= len(top) or top[index] in (None, "") for index, _ in cells)


def sheet_headings(rows: Sequence[Sequence[object]], header_row: int) -> tuple[list[str], int]:
    """The headings of the table whose (first) heading row is ``header_row`` (0-based), and
    how many rows of headings it has: one, or two where grouped headings (merged cells) stand
    over sub-headings. A sub-heading is read as "Group / Sub-heading" ("Current risk /
    Likelihood"); a heading over no sub-heading is read as it is."""
    if header_row >= len(rows):
        return [], 1
    top = list(rows[header_row])
    below = list(rows[header_row + 1]) if header_row + 1 < len(rows) else []
    if not _is_sub_heading_row(top, below):
        return [_heading_text(cell) for cell in top], 1
    headings = []
    group = ""
    for index in range(max(len(top), len(below))):
        upper = _heading_text(top[index]) if index < len(top) else ""
        lower = _heading_text(below[index]) if index < len(below) else ""
        if upper:
            group = upper
        elif not lower:
            group = ""
        if lower and group:
            headings.append(f"{group}{GROUP_SEPARATOR}{lower}")
        else:
            headings.append(upper or lower)
            if not lower:
                group = ""
    return headings, 2


def _heading_text(cell: object) -> str:
    return " ".join(str(cell).split()) if cell not in (None, "") else ""


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
    to one column only, the first that claims it, except the trend, which every trend column
    keeps (sheets keep a trend per quarter: "Q1 Trending", "Q2 Trending")."""
    mapping: dict[int, str] = {}
    claimed: dict[str, int] = {}
    for index, heading in enumerate(headers):
        target = target_for_heading(heading) if isinstance(heading, str) else IGNORE
        mapping[index] = IGNORE
        if not target:
            continue
        if target in claimed and target not in REPEATABLE:
            continue
        claimed[target] = index
        mapping[index] = target
    _impact_beside_likelihood(mapping, claimed)
    return mapping


def _impact_beside_likelihood(mapping: dict[int, str], claimed: dict[str, int]) -> None:
    """A plain "Impact" heading is the impact's text, unless the sheet scores a likelihood
    and gives no impact score: then it is that impact's score ("Likelihood", "Impact")."""
    if "impact" not in claimed:
        return
    for stage in ("residual", "inherent"):
        if f"{stage}_likelihood" in claimed and f"{stage}_impact" not in claimed:
            mapping[claimed.pop("impact")] = f"{stage}_impact"
            return
