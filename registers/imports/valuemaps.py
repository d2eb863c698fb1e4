"""Value maps: how a column's values become the scheme's levels when a sheet writes them its own
way: words for scores ("Rare" … "Almost certain"), a scale of another size ("Likelihood
(1-10)" read onto 1–5 by ⌈x / 2⌉), a category of the sheet's own ("Design") onto one of ours.

A map is proposed from the values the column holds, shown in the mapping step for the person
importing to confirm or change value by value, kept with the import, and written to (and read
from) the mapping file the command line takes. A value the map does not cover is read as it
would be without one, so a likelihood of 7 in a 1–5 column is still refused.
See docs/domain.md#spreadsheets.

No Django here: every rule is testable on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from scoring import matrix

STAGES = ("inherent", "residual", "target")
SCORE_TARGETS = frozenset(
    f"{stage}_{part}" for stage in STAGES for part in ("likelihood", "impact")
)
LEVELS = (1, 2, 3, 4, 5)

# Words registers use for likelihood and impact, each onto the 1-5 level it usually means.
LIKELIHOOD_WORDS = {
    "remote": 1,
    "rare": 1,
    "highly unlikely": 1,
    "very unlikely": 1,
    "unlikely": 2,
    "possible": 3,
    "possibly": 3,
    "likely": 4,
    "probable": 4,
    "highly likely": 5,
    "very likely": 5,
    "almost certain": 5,
    "certain": 5,
}
IMPACT_WORDS = {
    "insignificant": 1,
    "negligible": 1,
    "minor": 2,
    "moderate": 3,
    "serious": 3,
    "significant": 3,
    "major": 4,
    "severe": 4,
    "critical": 5,
    "catastrophic": 5,
}
# Plain levels, for either.
LEVEL_WORDS = {
    "very low": 1,
    "low": 2,
    "med": 3,
    "medium": 3,
    "high": 4,
    "very high": 5,
}
# Rating words by rank, lowest first, for a scheme whose band labels they are not.
RATING_RANKS = {
    "very low": 0,
    "low": 0,
    "green": 0,
    "g": 0,
    "medium": 1,
    "med": 1,
    "moderate": 1,
    "amber": 1,
    "a": 1,
    "high": 2,
    "red": 2,
    "r": 2,
    "very high": 3,
    "critical": 3,
    "severe": 3,
    "extreme": 3,
}
# Blank in all but name: read as no value, never mapped.
NO_VALUE = {"n/a", "na", "-", "tbc", "none", "not scored"}
SCALE_IN_HEADING = re.compile(r"(?:\b[01]\s*(?:-|–|to)\s*|out of\s*|/\s*)(\d{1,2})\b")


def value_key(value: object) -> str:
    """A value as a map looks it up: its text, lower case, spaces collapsed."""
    return " ".join(str(value).split()).lower()


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def scale_level(number: float, scale: int) -> int | None:
    """A value on a scale of 1 to ``scale`` as a level from 1 to 5, or None if it is off the
    scale. Onto 1–5 from a longer scale: ⌈x × 5 / scale⌉ (so 1–10 halves, rounding up); from a
    shorter one, its ends onto 1 and 5 and the steps between spread evenly, rounding half up."""
    if not 0 < number <= scale:
        return None
    if scale >= 5:
        return max(1, min(5, math.ceil(round(number * 5 / scale, 9))))
    return max(1, min(5, math.floor(1 + (number - 1) * 4 / (scale - 1) + 0.5)))


def scale_rule(scale: int) -> str:
    """The rule ``scale_level`` applies, as the preview states it: "1–10 → 1–5: ⌈x / 2⌉"."""
    if scale == 5:
        return "1–5 with fractions → 1–5: ⌈x⌉"
    if scale > 5:
        return f"1–{scale} → 1–5: ⌈x / {scale / 5:g}⌉"
    steps = ", ".join(f"{step} → {scale_level(step, scale)}" for step in range(1, scale + 1))
    return f"1–{scale} → 1–5: {steps}"


@dataclass
class ValueMap:
    """One column's map: ``values`` each value as written onto its level (1-5, or a category
    key), ``scale`` the numeric scale a number not listed is read on (None for none), and
    ``rule`` the map in words for the preview."""

    target: str
    rule: str
    values: dict[str, object] = field(default_factory=dict)
    scale: int | None = None

    def level(self, value: object) -> object | None:
        """The level ``value`` maps onto, or None when the map does not cover it."""
        key = value_key(value)
        for written, level in self.values.items():
            if value_key(written) == key:
                return level
        number = _number(key)
        if self.scale is not None and number is not None:
            return scale_level(number, self.scale)
        return None

    def as_json(self) -> dict:
        return {
            "target": self.target,
            "rule": self.rule,
            "scale": self.scale,
            "values": self.values,
        }

    @classmethod
    def from_json(cls, data: dict) -> ValueMap:
        """A map from ``as_json`` (or a mapping file); raises ValueError when malformed."""
        if not isinstance(data, dict) or not isinstance(data.get("values", {}), dict):
            raise ValueError("a value map is an object with a “values” object")
        scale = data.get("scale")
        if scale is not None and (not isinstance(scale, int) or not 2 <= scale <= 100):
            raise ValueError(f"“scale” must be a whole number from 2 to 100, not {scale!r}")
        return cls(
            target=str(data.get("target", "")),
            rule=str(data.get("rule", "")),
            values={str(key): value for key, value in data.get("values", {}).items()},
            scale=scale,
        )


def _distinct(values: Iterable[object]) -> list[str]:
    """The column's values as written, each once, in the order they come, blanks left out."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(str(value).split()) if value is not None else ""
        if text and value_key(text) not in NO_VALUE:
            seen.setdefault(value_key(text), text)
    return list(seen.values())


def _heading_scale(heading: str) -> int | None:
    match = SCALE_IN_HEADING.search(heading.lower())
    scale = int(match.group(1)) if match else None
    return scale if scale is not None and 2 <= scale <= 20 else None


def propose_score_map(*, target: str, heading: str, values: Iterable[object]) -> ValueMap | None:
    """The map a likelihood or impact column needs, or None when its values are already 1-5
    (or are numbers with no sign of another scale, which are then checked as 1-5).

    Words are looked up in the words registers use (a word not known is listed with no level,
    for the person importing to choose); numbers are read on the scale the heading names
    ("Likelihood (1-10)", "out of 4"), else, when any has a fraction, on the smallest of 1–5,
    1–6 and 1–10 that holds them all."""
    distinct = _distinct(values)
    numbers = {text: _number(text) for text in distinct}
    # "4 - Likely" is a number with its word, read as the number (cells.parse_whole_number).
    words = [text for text, number in numbers.items() if number is None and not text[:1].isdigit()]
    found = [number for number in numbers.values() if number is not None]
    scale = _heading_scale(heading)
    if scale is None and any(not number.is_integer() for number in found):
        scale = next((size for size in (5, 6, 10) if max(found) <= size), None)
    if scale == 5 and not any(not number.is_integer() for number in found):
        scale = None
    if not words and scale is None:
        return None
    vocabulary = {**LEVEL_WORDS, **(LIKELIHOOD_WORDS if "likelihood" in target else IMPACT_WORDS)}
    mapped: dict[str, object] = {}
    if scale is not None:
        for text, number in numbers.items():
            if number is not None:
                mapped[text] = scale_level(number, scale)
    for word in words:
        mapped[word] = vocabulary.get(value_key(word))
    rule = scale_rule(scale) if scale is not None else "words → 1–5"
    if scale is not None and words:
        rule += "; words → 1–5"
    return ValueMap(target=target, rule=rule, values=mapped, scale=scale)


def propose_category_map(
    *, values: Iterable[object], known: Callable[[str], str | None], default: str
) -> ValueMap | None:
    """The map a category column needs: each category ``known`` does not recognise onto
    ``default`` (adding it as a new category), for the person importing to change; None when
    every one is recognised."""
    unknown = [text for text in _distinct(values) if known(text) is None]
    if not unknown:
        return None
    return ValueMap(
        target="category",
        rule="categories of the sheet's own → ours, or added as new ones",
        values=dict.fromkeys(unknown, default),
    )


def rating_band(word: str, bands: Sequence[matrix.Band]) -> str | None:
    """The band a rating word stands for: the band it names (its label or key), a score's band
    for a number from 1 to 25, else by its rank (Low … Critical, or a RAG colour) spread over
    the scheme's bands; None when it is no rating the import knows."""
    key = value_key(word)
    for band in bands:
        if key in (band.key.lower(), band.label.lower()):
            return band.key
    number = _number(key)
    if number is not None:
        return matrix.band_for(int(number), bands).key if 1 <= number <= 25 else None
    if key not in RATING_RANKS or not bands:
        return None
    index = math.floor(RATING_RANKS[key] * (len(bands) - 1) / 3 + 0.5)
    return bands[index].key


def propose_rating_map(
    *, values: Iterable[object], bands: Sequence[matrix.Band]
) -> ValueMap | None:
    """The map a residual rating column needs: each rating word onto one of the scheme's bands,
    so a risk rated but not scored sorts and filters with that band (it stays not scored)."""
    distinct = _distinct(values)
    if not distinct:
        return None
    return ValueMap(
        target="residual_rating",
        rule="ratings → the scheme's bands",
        values={word: rating_band(word, bands) for word in distinct},
    )
