"""Plan an import row by row before anything is written: what each row creates or updates,
with every problem found, so the preview shows exactly what confirming will do.

Nothing is invented: a sheet that gives only a rating word ("Critical") or a lone score leaves
the risk not scored (NULL) and keeps what the sheet said in ``Risk.imported_rating``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models.functions import Upper

from registers.imports.cells import cell_text, parse_date, parse_whole_number, split_items
from registers.imports.mapping import TARGET_LABELS
from registers.imports.reader import Table
from registers.models import Category, Register, Response, Risk, RiskStatus
from registers.permissions import visible_registers
from registers.selectors.people import organisation_people

NOT_GIVEN = "(not given in the imported sheet)"
DEFAULT_CATEGORY = Category.STRATEGIC
# The most text each field takes from a sheet: its own length where the model has one; for a
# description a few thousand characters (two pages), and more for a cell listing the controls
# or the actions, each of which becomes one. Longer text is a problem on its row.
LONG_TEXT = 5_000
LIST_TEXT = 10_000
TEXT_LIMITS = {
    **{
        name: Risk._meta.get_field(name).max_length
        for name in ("reference", "title", "imported_rating", "imported_trend")
    },
    **dict.fromkeys(("event", "consequence", "impact", "response_rationale"), LONG_TEXT),
}
LIST_LIMITS = {"controls": LIST_TEXT, "actions": LIST_TEXT}
CATEGORY_WORDS = {
    "legal": Category.LEGAL_REGULATORY,
    "regulatory": Category.LEGAL_REGULATORY,
    "legal and regulatory": Category.LEGAL_REGULATORY,
    "customers": Category.CUSTOMERS_CITIZENS,
    "citizens": Category.CUSTOMERS_CITIZENS,
    "customer": Category.CUSTOMERS_CITIZENS,
    "financial": Category.FINANCE,
    "reputational": Category.REPUTATION,
    "environment": Category.ENVIRONMENTAL,
    "partnership": Category.PARTNERSHIPS,
    "information governance": Category.INFORMATION,
}
RESPONSE_WORDS = {
    "accept": Response.TOLERATE,
    "reduce": Response.TREAT,
    "mitigate": Response.TREAT,
    "share": Response.TRANSFER,
    "avoid": Response.TERMINATE,
}
NOT_DECIDED = {"not decided", "none", "n/a", "na", "-", "tbc"}
NOT_SCORED = {"not scored", "n/a", "na", "-", "tbc", "none"}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stops the import: ``row`` is the sheet's row number (1-based) and
    ``column`` the sheet's heading (or what the column should hold, when none is mapped)."""

    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    """One sheet row: ``fields`` are the Risk field values it sets (an update sets only what
    the sheet gives), ``controls`` and ``actions`` the Action descriptions it adds;
    ``warnings`` are things filled in that the preview should point out."""

    row_number: int
    action: str  # "create" or "update"
    reference: str
    fields: dict[str, object]
    controls: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    risk: Risk | None = None  # the risk an update changes

    @property
    def title(self) -> str:
        return str(self.fields.get("title") or (self.risk.title if self.risk else ""))

    @property
    def not_scored_text(self) -> str:
        """What the preview shows for a row left not scored, e.g. "not scored (Critical)"."""
        rating = self.fields.get("imported_rating")
        return f"not scored ({rating})" if rating else "not scored"


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    unmatched_owners: list[str]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def creates(self) -> int:
        return sum(1 for row in self.rows if row.action == "create")

    @property
    def updates(self) -> int:
        return sum(1 for row in self.rows if row.action == "update")

    @property
    def warnings(self) -> list[Problem]:
        return [warning for row in self.rows for warning in row.warnings]


def _choice(text: str, choices, words: dict) -> str | None:
    wanted = " ".join(text.lower().replace("&", " and ").replace("/", " ").split())
    for value, label in choices:
        label_words = " ".join(label.lower().replace("/", " ").split())
        if wanted in (value, label_words, value.replace("_", " ")):
            return value
    return words.get(wanted)


class _OwnerIndex:
    """The organisation's people by full name, username and email, lower case."""

    def __init__(self, register: Register):
        people = list(organisation_people(organisation_id=register.organisation_id))
        self.ids = {person.pk for person in people}
        self.by_pk = {person.pk: person for person in people}
        self.names: dict[str, set[int]] = {}
        for person in people:
            for key in (person.get_full_name(), person.get_username(), person.email):
                if key and key.strip():
                    self.names.setdefault(key.strip().lower(), set()).add(person.pk)

    def find(self, name: str):
        found = self.names.get(name.lower(), set())
        return self.by_pk[next(iter(found))] if len(found) == 1 else None


class _RowReader:
    """Reads one row's mapped cells, collecting problems against the column headings."""

    def __init__(self, row_number: int, cells: dict[str, object], headings: dict[str, str]):
        self.row_number, self.cells, self.headings = row_number, cells, headings
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
        number = parse_whole_number(value)
        if number is None:
            self.problem(target, f"“{cell_text(value)}” is not a score from 1 to 5.")
            return None
        if not 1 <= number <= 5:
            self.problem(target, f"A score of {number}: scores run from 1 to 5.")
            return None
        return number


def _read_scores(reader: _RowReader, fields: dict, ratings: list[str]) -> None:
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
                if number != likelihood * impact:
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
        if rating_text and rating_text.lower() not in NOT_SCORED and not scored:
            number = parse_whole_number(rating_text)
            if number is not None and not 1 <= number <= 25:
                reader.problem(f"{stage}_rating", f"A score of {number}: scores run from 1 to 25.")
            elif number is not None:
                ratings.append(f"{prefix}Score {number}")
            else:
                ratings.append(f"{prefix}{' '.join(rating_text.split())}")


def _plan_row(
    reader: _RowReader,
    *,
    existing: Risk | None,
    owners: _OwnerIndex,
    owner_choices: dict[str, int | None],
    unmatched: list[str],
) -> RowPlan:
    """One row's plan: the Risk fields it sets and what it adds, each column read in turn,
    its problems and warnings in the order of the columns' concerns."""
    fields: dict[str, object] = {}
    creating = existing is None
    reference = reader.text("reference").upper()
    if reference:
        fields["reference"] = reference
    _read_description(reader=reader, fields=fields, creating=creating)
    _read_category(reader=reader, fields=fields, creating=creating)
    _read_owner(
        reader=reader,
        fields=fields,
        owners=owners,
        owner_choices=owner_choices,
        unmatched=unmatched,
    )
    _read_ratings(reader=reader, fields=fields)
    _read_response(reader=reader, fields=fields, existing=existing)
    _read_review_date(reader=reader, fields=fields)
    _check_lengths(reader=reader, fields=fields)
    return RowPlan(
        row_number=reader.row_number,
        action="create" if creating else "update",
        reference=reference,
        fields=fields,
        controls=split_items(reader.cells.get("controls")),
        actions=split_items(reader.cells.get("actions")),
        problems=reader.problems,
        warnings=reader.warnings,
        risk=existing,
    )


def _read_description(*, reader: _RowReader, fields: dict[str, object], creating: bool) -> None:
    """The title, which every risk needs, and the event, consequence and impact, which a new
    risk is given a placeholder for (and a warning) when the sheet has none."""
    title = " ".join(reader.text("title").split())
    if title:
        fields["title"] = title
    elif creating or "title" in reader.headings:
        reader.problem("title", "No title: every risk needs one.")
    for name in ("event", "consequence", "impact"):
        text = reader.text(name)
        if text:
            fields[name] = text
        elif creating:
            fields[name] = NOT_GIVEN
            reader.warn(name, f"No {TARGET_LABELS[name].lower()}: filled in as “{NOT_GIVEN}”.")


def _read_category(*, reader: _RowReader, fields: dict[str, object], creating: bool) -> None:
    """The category, by its name or a common word for it; a new risk without one is given
    the default, with a warning."""
    category_text = reader.text("category")
    if category_text:
        category = _choice(category_text, Category.choices, CATEGORY_WORDS)
        if category is None:
            reader.problem(
                "category",
                f"“{category_text}” is not a category; use one of: "
                + ", ".join(label for _, label in Category.choices)
                + ".",
            )
        else:
            fields["category"] = category
    elif creating:
        fields["category"] = DEFAULT_CATEGORY
        reader.warn("category", f"No category: set to {DEFAULT_CATEGORY.label}; change it later.")


def _read_owner(
    *,
    reader: _RowReader,
    fields: dict[str, object],
    owners: _OwnerIndex,
    owner_choices: dict[str, int | None],
    unmatched: list[str],
) -> None:
    """The owner, found among the organisation's people by name, username or email; a name
    not found is listed in ``unmatched`` and stands only once the importer has chosen who it
    is (or no owner)."""
    owner_name = " ".join(reader.text("owner").split())
    if not owner_name:
        return
    owner = owners.find(owner_name)
    if owner is not None:
        fields["owner"] = owner
        return
    if owner_name not in unmatched:
        unmatched.append(owner_name)
    if owner_name not in owner_choices:
        reader.problem(
            "owner", f"“{owner_name}” is not a person here: choose who it is, or no owner."
        )
        return
    chosen = owner_choices[owner_name]
    if chosen is None:
        fields["owner"] = None
    elif chosen in owners.ids:
        fields["owner"] = owners.by_pk[chosen]
    else:
        reader.problem("owner", f"The person chosen for “{owner_name}” cannot own it.")


def _read_ratings(*, reader: _RowReader, fields: dict[str, object]) -> None:
    """The scores, and what the sheet said where it gave a rating rather than a score (kept
    as the imported rating, never turned into one), and its trend word."""
    ratings: list[str] = []
    _read_scores(reader, fields, ratings)
    if ratings:
        fields["imported_rating"] = "; ".join(ratings)
    trend = " ".join(reader.text("trend").split())
    if trend:
        fields["imported_trend"] = trend


def _read_response(*, reader: _RowReader, fields: dict[str, object], existing: Risk | None) -> None:
    """The response, by its name or a common word for it, and its rationale, which a
    tolerated risk must have (in the sheet or already on the risk)."""
    response_text = reader.text("response")
    if response_text and response_text.lower() not in NOT_DECIDED:
        response = _choice(response_text, Response.choices, RESPONSE_WORDS)
        if response is None:
            reader.problem(
                "response",
                f"“{response_text}” is not a response; use Tolerate, Treat, Terminate or Transfer.",
            )
        else:
            fields["response"] = response
    rationale = reader.text("response_rationale")
    if rationale:
        fields["response_rationale"] = rationale
    if fields.get("response") == Response.TOLERATE and not (
        rationale or (existing is not None and existing.response_rationale.strip())
    ):
        reader.problem("response_rationale", "Tolerated without a reason: give the rationale.")


def _read_review_date(*, reader: _RowReader, fields: dict[str, object]) -> None:
    """The next review date, as a date cell or as text in one of the usual spellings."""
    review_text = reader.text("next_review_due")
    if review_text:
        try:
            fields["next_review_due"] = parse_date(reader.cells.get("next_review_due"))
        except ValueError:
            reader.problem(
                "next_review_due", f"“{review_text}” is not a date; write it as dd/mm/yyyy."
            )


def _check_lengths(*, reader: _RowReader, fields: dict[str, object]) -> None:
    """Text longer than its field holds, reported against the column it came from."""
    lengths = {name: fields.get(name) for name in TEXT_LIMITS}
    lengths.update({name: reader.text(name) for name in LIST_LIMITS})
    for name, limit in {**TEXT_LIMITS, **LIST_LIMITS}.items():
        value = lengths[name]
        if isinstance(value, str) and len(value) > limit:
            target = {"imported_rating": "residual_rating", "imported_trend": "trend"}.get(
                name, name
            )
            reader.problem(target, f"Longer than {limit:,} characters ({len(value):,}).")


def build_plan(
    *,
    register: Register,
    table: Table,
    header_row: int,
    mapping: dict[int, str],
    owner_choices: dict[str, int | None] | None = None,
    importer: AbstractBaseUser | None = None,
) -> ImportPlan:
    """Plan importing ``table`` into ``register``: ``header_row`` is the heading row's index
    (0-based, as ``find_header_row`` returns it) and ``mapping`` each column's target (0-based
    column index to a ``TARGETS`` key). ``owner_choices`` maps an owner name as written in the
    sheet to a person's id, or to None for "no owner".

    A row whose reference is already on this register updates that risk; any other row
    creates one (with a generated reference when the sheet gives none). A reference taken on
    another register is a problem naming that register only if it is in this organisation and
    ``importer`` may see it; otherwise the reference is only said to be taken. Reads only.
    """
    owner_choices = owner_choices or {}
    columns, headings, problems = _map_columns(table=table, header_row=header_row, mapping=mapping)
    readers = _row_readers(table=table, header_row=header_row, columns=columns, headings=headings)
    references = [reader.text("reference").upper() for reader in readers]
    existing = _risks_by_reference(references=references)
    nameable = _nameable_registers(importer=importer, register=register, risks=existing.values())
    _flag_repeated_references(readers=readers, references=references)

    owners = _OwnerIndex(register)
    unmatched: list[str] = []
    plans = []
    for reader, reference in zip(readers, references, strict=True):
        risk = _risk_to_update(
            reader=reader,
            reference=reference,
            existing=existing,
            register=register,
            nameable=nameable,
        )
        plans.append(
            _plan_row(
                reader,
                existing=risk,
                owners=owners,
                owner_choices=owner_choices,
                unmatched=unmatched,
            )
        )
    for plan in plans:
        problems.extend(plan.problems)
    return ImportPlan(rows=plans, unmatched_owners=unmatched, problems=problems)


def _map_columns(
    *, table: Table, header_row: int, mapping: dict[int, str]
) -> tuple[dict[str, int], dict[str, str], list[Problem]]:
    """Each mapped target's column index and the heading it has in the sheet, and the
    mapping's own problems: a target mapped twice, or no column for the title."""
    headings_row = table.rows[header_row] if header_row < len(table.rows) else []
    problems: list[Problem] = []
    columns: dict[str, int] = {}
    headings: dict[str, str] = {}
    for index, target in sorted(mapping.items()):
        if not target:
            continue
        if target not in TARGET_LABELS:
            raise ValueError(f"unknown import target: {target!r}")
        heading = cell_text(headings_row[index]) if index < len(headings_row) else ""
        heading = " ".join(heading.split()) or f"Column {index + 1}"
        if target in columns:
            problems.append(
                Problem(
                    header_row + 1,
                    heading,
                    f"Two columns are mapped to {TARGET_LABELS[target]}; choose one.",
                )
            )
            continue
        columns[target], headings[target] = index, heading
    if "title" not in columns:
        problems.append(
            Problem(header_row + 1, "Title", "No column is mapped to Title: every risk needs one.")
        )
    return columns, headings, problems


def _row_readers(
    *, table: Table, header_row: int, columns: dict[str, int], headings: dict[str, str]
) -> list[_RowReader]:
    """A reader for each row under the headings that has anything in its mapped columns."""
    readers = []
    for offset, row in enumerate(table.rows[header_row + 1 :], start=header_row + 2):
        cells = {
            target: row[index] if index < len(row) else None for target, index in columns.items()
        }
        if not any(cell_text(value) for value in cells.values()):
            continue  # blank rows between risks are normal
        readers.append(_RowReader(offset, cells, headings))
    return readers


def _risks_by_reference(*, references: list[str]) -> dict[str, Risk]:
    """The risks already carrying any of these references, on any register, by reference in
    capitals (references are unique whatever their case)."""
    wanted = {ref for ref in references if ref}
    return {
        risk.reference.upper(): risk
        for risk in Risk.objects.annotate(reference_upper=Upper("reference"))
        .filter(reference_upper__in=wanted)
        .select_related("register")
    }


def _flag_repeated_references(*, readers: list[_RowReader], references: list[str]) -> None:
    """A reference on more than one row is a problem on each of those rows."""
    seen: dict[str, list[_RowReader]] = {}
    for reader, reference in zip(readers, references, strict=True):
        if reference:
            seen.setdefault(reference, []).append(reader)
    for reference, same in seen.items():
        if len(same) > 1:
            rows = ", ".join(str(reader.row_number) for reader in same)
            for reader in same:
                reader.problem("reference", f"{reference} is on more than one row ({rows}).")


def _nameable_registers(
    *, importer: AbstractBaseUser | None, register: Register, risks: Iterable[Risk]
) -> set[int]:
    """Of the other registers holding these risks, those a problem may name: the ones in
    ``register``'s organisation that ``importer`` may see (docs/domain.md#who-may-see-what)."""
    others = {risk.register_id for risk in risks if risk.register_id != register.pk}
    if importer is None or not others:
        return set()
    return set(
        visible_registers(importer)
        .filter(pk__in=others, organisation_id=register.organisation_id)
        .values_list("pk", flat=True)
    )


def _risk_to_update(
    *,
    reader: _RowReader,
    reference: str,
    existing: dict[str, Risk],
    register: Register,
    nameable: set[int],
) -> Risk | None:
    """The risk a row updates: the one on this register with the row's reference. A reference
    already taken on another register, or by a closed risk, is a problem on the row; the other
    register is named only if it is in ``nameable``, for references are unique across the
    installation and a register the importer may not see (in another organisation, perhaps)
    is none of their business."""
    risk = existing.get(reference) if reference else None
    if risk is not None and risk.register_id != register.pk:
        if risk.register_id in nameable:
            message = f"{reference} is already a risk on another register ({risk.register.name})."
        else:
            message = (
                f"{reference} is taken: references are unique, so give this row another one, "
                "or leave it blank for the next free one."
            )
        reader.problem("reference", message)
        return None
    if risk is not None and risk.status != RiskStatus.OPEN:
        reader.problem("reference", f"{reference} is closed and can no longer be changed.")
    return risk
