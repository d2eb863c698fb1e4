"""Import a spreadsheet (XLSX or CSV) into a register from the command line: the same reading,
mapping guess, plan and all-or-nothing apply as the web pages."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError

from registers.imports.apply import apply_plan
from registers.imports.mapping import TARGET_LABELS, find_header_row, guess_mapping
from registers.imports.plan import ImportPlan, RowPlan, build_plan
from registers.imports.reader import ImportFileError, Table, read_table
from registers.models import Register


class Command(BaseCommand):
    help = (
        "Import risks from a spreadsheet into the register with the given prefix: prints the "
        "preview, then applies it unless --dry-run or it has problems (exit code 1)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx or .csv file to import.")
        parser.add_argument("--register", required=True, help="The register's prefix, e.g. CRR.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the preview only; change nothing."
        )
        parser.add_argument(
            "--as",
            dest="username",
            help="Who the import is recorded as (in each risk's history); the register's owner "
            "by default.",
        )

    def handle(self, *args, **options):
        register = _register(prefix=options["register"])
        by = _importer(username=options["username"], register=register)
        path = Path(options["file"])
        table = _table(path=path)
        header_row = find_header_row(table.rows)
        headings = table.rows[header_row] if table.rows else []
        mapping = guess_mapping(headings)
        plan = build_plan(
            register=register, table=table, header_row=header_row, mapping=mapping, importer=by
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
            heading = " ".join(str(headings[index] or "").split()) or f"Column {index + 1}"
            self.stdout.write(f"  {heading} -> {TARGET_LABELS[target]}")
        self.stdout.write("Rows:")
        for row in plan.rows:
            self.stdout.write(_row_line(row=row))
        for warning in plan.warnings:
            self.stdout.write(f"  note: row {warning.row}, {warning.column}: {warning.message}")
        if plan.unmatched_owners:
            self.stdout.write("Owners not found among the organisation's people:")
            for name in plan.unmatched_owners:
                self.stdout.write(f"  {name}")
        self.stdout.write(f"{plan.creates} to create, {plan.updates} to update.")


def _register(*, prefix: str) -> Register:
    """The register the import goes into, by its prefix in any case."""
    try:
        return Register.objects.get(prefix__iexact=prefix)
    except Register.DoesNotExist as error:
        raise CommandError(f"No register has the prefix {prefix}.") from error


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
