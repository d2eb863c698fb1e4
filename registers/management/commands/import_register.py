"""Import a spreadsheet (XLSX or CSV) into a register from the command line: the same reading,
mapping guess, plan and all-or-nothing apply as the web pages."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError

from registers.imports.apply import apply_plan
from registers.imports.categories import CategoryIndex
from registers.imports.mapfile import (
    MappingFileError,
    mapping_document,
    read_mapping_document,
)
from registers.imports.mapping import TARGET_LABELS, find_header_row, guess_mapping, sheet_headings
from registers.imports.plan import ImportPlan, RowPlan, build_plan
from registers.imports.proposals import propose_value_maps
from registers.imports.reader import ImportFileError, Table, read_table
from registers.models import Register
from registers.selectors.people import organisation_people
from scoring.selectors import scheme_bands


class Command(BaseCommand):
    help = (
        "Import risks from a spreadsheet into the register with the given prefix: prints the "
        "preview, then applies it unless --dry-run or it has problems (exit code 1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx or .csv file to import.")
        parser.add_argument("--register", required=True, help="The register's prefix, e.g. CRR.")
        parser.add_argument(
            "--organisation",
            help="The organisation's slug, where more than one has a register with the prefix.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the preview only; change nothing."
        )
        parser.add_argument(
            "--as",
            dest="username",
            help="Who the import is recorded as (in each risk's history); the register's owner "
            "by default.",
        )
        parser.add_argument(
            "--mapping",
            dest="mapping_file",
            help="A mapping file (JSON), as the import pages offer to download: the heading "
            "row, what each column holds, the value maps and the owners. Without one, the "
            "mapping is guessed from the headings and the value maps proposed from the values.",
        )
        parser.add_argument(
            "--write-mapping",
            dest="write_mapping",
            help="Write the mapping used (guessed and proposed, or as read) to this JSON file, "
            "to check, change and pass back with --mapping.",
        )

    def handle(self, *args, **options):
        register = _register(prefix=options["register"], organisation=options["organisation"])
        by = _importer(username=options["username"], register=register)
        path = Path(options["file"])
        table = _table(path=path)
        header_row, mapping, value_maps, owners = _mapping(
            table=table, register=register, mapping_file=options["mapping_file"]
        )
        headings, _depth = sheet_headings(table.rows, header_row)
        if options["write_mapping"]:
            _write_mapping(
                Path(options["write_mapping"]),
                register=register,
                state=(header_row, mapping, value_maps, owners),
            )
        plan = build_plan(
            register=register,
            table=table,
            header_row=header_row,
            mapping=mapping,
            importer=by,
            owner_choices=owners,
            value_maps=value_maps,
        )
        self._write_preview(
            path=path,
            register=register,
            header_row=header_row,
            headings=headings,
            mapping=mapping,
            plan=plan,
        )
        if not plan.ok:
            lines = [f"  row {p.row}, {p.column}: {p.message}" for p in plan.problems]
            raise CommandError(
                f"{len(plan.problems)} problem(s); nothing imported:\n" + "\n".join(lines),
                returncode=1,
            )
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing changed.")
            return
        result = apply_plan(plan=plan, register=register, by=by, filename=path.name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} created, {result.updated} updated"
                f"{f', {result.unchanged} unchanged' if result.unchanged else ''}."
            )
        )

    def _write_preview(
        self,
        *,
        path: Path,
        register: Register,
        header_row: int,
        headings: list,
        mapping: dict[int, str],
        plan: ImportPlan,
    ) -> None:
        """What the web preview shows: the column each heading fills, what each row creates
        or updates, the notes, the owners not found, and the totals."""
        self.stdout.write(f"Importing {path.name} into {register.name} ({register.prefix}).")
        self.stdout.write(f"Headings on row {header_row + 1}:")
        for index, target in sorted(mapping.items()):
            if not target:
                continue
            heading = headings[index] if index < len(headings) else ""
            self.stdout.write(f"  {heading or f'Column {index + 1}'} -> {TARGET_LABELS[target]}")
        for heading, value_map in plan.value_maps:
            values = ", ".join(f"{value} -> {level}" for value, level in value_map.values.items())
            self.stdout.write(
                f"  values of {heading}: {value_map.rule}" + (f" ({values})" if values else "")
            )
        if plan.new_categories:
            self.stdout.write("Categories to add: " + ", ".join(plan.new_categories))
        self.stdout.write("Rows:")
        for row in plan.rows:
            self.stdout.write(_row_line(row=row))
        for warning in plan.warnings:
            self.stdout.write(f"  note: row {warning.row}, {warning.column}: {warning.message}")
        if plan.unmatched_owners:
            self.stdout.write("Owners who are no one's account (kept as written unless mapped):")
            for name in plan.unmatched_owners:
                self.stdout.write(f"  {name}")
        self.stdout.write(f"{plan.creates} to create, {plan.updates} to update.")


def _mapping(*, table: Table, register: Register, mapping_file: str | None):
    """The heading row (0-based), columns, value maps and owner choices: from the mapping
    file, or guessed from the headings with the value maps their values call for."""
    if mapping_file:
        try:
            document = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the mapping file {mapping_file}: {error}") from error
        people = {
            person.get_username(): person.pk
            for person in organisation_people(organisation_id=register.organisation_id)
        }
        try:
            header_row, mapping, value_maps, owners = read_mapping_document(document, people=people)
        except MappingFileError as error:
            raise CommandError(f"{mapping_file}: {error}") from error
        return header_row - 1, mapping, value_maps, owners
    header_row = find_header_row(table.rows)
    headings, _depth = sheet_headings(table.rows, header_row)
    mapping = guess_mapping(headings)
    bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    value_maps = propose_value_maps(
        table=table,
        header_row=header_row,
        mapping=mapping,
        bands=bands,
        categories=CategoryIndex(register.organisation_id),
    )
    return header_row, mapping, value_maps, {}


def _write_mapping(path: Path, *, register: Register, state: tuple) -> None:
    """The mapping as the file ``--mapping`` reads (``mapfile.mapping_document``)."""
    header_row, mapping, value_maps, owners = state
    usernames = {
        person.pk: person.get_username()
        for person in organisation_people(organisation_id=register.organisation_id)
    }
    document = mapping_document(
        header_row=header_row + 1,
        mapping=mapping,
        value_maps=value_maps,
        owners=owners,
        usernames=usernames,
    )
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error.strerror}.") from error


def _register(*, prefix: str, organisation: str | None) -> Register:
    """The register the import goes into, by its prefix in any case (prefixes are unique in
    an organisation), and the organisation's slug where two organisations use the prefix."""
    registers = Register.objects.filter(prefix__iexact=prefix).select_related("organisation")
    if organisation:
        registers = registers.filter(organisation__slug=organisation)
    found = list(registers[:2])
    if not found:
        raise CommandError(f"No register has the prefix {prefix}.")
    if len(found) > 1:
        raise CommandError(
            f"More than one organisation has a register with the prefix {prefix}: name the "
            "organisation with --organisation SLUG."
        )
    return found[0]


def _importer(*, username: str | None, register: Register) -> AbstractBaseUser:
    """Who the import is recorded as: the active user named, else the register's owner."""
    if not username:
        return register.owner
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist as error:
        raise CommandError(f"No active user is called {username}.") from error


def _table(*, path: Path) -> Table:
    """The sheet's rows; a file that cannot be read, or is not a sheet, stops the command."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        return read_table(data=data, filename=path.name)
    except ImportFileError as error:
        raise CommandError(str(error), returncode=1) from error


def _row_line(*, row: RowPlan) -> str:
    """One row of the preview: what it does, to which reference, and its residual score."""
    scores = (
        "residual {}x{}".format(row.fields["residual_likelihood"], row.fields["residual_impact"])
        if "residual_likelihood" in row.fields
        else row.not_scored_text
    )
    reference = row.reference or "(new reference)"
    return (
        f"  row {row.row_number}: {row.action} {reference} {row.title} [{scores}]"
        f"{f', {len(row.controls)} controls' if row.controls else ''}"
    )
