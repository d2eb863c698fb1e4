"""Importing a register from a spreadsheet, in four steps: upload the file, map its columns
(and the owner names nobody in the organisation has), check the preview of every row, then
confirm. Nothing is written to the register before the confirmation, and then all or nothing.

The uploaded file is kept as an ``ImportUpload`` between the steps (deleted once applied), and
the mapping chosen (columns, value maps, owners) with it, so going back to change it loses
nothing and it can be downloaded as a file for ``import_register --mapping``.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common import spreadsheets
from common.people import person_name
from registers import permissions
from registers.forms.imports import NO_OWNER, MappingForm, UploadForm, cell_text
from registers.imports import apply, export, mapfile, mapping, plan, proposals, reader
from registers.imports.categories import CategoryIndex
from registers.imports.valuemaps import ValueMap
from registers.models import ImportUpload, Register
from registers.selectors.people import organisation_people
from registers.views.actions import register_change_refused
from registers.views.register import _viewable_register
from scoring.selectors import scheme_bands

# How long an unfinished upload is kept before any later upload clears it away.
UPLOAD_KEPT_FOR = timedelta(days=1)

SAMPLE_ROWS = 3
HEADER_ROW_CHOICES = 15


def _register(pk: int) -> Register:
    return get_object_or_404(Register.objects.select_related("owner", "organisation"), pk=pk)


def _require_change(user, register: Register) -> None:
    if not permissions.can_change_register(user, register):
        raise register_change_refused(
            user,
            register,
            who_may="Only the register's owner or the Insurance Manager can import risks.",
        )


def _upload(request: HttpRequest, pk: int, upload_pk: int) -> tuple[Register, ImportUpload]:
    """The register, checked, and an upload of it by this user (nobody sees another's file):
    both in one query when the upload is theirs; else 403 to whoever may not import into the
    register and 404 to anyone else."""
    upload = (
        ImportUpload.objects.select_related("register__owner", "register__organisation")
        .filter(pk=upload_pk, register_id=pk, uploaded_by_id=request.user.pk)
        .first()
    )
    register = upload.register if upload is not None else _register(pk)
    _require_change(request.user, register)
    if upload is None:
        raise Http404("No such upload.")
    return register, upload


def _table(upload: ImportUpload) -> reader.Table:
    return reader.read_table(data=bytes(upload.data), filename=upload.filename)


def _read_again(request: HttpRequest, upload: ImportUpload) -> reader.Table | None:
    """The upload's table, read afresh as every step does; None, with the reason shown, when it
    can no longer be read (a limit tightened since, or a read slowed past the time allowed)."""
    try:
        return _table(upload)
    except reader.ImportFileError as error:
        messages.error(request, f"{upload.filename}: {error}")
        return None


def _check_headings_reachable(table: reader.Table) -> None:
    """The mapping page offers the first rows as the heading row: refuse a sheet with nothing
    in them (a lone value far down a blank sheet, say) now, with the reason."""
    if not any(table.rows[:HEADER_ROW_CHOICES]):
        raise reader.ImportFileError(
            f"The first {HEADER_ROW_CHOICES} rows of this sheet are empty, and the headings "
            "must be in one of them. Delete the blank rows above your table and upload it again."
        )


def _samples(table: reader.Table, first_row: int) -> dict[int, list[str]]:
    """The first few non-empty values under the headings (``first_row`` the first row under
    them, 0-based), to show what a column holds."""
    samples: dict[int, list[str]] = {}
    for row in table.rows[first_row:]:
        for index, value in enumerate(row):
            text = cell_text(value)
            if text and len(samples.setdefault(index, [])) < SAMPLE_ROWS:
                samples[index].append(text[:80] + ("…" if len(text) > 80 else ""))
    return samples


def _header_row_choices(table: reader.Table) -> list[tuple[int, str]]:
    choices = []
    for number, row in enumerate(table.rows[:HEADER_ROW_CHOICES], start=1):
        cells = [cell_text(cell) for cell in row if cell_text(cell)]
        summary = ", ".join(cells[:4])[:90] or "(empty row)"
        choices.append((number, f"Row {number}: {summary}"))
    return choices


def _people(register: Register):
    return organisation_people(organisation_id=register.organisation_id)


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1: choose the spreadsheet. It is read at once, so a file that cannot be imported
    is refused here with the reason."""
    register = _register(pk)
    _require_change(request.user, register)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        data = upload_file.read()
        try:
            _check_headings_reachable(reader.read_table(data=data, filename=upload_file.name))
        except reader.ImportFileError as error:
            form.add_error("file", f"{upload_file.name}: {error}")
        else:
            # One upload in progress per person and register: an abandoned one goes now, and
            # anyone's left unfinished for a day (spreadsheets may hold sensitive text).
            ImportUpload.objects.filter(
                Q(register=register, uploaded_by=request.user)
                | Q(created_at__lt=timezone.now() - UPLOAD_KEPT_FOR)
            ).delete()
            upload = ImportUpload.objects.create(
                register=register,
                uploaded_by=request.user,
                filename=upload_file.name[:255],
                data=data,
            )
            return redirect(
                "registers:register-import-mapping", pk=register.pk, upload_pk=upload.pk
            )
    # A file too big is refused as such (413); any other refusal is the form shown again.
    status = 413 if form.is_bound and form.too_big else 200
    return render(
        request,
        "registers/import_upload.html",
        {
            "register": register,
            "form": form,
            "max_mb": reader.MAX_BYTES // (1024 * 1024),
            "max_rows": f"{reader.MAX_ROWS:,}",
            "max_columns": reader.MAX_COLUMNS,
            "heading_rows": HEADER_ROW_CHOICES,
        },
        status=status,
    )


def _mapping_form(request, register, table, *, state: dict, data=None) -> MappingForm:
    """The mapping form for the header row asked for (the query), or the one chosen before,
    or the one the sheet's headings suggest; columns preselected by what was chosen before for
    that row, or by the headings; value maps proposed for what the columns hold (or as chosen
    before); and the owner names that are no one's account."""
    row_count = min(len(table.rows), HEADER_ROW_CHOICES)
    requested = request.GET.get("header_row") or (data or {}).get("header_row")
    try:
        header_row = int(requested)
    except (TypeError, ValueError):
        header_row = state.get("header_row") or mapping.find_header_row(table.rows) + 1
    header_row = max(1, min(header_row, max(row_count, 1)))
    headers, depth = mapping.sheet_headings(table.rows, header_row - 1)
    same_row = state.get("header_row") == header_row
    if same_row:
        chosen = {int(index): target for index, target in state.get("mapping", {}).items()}
    else:
        chosen = mapping.guess_mapping(headers)
    if data is not None:
        chosen = _posted_mapping(data, headers)
    bands = scheme_bands(scheme_id=register.organisation.scheme_id)
    categories = CategoryIndex(register.organisation_id)
    value_maps = _value_maps_for(
        table, header_row, chosen, state if same_row else {}, (bands, categories)
    )
    owner_choices = _owner_choices(state)
    unmatched = []
    if "owner" in chosen.values():
        unmatched = plan.build_plan(
            register=register,
            table=table,
            header_row=header_row - 1,
            mapping=chosen,
            owner_choices=owner_choices,
            importer=request.user,
            value_maps=value_maps,
        ).unmatched_owners
    initial = {f"column_{index}": target for index, target in chosen.items()}
    initial["header_row"] = header_row
    form = MappingForm(
        data,
        headers=headers,
        header_row=header_row,
        row_count=row_count,
        samples=_samples(table, header_row - 1 + depth),
        unmatched_owners=unmatched,
        people=_people(register),
        value_maps=value_maps,
        bands=bands,
        categories=[(key, categories.label(key)) for key in categories.in_use],
        initial=initial,
    )
    for name, owner in form.owner_names.items():
        if owner in owner_choices:
            chosen_owner = owner_choices[owner]
            form.initial[name] = NO_OWNER if chosen_owner is None else str(chosen_owner)
    return form


def _value_maps_for(table, header_row: int, chosen: dict[int, str], state: dict, known) -> dict:
    """The value maps the chosen columns need: proposed from their values (a rating onto the
    scheme's bands, a category onto the organisation's, both ``known``), except where one was
    confirmed before for the same column and target."""
    bands, categories = known
    proposed = proposals.propose_value_maps(
        table=table, header_row=header_row - 1, mapping=chosen, bands=bands, categories=categories
    )
    for index, data in _stored_value_maps(state).items():
        if index in proposed and proposed[index].target == data.target:
            proposed[index] = data
    return proposed


def _stored_value_maps(state: dict) -> dict[int, ValueMap]:
    return {
        int(index): ValueMap.from_json(data) for index, data in state.get("value_maps", {}).items()
    }


def _posted_mapping(data, headers: list[object]) -> dict[int, str]:
    targets = dict(mapping.TARGETS)
    posted = {}
    for index in range(len(headers)):
        target = data.get(f"column_{index}", "")
        if target and target in targets:
            posted[index] = target
    return posted


def _owner_choices(state: dict) -> dict[str, int | None]:
    return dict(state.get("owners", {}))


@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    """Step 2: which row holds the headings, what each column holds, and who owns the risks
    of owner names that match nobody."""
    register, upload = _upload(request, pk, upload_pk)
    table = _read_again(request, upload)
    if table is None:
        return redirect("registers:register-import", pk=register.pk)
    state = upload.mapping or {}
    data = request.POST if request.method == "POST" else None
    form = _mapping_form(request, register, table, state=state, data=data)
    if data is not None and form.is_valid():
        kept = {
            name: person
            for name, person in _owner_choices(state).items()
            if name not in form.owner_names.values()
        }
        upload.mapping = {
            "header_row": form.header_row_number,
            "mapping": {str(index): target for index, target in form.mapping().items()},
            "value_maps": {
                str(index): value_map.as_json()
                for index, value_map in form.chosen_value_maps().items()
            },
            "owners": {**kept, **form.owner_choices()},
        }
        upload.save(update_fields=["mapping"])
        return redirect("registers:register-import-preview", pk=register.pk, upload_pk=upload.pk)
    return render(
        request,
        "registers/import_mapping.html",
        {
            "register": register,
            "upload": upload,
            "form": form,
            "header_row_choices": _header_row_choices(table),
            "sheet_name": table.sheet_name,
        },
    )


def _plan_for(request: HttpRequest, register: Register, table: reader.Table, state: dict):
    return plan.build_plan(
        register=register,
        table=table,
        header_row=state["header_row"] - 1,
        mapping={int(index): target for index, target in state["mapping"].items()},
        owner_choices=_owner_choices(state),
        importer=request.user,
        value_maps=_stored_value_maps(state),
    )


def _render_preview(request, register, upload, import_plan, *, error=None, status=200):
    # The current owners of the risks an update leaves the owner of, in one query.
    kept_owner_ids = {
        row.risk.owner_id
        for row in import_plan.rows
        if row.risk is not None and "owner" not in row.fields and row.risk.owner_id
    }
    kept_owners = get_user_model().objects.in_bulk(kept_owner_ids)
    rows = [_preview_row(row, kept_owners) for row in import_plan.rows]
    row_numbers = {row["row_number"] for row in rows}
    return render(
        request,
        "registers/import_preview.html",
        {
            "register": register,
            "upload": upload,
            "plan": import_plan,
            "rows": rows,
            "problems": [
                {"problem": problem, "linked": problem.row in row_numbers}
                for problem in import_plan.problems
            ],
            "warnings": import_plan.warnings,
            "value_maps": _value_map_lines(register, import_plan),
            "new_categories": list(import_plan.new_categories),
            "error": error,
        },
        status=status,
    )


def _value_map_lines(register: Register, import_plan) -> list[dict]:
    """Each value map the plan applied, its values in words: levels as numbers, categories
    and bands by their labels ("“Design” → Partnerships", "“Critical” → Red", "“Surveys” →
    a new category “Surveys”")."""
    if not import_plan.value_maps:
        return []
    bands = {
        band.key: band.label for band in scheme_bands(scheme_id=register.organisation.scheme_id)
    }
    categories = import_plan.categories or CategoryIndex(None)

    def words(value_map: ValueMap, value: str, level: object) -> object:
        if value_map.target == "category":
            return categories.choice_label(level, value)
        return bands.get(level, level) if isinstance(level, str) else level

    return [
        {
            "heading": heading,
            "rule": value_map.rule,
            "values": [
                (value, words(value_map, value, level)) for value, level in value_map.values.items()
            ],
        }
        for heading, value_map in import_plan.value_maps
    ]


def _scores_text(row, stage: str) -> str:
    likelihood = row.fields.get(f"{stage}_likelihood")
    impact = row.fields.get(f"{stage}_impact")
    if likelihood and impact:
        return f"{likelihood} × {impact} = {likelihood * impact}"
    if row.risk is not None:
        return "Unchanged"
    if stage == "residual":
        text = row.not_scored_text  # "not scored (Critical)": the rating kept as written
        return text[:1].upper() + text[1:]
    return "Not scored"


def _preview_row(row, kept_owners: dict) -> dict:
    if "owner" in row.fields:
        owner = row.fields["owner"]
    else:
        owner = kept_owners.get(row.risk.owner_id) if row.risk is not None else None
    return {
        "row_number": row.row_number,
        "action": row.action,
        "reference": row.reference,
        "title": row.title,
        "inherent": _scores_text(row, "inherent"),
        "residual": _scores_text(row, "residual"),
        "owner": person_name(owner) if owner else "",
        "controls": len(row.controls),
        "actions": len(row.actions),
        "problems": row.problems,
        "warnings": row.warnings,
    }


@require_GET
def import_preview(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    """Step 3: every row as it will be imported (created or updated), with every problem by
    row and column. The confirmation is offered only when there is no problem."""
    register, upload = _upload(request, pk, upload_pk)
    state = upload.mapping
    if not state:
        return redirect("registers:register-import-mapping", pk=register.pk, upload_pk=upload.pk)
    table = _read_again(request, upload)
    if table is None:
        return redirect("registers:register-import", pk=register.pk)
    return _render_preview(request, register, upload, _plan_for(request, register, table, state))


@require_POST
def import_confirm(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    """Step 4: apply the import, all or nothing, then back to the register."""
    register, upload = _upload(request, pk, upload_pk)
    state = upload.mapping
    if not state:
        return redirect("registers:register-import-mapping", pk=register.pk, upload_pk=upload.pk)
    table = _read_again(request, upload)
    if table is None:
        return redirect("registers:register-import", pk=register.pk)
    import_plan = _plan_for(request, register, table, state)
    if not import_plan.ok:
        return _render_preview(request, register, upload, import_plan, status=400)
    try:
        # The upload is used up in the same transaction as the import: a request killed
        # half-way leaves both as they were, and a second confirmation (a double click, a
        # retry after a lost response) waits for the first and then finds nothing to import.
        with transaction.atomic():
            if not ImportUpload.objects.select_for_update().filter(pk=upload.pk).exists():
                messages.info(request, "That import has already been made.")
                return redirect(register)
            result = apply.apply_plan(
                plan=import_plan, register=register, by=request.user, filename=upload.filename
            )
            upload.delete()
    except ValidationError as error:
        return _render_preview(
            request, register, upload, import_plan, error=" ".join(error.messages), status=400
        )
    unchanged = f", {result.unchanged} unchanged" if result.unchanged else ""
    messages.success(
        request, f"Imported: {result.created} created, {result.updated} updated{unchanged}."
    )
    return redirect(register)


@require_GET
def import_mapping_file(request: HttpRequest, pk: int, upload_pk: int) -> HttpResponse:
    """The confirmed mapping (heading row, columns, value maps, owners) as a JSON file, to
    import the same sheet the same way again: ``import_register --mapping FILE``."""
    register, upload = _upload(request, pk, upload_pk)
    state = upload.mapping
    if not state:
        return redirect("registers:register-import-mapping", pk=register.pk, upload_pk=upload.pk)
    owners = _owner_choices(state)
    people = {person.pk: person.get_username() for person in _people(register)}
    document = mapfile.mapping_document(
        header_row=state["header_row"],
        mapping={int(index): target for index, target in state["mapping"].items()},
        value_maps=_stored_value_maps(state),
        owners=owners,
        usernames=people,
    )
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", upload.filename.rsplit(".", 1)[0]).strip("-.")
    name = name or "import"
    return HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False),
        content_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}-mapping.json"'},
    )


@require_GET
def register_export_full(request: HttpRequest, pk: int) -> HttpResponse:
    """Every risk of the register with every field the import reads, to edit and import back."""
    register = _viewable_register(request, pk)
    return HttpResponse(
        export.register_workbook(register=register),
        content_type=spreadsheets.XLSX_CONTENT_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{register.prefix}-all-fields.xlsx"'
        },
    )
