"""A sheet's cells as the import reads them: text as a person typed it (our exports' guard
against formulas taken off), controls and actions split into items, dates and whole numbers
in the spellings registers use."""

from __future__ import annotations

import re
from datetime import date, datetime

from common.spreadsheets import FORMULA_TRIGGERS

DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y")
BULLET = re.compile(r"^\s*(?:[-–—•*·▪●]|\d+[.)])\s+|^\s*[•▪●·]")


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as dd/mm/yyyy, the quote our exports
    put before formula-like text removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    # One quote off, however many there are: the full export doubles a typed one
    # (``export.keep_leading_quote``), so "''=1" reads back as the "'=1" that was typed.
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_TRIGGERS):
        text = text[1:]
    return text


def split_items(value: object) -> list[str]:
    """A controls or actions cell as one item per bullet ("- ", "•", "1.") or, without
    bullets, per line.

    Under a bullet, the lines that do not start a bullet continue its item, and so do lines
    indented further than the bullets even when they look like bullets: a nested list stays
    with its item, and so does a description the full export wrote over several lines
    (``export.bullets`` indents its further lines), whatever they begin with. An item's blank
    lines are kept; its further lines lose the indentation up to two places past the bullets.
    """
    text = cell_text(value)
    if not text:
        return []
    lines = text.split("\n")
    indents = [_indent(line) for line in lines]
    if isinstance(value, str):
        # cell_text took off the first line's indentation; the bullets are measured from it.
        raw = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        indents[0] = _indent(next(line for line in raw if line.strip()))
    bullet_indents = [
        indent for line, indent in zip(lines, indents, strict=True) if BULLET.match(line)
    ]
    if not bullet_indents:
        return [line.strip() for line in lines if line.strip()]
    base = min(bullet_indents)
    items: list[list[str]] = []
    for line, indent in zip(lines, indents, strict=True):
        if BULLET.match(line) and (indent <= base or not items):
            items.append([BULLET.sub("", line, count=1).strip()])
        elif not items:
            items.append([line.strip()])  # text before the first bullet is an item of its own
        elif not line.strip():
            items[-1].append("")
        elif indent > base:
            items[-1].append(line[min(indent, base + 2) :])
        else:
            items[-1].append(line.strip())
    joined = ("\n".join(item).strip() for item in items)
    return [item for item in joined if item]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def parse_date(value: object) -> date | None:
    """A real date, or dd/mm/yyyy or yyyy-mm-dd text (and a few spellings of them);
    raises ``ValueError`` for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_whole_number(value: object) -> int | None:
    """A whole number from a number cell or text such as "4" or "4 - Likely"; None if the
    cell holds no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    match = re.match(r"^\s*(\d+)(?:\.0+)?(?:\s*(?:[-–:(].*)?)?$", cell_text(value), re.DOTALL)
    return int(match.group(1)) if match else None


RISK_EFFECTS = re.compile(
    r"^\s*risk\s*:-?\s*(?P<risk>.*?)\s*(?:effects?\s*:-?\s*(?P<effects>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
TITLE_LENGTH = 200


def split_risk_effects(text: str) -> tuple[str, str]:
    """A description cell written as "Risk:- … Effects:- …" as its risk and its effects; any
    other text as itself, with no effects."""
    match = RISK_EFFECTS.match(text)
    if not match:
        return text, ""
    return match.group("risk").strip(), (match.group("effects") or "").strip()


def title_from_description(text: str) -> str:
    """A title for a risk whose sheet has none: the description's first sentence (or first
    line), cut at a word to fit a title."""
    first = " ".join(re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0].split())
    first = first.rstrip(".")
    if len(first) <= TITLE_LENGTH:
        return first
    return first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
