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

from registers.imports.categories import CategoryIndex, read_category
from registers.imports.cells import (
    cell_text,
    parse_date,
    split_items,
    split_risk_effects,
    title_from_description,
)
from registers.imports.finance import read_finance
from registers.imports.mapping import REPEATABLE, TARGET_LABELS, sheet_headings
from registers.imports.reader import Table
from registers.imports.rows import Problem, RowReader, read_ratings
from registers.imports.valuemaps import ValueMap
from registers.models import Horizon, Register, Response, Risk, RiskStatus
from registers.permissions import visible_registers
from registers.selectors.people import organisation_people
from scoring.selectors import scheme_bands

# The most text each field takes from a sheet: its own length where the model has one; for a
# description a few thousand characters (two pages), and more for a cell listing the controls
# or the actions, each of which becomes one. Longer text is a problem on its row.
LONG_TEXT = 5_000
LIST_TEXT = 10_000
TEXT_LIMITS = {
    **{
        name: Risk._meta.get_field(name).max_length
        for name in ("reference", "title", "imported_rating", "imported_trend", "owner_as_written")
    },
    **dict.fromkeys(("event", "consequence", "impact", "response_rationale"), LONG_TEXT),
}
LIST_LIMITS = {"controls": LIST_TEXT, "actions": LIST_TEXT}
RESPONSE_WORDS = {
    "accept": Response.TOLERATE,
    "reduce": Response.TREAT,
    "mitigate": Response.TREAT,
    "share": Response.TRANSFER,
    "avoid": Response.TERMINATE,
}
NOT_DECIDED = {"not decided", "none", "n/a", "na", "-", "tbc"}
# "Short", "short term", ...: the horizon's own first words.
HORIZON_WORDS = {f"{value}{term}": value for value in Horizon.values for term in ("", " term")}


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
    # Each value map the plan read a column through, with the column's heading.
    value_maps: list[tuple[str, ValueMap]] = field(default_factory=list)
    # The categories confirming adds (a value mapped to "add as a new category"): label as
    # written -> key; and the organisation's categories, for the preview's labels.
    new_categories: dict[str, str] = field(default_factory=dict)
    categories: CategoryIndex | None = None

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


def _plan_row(
    reader: RowReader,
    *,
    existing: Risk | None,
    owners: _OwnerIndex,
    owner_choices: dict[str, int | None],
    unmatched: list[str],
    categories: CategoryIndex,
) -> RowPlan:
    """One row's plan: the Risk fields it sets and what it adds, each column read in turn,
    its problems and warnings in the order of the columns' concerns."""
    fields: dict[str, object] = {}
    creating = existing is None
    reference = reader.text("reference").upper()
    if reference:
        fields["reference"] = reference
    _read_description(reader=reader, fields=fields, creating=creating)
    read_category(reader=reader, fields=fields, existing=existing, categories=categories)
    _read_owner(
        reader=reader,
        fields=fields,
        owners=owners,
        owner_choices=owner_choices,
        unmatched=unmatched,
    )
    read_ratings(reader=reader, fields=fields)
    _read_response(reader=reader, fields=fields, existing=existing)
    _read_horizon(reader=reader, fields=fields)
    _read_review_date(reader=reader, fields=fields)
    read_finance(reader=reader, fields=fields)
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


def _read_description(*, reader: RowReader, fields: dict[str, object], creating: bool) -> None:
    """The title, which every risk needs, and the event, consequence and impact. A cell written
    as "Risk:- … Effects:- …" gives the event and the consequence; without a title column the
    title is the event's first sentence, pointed out for the person importing to accept. A new
    risk missing a part of its description leaves it empty, flagged as missing, never filled
    with words that would print in the packs (docs/domain.md#spreadsheets)."""
    event, effects = split_risk_effects(reader.text("event"))
    if event:
        fields["event"] = event
    if effects and not reader.text("consequence"):
        fields["consequence"] = effects
    title = " ".join(reader.text("title").split())
    if title:
        fields["title"] = title
    elif event and "title" not in reader.headings:
        fields["title"] = title_from_description(event)
        reader.warn("title", f"Title taken from the description: “{fields['title']}”.")
    elif creating or "title" in reader.headings:
        reader.problem("title", "No title: every risk needs one.")
    for name in ("consequence", "impact"):
        text = reader.text(name)
        if text:
            fields[name] = text
    for name in ("event", "consequence", "impact"):
        if creating and not fields.get(name):
            fields[name] = ""
            reader.warn(name, f"No {TARGET_LABELS[name].lower()}: left empty, flagged as missing.")


def _read_owner(
    *,
    reader: RowReader,
    fields: dict[str, object],
    owners: _OwnerIndex,
    owner_choices: dict[str, int | None],
    unmatched: list[str],
) -> None:
    """The owner, found among the organisation's people by name, username or email. A name
    that matches nobody (a team such as "CMT", a job title, two names) is listed in
    ``unmatched`` and never stops the import: the person chosen for it in the mapping step
    owns the risk, or, until someone is assigned, the name is kept as the owner as written
    (or dropped, where "no owner" was chosen)."""
    owner_name = " ".join(reader.text("owner").split())
    if not owner_name:
        return
    owner = owners.find(owner_name)
    if owner is not None:
        fields["owner"], fields["owner_as_written"] = owner, ""
        return
    if owner_name not in unmatched:
        unmatched.append(owner_name)
    if owner_name not in owner_choices:
        fields["owner"], fields["owner_as_written"] = None, owner_name
        reader.warn("owner", f"“{owner_name}” is no one's account: kept as the owner as written.")
        return
    chosen = owner_choices[owner_name]
    if chosen is None:
        fields["owner"], fields["owner_as_written"] = None, ""
    elif chosen in owners.ids:
        fields["owner"], fields["owner_as_written"] = owners.by_pk[chosen], ""
    else:
        reader.problem("owner", f"The person chosen for “{owner_name}” cannot own it.")


def _read_horizon(*, reader: RowReader, fields: dict[str, object]) -> None:
    """The time horizon, by its label ("Long term (over three years)") or its first words."""
    text = reader.text("horizon")
    if text:
        horizon = _choice(text, Horizon.choices, HORIZON_WORDS)
        if horizon is None:
            reader.problem("horizon", f"“{text}” is not a horizon; use Short, Medium or Long term.")
        else:
            fields["horizon"] = horizon


def _read_response(*, reader: RowReader, fields: dict[str, object], existing: Risk | None) -> None:
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


def _read_review_date(*, reader: RowReader, fields: dict[str, object]) -> None:
    """The next review date, as a date cell or as text in one of the usual spellings."""
    review_text = reader.text("next_review_due")
    if review_text:
        try:
            fields["next_review_due"] = parse_date(reader.cells.get("next_review_due"))
        except ValueError:
            reader.problem(
                "next_review_due", f"“{review_text}” is not a date; write it as dd/mm/yyyy."
            )


def _check_lengths(*, reader: RowReader, fields: dict[str, object]) -> None:
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
    value_maps: dict[int, ValueMap] | None = None,
) -> ImportPlan:
    """Plan importing ``table`` into ``register``: ``header_row`` is the (first) heading row's
    index (0-based, as ``find_header_row`` returns it; a grouped heading row over sub-headings
    is read with them, ``mapping.sheet_headings``) and ``mapping`` each column's target
    (0-based column index to a ``TARGETS`` key). ``owner_choices`` maps an owner name as
    written in the sheet to a person's id, or to None for "no owner"; a name not in it is kept
    as the owner as written. ``value_maps`` are the columns' value maps, by column index.

    A row whose reference is already on this register updates that risk; any other row
    creates one (a reference generated when the sheet gives none). A reference taken on another
    register of the organisation is a problem naming it only if ``importer`` may see it.
    """
    owner_choices = owner_choices or {}
    sheet, depth = sheet_headings(table.rows, header_row)
    columns, headings, problems = _map_columns(sheet=sheet, header_row=header_row, mapping=mapping)
    maps = _maps_by_target(mapping=mapping, value_maps=value_maps or {})
    problems.extend(_unknown_bands(register=register, maps=maps, headings=headings, row=header_row))
    readers = _row_readers(
        table=table,
        first_row=header_row + depth,
        columns=columns,
        headings=(headings, sheet),
        maps=maps,
    )
    references = [reader.text("reference").upper() for reader in readers]
    existing = _risks_by_reference(references=references, organisation_id=register.organisation_id)
    nameable = _nameable_registers(importer=importer, register=register, risks=existing.values())
    _flag_repeated_references(readers=readers, references=references)
    owners, categories = _OwnerIndex(register), CategoryIndex(register.organisation_id)
    unmatched: list[str] = []
    plans = [
        _plan_row(
            reader,
            existing=_risk_to_update(
                reader=reader,
                reference=reference,
                existing=existing,
                register=register,
                nameable=nameable,
            ),
            owners=owners,
            owner_choices=owner_choices,
            unmatched=unmatched,
            categories=categories,
        )
        for reader, reference in zip(readers, references, strict=True)
    ]
    for plan in plans:
        problems.extend(plan.problems)
    applied = [(headings[target], value_map) for target, value_map in maps.items()]
    return ImportPlan(plans, unmatched, problems, applied, dict(categories.new), categories)


def _unknown_bands(
    *, register: Register, maps: dict[str, ValueMap], headings: dict[str, str], row: int
) -> list[Problem]:
    """A rating map onto a band the organisation's scheme does not have (a mapping file
    written for another scheme), as a problem on the heading row."""
    rating_map = maps.get("residual_rating")
    if rating_map is None:
        return []
    keys = {band.key for band in scheme_bands(scheme_id=register.organisation.scheme_id)}
    return [
        Problem(
            row + 1,
            headings["residual_rating"],
            f"“{value}” maps onto a band the "
            f"risk appetite does not have ({band}); choose one of: {', '.join(sorted(keys))}.",
        )
        for value, band in rating_map.values.items()
        if band and band not in keys
    ]


def _maps_by_target(
    *, mapping: dict[int, str], value_maps: dict[int, ValueMap]
) -> dict[str, ValueMap]:
    """The value maps of mapped columns, by the target their column is mapped to."""
    return {
        mapping[index]: value_map
        for index, value_map in value_maps.items()
        if mapping.get(index) and mapping[index] not in REPEATABLE
    }


def _map_columns(
    *, sheet: list[str], header_row: int, mapping: dict[int, str]
) -> tuple[dict[str, list[int]], dict[str, str], list[Problem]]:
    """Each mapped target's column indexes (one, or several for a trend per quarter) and the
    heading it has in the sheet, and the mapping's own problems: a target mapped twice, or no
    column for the title (nor a description to take it from)."""
    problems: list[Problem] = []
    columns: dict[str, list[int]] = {}
    headings: dict[str, str] = {}
    for index, target in sorted(mapping.items()):
        if not target:
            continue
        if target not in TARGET_LABELS:
            raise ValueError(f"unknown import target: {target!r}")
        heading = sheet[index] if index < len(sheet) else ""
        heading = " ".join(heading.split()) or f"Column {index + 1}"
        if target in columns and target not in REPEATABLE:
            problems.append(
                Problem(
                    header_row + 1,
                    heading,
                    f"Two columns are mapped to {TARGET_LABELS[target]}; choose one.",
                )
            )
            continue
        columns.setdefault(target, []).append(index)
        headings.setdefault(target, heading)
    if "title" not in columns and "event" not in columns:
        problems.append(
            Problem(header_row + 1, "Title", "No column is mapped to Title: every risk needs one.")
        )
    return columns, headings, problems


def _row_readers(
    *,
    table: Table,
    first_row: int,
    columns: dict[str, list[int]],
    headings: tuple[dict[str, str], list[str]],
    maps: dict[str, ValueMap],
) -> list[RowReader]:
    """A reader for each row under the headings (``first_row`` is the first under them,
    0-based) that has anything in its mapped columns. Several trend columns are read as one
    history, each quarter's value after its heading ("Q1: New; Q2: Up"). ``headings`` are
    each target's heading and every column's."""
    target_headings, sheet = headings
    readers = []
    for offset, row in enumerate(table.rows[first_row:], start=first_row + 1):
        cells = {
            target: _cell(row, indexes[0])
            for target, indexes in columns.items()
            if len(indexes) == 1
        }
        for target, indexes in columns.items():
            if len(indexes) > 1:
                parts = [(index, cell_text(_cell(row, index))) for index in indexes]
                cells[target] = "; ".join(
                    f"{_trend_label(sheet, index)}: {text}" for index, text in parts if text
                )
        if not any(cell_text(value) for value in cells.values()):
            continue  # blank rows between risks are normal
        readers.append(RowReader(offset, cells, target_headings, maps))
    return readers


def _cell(row: list[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _trend_label(sheet: list[str], index: int) -> str:
    """A trend column's quarter as its heading names it: "Q1 Trending" as "Q1"."""
    heading = sheet[index] if index < len(sheet) else ""
    words = [word for word in heading.split() if word.lower() not in {"trend", "trending"}]
    return " ".join(words) or heading or f"Column {index + 1}"


def _risks_by_reference(*, references: list[str], organisation_id: int) -> dict[str, Risk]:
    """The organisation's risks already carrying any of these references, on any of its
    registers, by reference in capitals (references are unique in an organisation whatever
    their case; another organisation's are no concern of this import)."""
    wanted = {ref for ref in references if ref}
    return {
        risk.reference.upper(): risk
        for risk in Risk.objects.annotate(reference_upper=Upper("reference"))
        .filter(organisation_id=organisation_id, reference_upper__in=wanted)
        .select_related("register")
    }


def _flag_repeated_references(*, readers: list[RowReader], references: list[str]) -> None:
    """A reference on more than one row is a problem on each of those rows."""
    seen: dict[str, list[RowReader]] = {}
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
    reader: RowReader,
    reference: str,
    existing: dict[str, Risk],
    register: Register,
    nameable: set[int],
) -> Risk | None:
    """The risk a row updates: the one on this register with the row's reference. A reference
    already taken on another register, or by a closed risk, is a problem on the row; the other
    register is named only if it is in ``nameable``, for references are unique in the
    organisation and a register of it the importer may not see is none of their business."""
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
