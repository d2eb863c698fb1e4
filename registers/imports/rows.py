"""One sheet row's mapped cells as the plan reads them: text, scores (through the column's
value map, when it has one) and what the sheet said instead of a score, each problem named by
the row and the column's heading."""

from __future__ import annotations

from dataclasses import dataclass

from registers.imports.cells import cell_text, parse_whole_number
from registers.imports.mapping import TARGET_LABELS
from registers.imports.valuemaps import ValueMap

NOT_SCORED = {"not scored", "n/a", "na", "-", "tbc", "none"}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stops the import: ``row`` is the sheet's row number (1-based) and
    ``column`` the sheet's heading (or what the column should hold, when none is mapped)."""

    row: int
    column: str
    message: str


class RowReader:
    """Reads one row's mapped cells, collecting problems against the column headings; a
    column with a value map (by target) reads its values through it."""

    def __init__(
        self,
        row_number: int,
        cells: dict[str, object],
        headings: dict[str, str],
        value_maps: dict[str, ValueMap] | None = None,
    ):
        self.row_number, self.cells, self.headings = row_number, cells, headings
        self.value_maps = value_maps or {}
        self.mapped: set[str] = set()  # the targets read through a value map on this row
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def heading(self, target: str) -> str:
        return self.headings.get(target) or TARGET_LABELS.get(target, target)

    def problem(self, target: str, message: str) -> None:
        self.problems.append(Problem(self.row_number, self.heading(target), message))

    def warn(self, target: str, message: str) -> None:
        self.warnings.append(Problem(self.row_number, self.heading(target), message))

    def text(self, target: str) -> str:
        return cell_text(self.cells.get(target))

    def score(self, target: str) -> int | None:
        value = self.cells.get(target)
        if not cell_text(value):
            return None
        value_map = self.value_maps.get(target)
        level = value_map.level(cell_text(value)) if value_map is not None else None
        if level is not None:
            if level in (1, 2, 3, 4, 5):
                self.mapped.add(target)
                return level
            self.problem(target, f"“{cell_text(value)}” maps onto {level}, not a level 1 to 5.")
            return None
        number = parse_whole_number(value)
        if number is None:
            unmapped = " and the column's value map does not cover it" if value_map else ""
            self.problem(target, f"“{cell_text(value)}” is not a score from 1 to 5{unmapped}.")
            return None
        if not 1 <= number <= 5:
            self.problem(target, f"A score of {number}: scores run from 1 to 5.")
            return None
        return number


def read_scores(reader: RowReader, fields: dict, ratings: list[str]) -> None:
    """Each stage's likelihood and impact, both or neither, with the sheet's score checked
    against their product (unless a value map read them from another scale, where the sheet's
    score is on that scale too); a stage given only as a score or a word is kept as written."""
    for stage in ("inherent", "residual", "target"):
        likelihood_key, impact_key = f"{stage}_likelihood", f"{stage}_impact"
        had_problems = len(reader.problems)
        likelihood, impact = reader.score(likelihood_key), reader.score(impact_key)
        given_l, given_i = bool(reader.text(likelihood_key)), bool(reader.text(impact_key))
        if given_l and not given_i:
            reader.problem(impact_key, f"The {stage} likelihood is given without the impact.")
        elif given_i and not given_l:
            reader.problem(likelihood_key, f"The {stage} impact is given without the likelihood.")
        scored = likelihood is not None and impact is not None
        if scored:
            fields[likelihood_key], fields[impact_key] = likelihood, impact
        if stage == "target":
            continue
        prefix = "" if stage == "residual" else "Inherent: "
        score_text = reader.text(f"{stage}_score")
        if score_text and score_text.lower() not in NOT_SCORED:
            number = parse_whole_number(reader.cells.get(f"{stage}_score"))
            if scored:
                if {likelihood_key, impact_key} & reader.mapped:
                    pass  # the sheet's score is on its own scale; ours is derived
                elif number != likelihood * impact:
                    reader.problem(
                        f"{stage}_score",
                        f"The {stage} score {score_text} is not likelihood × impact "
                        f"({likelihood} × {impact} = {likelihood * impact}).",
                    )
            elif len(reader.problems) == had_problems:
                if number is None:
                    ratings.append(f"{prefix}{score_text}")
                elif 1 <= number <= 25:
                    ratings.append(f"{prefix}Score {number}")
                else:
                    reader.problem(
                        f"{stage}_score", f"A score of {number}: scores run from 1 to 25."
                    )
        rating_text = reader.text(f"{stage}_rating")
        rating_map = reader.value_maps.get(f"{stage}_rating")
        if rating_text and rating_map is not None and not scored:
            band = rating_map.level(rating_text)
            if band:
                fields["imported_band"] = band  # sorts and filters with it, still not scored
        if rating_text and rating_text.lower() not in NOT_SCORED and not scored:
            number = parse_whole_number(rating_text)
            if number is not None and not 1 <= number <= 25:
                reader.problem(f"{stage}_rating", f"A score of {number}: scores run from 1 to 25.")
            elif number is not None:
                ratings.append(f"{prefix}Score {number}")
            else:
                ratings.append(f"{prefix}{' '.join(rating_text.split())}")


def read_ratings(*, reader: RowReader, fields: dict[str, object]) -> None:
    """The scores, and what the sheet said where it gave a rating rather than a score (kept
    as the imported rating, never turned into one), and its trend word."""
    ratings: list[str] = []
    read_scores(reader, fields, ratings)
    if ratings:
        fields["imported_rating"] = "; ".join(ratings)
    trend = " ".join(reader.text("trend").split())
    if trend:
        fields["imported_trend"] = trend
