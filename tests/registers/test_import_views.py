"""The spreadsheet import pages: upload, mapping, preview, confirm; and the full export."""

import csv
import io
import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from common.people import person_name
from registers.imports import limits
from registers.imports.reader import MAX_BYTES
from registers.models import Action, ImportUpload, Risk
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

# The Adult Care service register is owned by "head".
ALLOWED = ["head", "insurance"]
REFUSED = ["officer", "director", "chief", "other_officer", "other_director", "audit", "committee"]

HEADINGS = [
    "Risk ID",
    "Risk",
    "Description",
    "Risk Owner",
    "Residual Likelihood",
    "Residual Impact",
    "Residual Risk Rating",
    "Controls",
]


def sheet_csv(*rows, title="Adult Care risk register 2026/27") -> bytes:
    lines = [[title], [], HEADINGS, *rows]
    out = io.StringIO()
    csv.writer(out).writerows(lines)
    return out.getvalue().encode("utf-8")


GOOD_ROWS = [
    ["AC-101", "Care home closures", "Providers leave", "", "4", "4", "", "Weekly calls"],
    ["AC-102", "Winter pressures", "Hospital discharges rise", "", "", "", "Critical", ""],
]


def upload_url(register):
    return reverse("registers:register-import", kwargs={"pk": register.pk})


def mapping_url(upload):
    return reverse(
        "registers:register-import-mapping",
        kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
    )


def preview_url(upload):
    return reverse(
        "registers:register-import-preview",
        kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
    )


def confirm_url(upload):
    return reverse(
        "registers:register-import-confirm",
        kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
    )


def upload_file(client, register, data: bytes, name="risks.csv"):
    return client.post(upload_url(register), {"file": SimpleUploadedFile(name, data)})


def selected(html: str, name: str) -> str:
    """The value selected in the <select name=...> of a page ("" when none is)."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, f"no select {name}"
    option = re.search(r'<option value="([^"]*)" selected>', select.group(0))
    return option.group(1) if option else ""


def mapping_data(response) -> dict:
    """The mapping form's fields as the page preselected them."""
    html = response.content.decode()
    data = {"header_row": re.search(r'name="header_row" value="(\d+)"', html).group(1)}
    for name in re.findall(r'<select name="((?:column|owner|value)_\w+)"', html):
        data[name] = selected(html, name)
    return data


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def start(client, org, data=None, who="head"):
    """Sign in, upload the sheet; the upload and the mapping page's response."""
    client.force_login(org.people[who])
    response = upload_file(client, org.service_register, data or sheet_csv(*GOOD_ROWS))
    assert response.status_code == 302, response.content.decode()[:2000]
    upload = ImportUpload.objects.get()
    assert response.url == mapping_url(upload)
    return upload, client.get(mapping_url(upload))


# Who may


@pytest.mark.parametrize("who", ALLOWED)
def test_the_owner_and_insurance_may_import(client, org, who):
    client.force_login(org.people[who])
    assert client.get(upload_url(org.service_register)).status_code == 200


def test_the_upload_page_says_what_can_be_imported(client, org):
    client.force_login(org.people["head"])
    html = client.get(upload_url(org.service_register)).content.decode()
    assert "at most 5 MB, 5,000 rows and 60 columns, with the headings in the first 15 rows" in html


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused(client, org, who):
    client.force_login(org.people[who])
    register = org.service_register
    assert client.get(upload_url(register)).status_code == 403
    assert upload_file(client, register, sheet_csv(*GOOD_ROWS)).status_code == 403
    assert not ImportUpload.objects.exists()


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_every_step_of_an_upload(client, org, who):
    upload, _ = start(client, org)
    client.force_login(org.people[who])
    assert client.get(mapping_url(upload)).status_code == 403
    assert client.get(preview_url(upload)).status_code == 403
    assert client.post(confirm_url(upload)).status_code == 403
    assert not Risk.objects.exists()


def test_nobody_sees_another_persons_upload(client, org):
    upload, _ = start(client, org, who="head")
    client.force_login(org.people["insurance"])
    assert client.get(mapping_url(upload)).status_code == 404
    assert client.post(confirm_url(upload)).status_code == 404


def test_the_register_page_offers_the_import_only_to_who_may(client, org):
    url = org.service_register.get_absolute_url()
    client.force_login(org.people["head"])
    html = client.get(url).content.decode()
    assert upload_url(org.service_register) in html
    assert "Export all fields (for re-import)" in html
    client.force_login(org.people["audit"])
    html = client.get(url).content.decode()
    assert upload_url(org.service_register) not in html
    assert "Export all fields (for re-import)" in html


# The upload


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_the_reason(client, org):
    client.force_login(org.people["head"])
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    response = upload_file(client, org.service_register, png, name="risks.xlsx")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "nothing has been saved" in html
    assert "is not an Excel workbook (.xlsx) or a CSV file" in html
    assert not ImportUpload.objects.exists()


def test_a_broken_workbook_is_refused(client, org):
    client.force_login(org.people["head"])
    response = upload_file(client, org.service_register, b"PK\x03\x04broken", name="r.xlsx")
    assert "could not be read as a spreadsheet" in unescape(response.content.decode())
    assert not ImportUpload.objects.exists()


def test_a_file_too_big_is_refused_as_such(client, org):
    client.force_login(org.people["head"])
    response = upload_file(client, org.service_register, b"a,b\n" * (MAX_BYTES // 4 + 1))
    assert response.status_code == 413
    assert "the largest file that can be imported is 5 MB" in unescape(response.content.decode())
    assert not ImportUpload.objects.exists()


def test_no_file_chosen_is_an_error(client, org):
    client.force_login(org.people["head"])
    response = client.post(upload_url(org.service_register), {})
    assert "Choose the spreadsheet to import." in response.content.decode()


# The mapping


def test_the_mapping_page_finds_the_headings_below_a_title_and_guesses_the_columns(client, org):
    _upload, response = start(client, org)
    html = unescape(response.content.decode())
    assert 'name="header_row" value="3"' in html
    assert selected(html, "header_row") == "3"
    expected = ["reference", "title", "event", "owner", "residual_likelihood"]
    expected += ["residual_impact", "residual_rating", "controls"]
    assert [selected(html, f"column_{index}") for index in range(8)] == expected
    assert "Column B “Risk”" in html  # each select's label
    assert "Providers leave" in html  # the first values of the columns


def test_another_header_row_lists_the_columns_of_that_row(client, org):
    upload, _ = start(client, org)
    response = client.get(mapping_url(upload), {"header_row": 4})
    html = unescape(response.content.decode())
    assert 'name="header_row" value="4"' in html
    assert "Column A “AC-101”" in html


def test_a_mapping_without_a_title_is_refused_and_the_choices_are_kept(client, org):
    upload, response = start(client, org)
    data = {**mapping_data(response), "column_1": "", "column_2": "consequence"}
    response = client.post(mapping_url(upload), data)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Choose the column that holds the risk's title" in html
    assert selected(html, "column_2") == "consequence"
    assert selected(html, "column_1") == ""


def test_two_columns_mapped_to_the_same_target_are_refused(client, org):
    upload, response = start(client, org)
    data = {**mapping_data(response), "column_2": "title"}
    html = unescape(client.post(mapping_url(upload), data).content.decode())
    assert "Columns B and C are both mapped to “Title”" in html


def test_an_unknown_owner_is_kept_as_written_or_given_a_person(client, org):
    rows = [
        ["AC-101", "Care home closures", "Providers leave", "Pat Jones", "4", "4", "", ""],
        ["AC-102", "Winter pressures", "Discharges", "head", "3", "3", "", ""],
    ]
    upload, response = start(client, org, sheet_csv(*rows))
    html = unescape(response.content.decode())
    assert "Risks owned by “Pat Jones”" in html
    assert "Risks owned by “head”" not in html
    data = mapping_data(response)
    owner_field = next(name for name in data if name.startswith("owner_"))
    assert data[owner_field] == ""  # kept as written unless someone is chosen
    assert client.post(mapping_url(upload), data).status_code == 302
    preview = unescape(client.get(preview_url(upload)).content.decode())
    assert "“Pat Jones” is no one's account: kept as the owner as written." in preview
    owner_field = next(name for name in data if name.startswith("owner_"))
    data[owner_field] = str(org.people["officer"].pk)
    response = client.post(mapping_url(upload), data)
    assert response.status_code == 302
    assert response.url == preview_url(upload)
    client.post(confirm_url(upload))
    assert Risk.objects.get(reference="AC-101").owner == org.people["officer"]
    assert Risk.objects.get(reference="AC-102").owner == org.people["head"]
    # Back on the mapping page of a new upload of the same sheet, the choice is asked again.
    upload, response = start(client, org, sheet_csv(*rows))
    assert "Risks owned by “Pat Jones”" in unescape(response.content.decode())


def test_the_mapping_is_kept_when_going_back_from_the_preview(client, org):
    upload, response = start(client, org)
    data = {**mapping_data(response), "column_2": "consequence"}
    client.post(mapping_url(upload), data)
    html = unescape(client.get(mapping_url(upload)).content.decode())
    assert selected(html, "column_2") == "consequence"


# The preview and the confirmation


def test_the_whole_flow_creates_the_risks_and_says_so(client, org):
    upload, response = start(client, org)
    response = client.post(mapping_url(upload), mapping_data(response))
    assert response.url == preview_url(upload)
    response = client.get(preview_url(upload))
    html = unescape(response.content.decode())
    assert "2 rows: 2 new risks, 0 updates" in html
    assert "4 × 4 = 16" in html
    assert "Not scored (Critical)" in html
    assert "Import 2 risks" in html
    assert not Risk.objects.exists()  # nothing before the confirmation
    response = client.post(confirm_url(upload))
    assert response.status_code == 302
    assert response.url == org.service_register.get_absolute_url()
    assert messages_of(response) == ["Imported: 2 created, 0 updated."]
    first = Risk.objects.get(reference="AC-101")
    assert (first.residual_likelihood, first.residual_impact) == (4, 4)
    assert list(first.actions.values_list("description", flat=True)) == ["Weekly calls"]
    second = Risk.objects.get(reference="AC-102")
    assert second.residual_likelihood is None
    assert second.imported_rating == "Critical"
    assert not ImportUpload.objects.exists()


def test_importing_the_same_sheet_again_updates(client, org):
    upload, response = start(client, org)
    client.post(mapping_url(upload), mapping_data(response))
    client.post(confirm_url(upload))
    rows = [[*GOOD_ROWS[0][:5], "5", *GOOD_ROWS[0][6:]], GOOD_ROWS[1]]
    upload, response = start(client, org, sheet_csv(*rows))
    client.post(mapping_url(upload), mapping_data(response))
    html = unescape(client.get(preview_url(upload)).content.decode())
    assert "2 rows: 0 new risks, 2 updates" in html
    response = client.post(confirm_url(upload))
    assert messages_of(response) == ["Imported: 0 created, 1 updated, 1 unchanged."]
    assert Risk.objects.count() == 2
    assert Risk.objects.get(reference="AC-101").residual_impact == 5
    assert Action.objects.filter(risk__reference="AC-101").count() == 1


def test_problems_are_listed_by_row_and_column_and_nothing_can_be_confirmed(client, org):
    RiskFactory(register=org.corporate, reference="AC-999")
    rows = [
        ["AC-101", "Care home closures", "Providers leave", "", "7", "4", "", ""],
        ["AC-102", "", "No title here", "", "3", "3", "", ""],
        ["AC-999", "Taken elsewhere", "On the corporate register", "", "3", "3", "", ""],
    ]
    upload, response = start(client, org, sheet_csv(*rows))
    client.post(mapping_url(upload), mapping_data(response))
    response = client.get(preview_url(upload))
    html = unescape(response.content.decode())
    assert "There are 3 problems: nothing can be imported" in html
    assert 'href="#import-row-4"' in html
    assert 'href="#import-row-5"' in html
    assert 'href="#import-row-6"' in html
    assert "Row 4</a>, Residual Likelihood: A score of 7" in html
    assert "Import 3 risks" not in html
    assert 'action="' + confirm_url(upload) not in html
    response = client.post(confirm_url(upload))
    assert response.status_code == 400
    assert not Risk.objects.filter(reference__in=["AC-101", "AC-102"]).exists()
    assert ImportUpload.objects.exists()


def test_the_preview_names_no_register_the_importer_may_not_see(client, org):
    """head may import into Adult Care but not see the Highways register, nor anything of
    another council: a reference taken there is only said to be taken."""
    elsewhere = OrganisationFactory(name="Otherford Council", slug="otherford")
    confidential = RegisterFactory(
        organisation=elsewhere, name="Confidential Corporate Register", prefix="OTH"
    )
    RiskFactory(register=confidential, reference="OTH-01", title="Secret merger")
    RiskFactory(register=org.other_service_register, reference="HW-01", title="Potholes")
    RiskFactory(register=org.corporate, reference="CRR-01", title="Budget")
    rows = [
        ["OTH-01", "Care home closures", "Providers leave", "", "3", "3", "", ""],
        ["HW-01", "Winter pressures", "Discharges rise", "", "3", "3", "", ""],
        ["CRR-01", "Staffing", "Vacancies", "", "3", "3", "", ""],
    ]
    upload, response = start(client, org, sheet_csv(*rows))
    client.post(mapping_url(upload), mapping_data(response))
    html = unescape(client.get(preview_url(upload)).content.decode())
    assert "There are 2 problems" in html
    # Another council's reference is no clash: references are unique per organisation.
    assert "OTH-01 is taken" not in html
    assert "HW-01 is taken: references are unique" in html
    assert "CRR-01 is already a risk on another register (Corporate)." in html
    for hidden in ("Otherford", "Confidential", "Secret merger", "Highways", "Potholes"):
        assert hidden not in html


def test_an_upload_that_can_no_longer_be_read_sends_back_to_the_upload(client, org, monkeypatch):
    """Each step reads the file again: one that a later step cannot read (a tighter limit, or
    a read slowed past the time allowed) is explained, never an error page."""
    upload, response = start(client, org)
    data = mapping_data(response)
    client.post(mapping_url(upload), data)
    monkeypatch.setattr(limits, "MAX_CPU_SECONDS", 0.0)
    for response in (
        client.get(mapping_url(upload)),
        client.post(mapping_url(upload), data),
        client.get(preview_url(upload)),
        client.post(confirm_url(upload)),
    ):
        assert response.status_code == 302
        assert response.url == upload_url(org.service_register)
        message = messages_of(response)[-1]  # shown once the upload page is
        assert message.startswith("risks.csv: This file took more than 0 seconds to read")
    assert not Risk.objects.exists()


def test_the_preview_without_a_mapping_goes_to_the_mapping(client, org):
    upload, _ = start(client, org)
    assert client.get(preview_url(upload)).url == mapping_url(upload)
    assert client.post(confirm_url(upload)).url == mapping_url(upload)


def test_an_xlsx_upload_works_like_a_csv(client, org):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Police risk register"])
    sheet.append(HEADINGS)
    sheet.append(["AC-201", "Data breach", "Lost laptop", "", 2, 5, None, "Encryption\nTraining"])
    out = io.BytesIO()
    workbook.save(out)
    upload, response = start(client, org, out.getvalue())
    client.post(mapping_url(upload), mapping_data(response))
    response = client.post(confirm_url(upload))
    assert messages_of(response) == ["Imported: 1 created, 0 updated."]
    risk = Risk.objects.get(reference="AC-201")
    assert sorted(risk.actions.values_list("description", flat=True)) == [
        "Encryption",
        "Training",
    ]


# The full export


def test_the_full_export_is_a_workbook_of_every_risk(client, org):
    RiskFactory(register=org.service_register, reference="AC-1", title="Care home closures")
    client.force_login(org.people["audit"])
    response = client.get(
        reverse("registers:register-export-full", kwargs={"pk": org.service_register.pk})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="AC-all-fields.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Care home closures" in values


def test_the_full_export_is_refused_to_who_cannot_see_the_register(client, org):
    client.force_login(org.people["other_officer"])
    response = client.get(
        reverse("registers:register-export-full", kwargs={"pk": org.service_register.pk})
    )
    assert response.status_code == 403


@pytest.mark.parametrize("size", [4, 40])
def test_the_preview_query_count_does_not_grow_with_the_rows(
    client, org, size, django_assert_max_num_queries
):
    # Half the rows update existing risks (their owners kept), half create new ones.
    for number in range(size // 2):
        RiskFactory(
            register=org.service_register,
            reference=f"AC-{number}",
            owner=org.people["officer"],
        )
    rows = [
        [f"AC-{number}", f"Risk {number}", "Cause", "", "3", "3", "", "A control"]
        for number in range(size)
    ]
    upload, response = start(client, org, sheet_csv(*rows))
    client.post(mapping_url(upload), mapping_data(response))
    with django_assert_max_num_queries(9):
        response = client.get(preview_url(upload))
    html = unescape(response.content.decode())
    assert f"{size} rows: {size // 2} new risks, {size // 2} updates" in html
    assert html.count(person_name(org.people["officer"])) == size // 2


def test_an_upload_left_for_a_day_is_cleared_by_the_next(client, org):
    from datetime import timedelta

    from django.utils import timezone

    from registers.models import ImportUpload

    stale = ImportUpload.objects.create(
        register=org.other_service_register,
        uploaded_by=org.people["other_director"],
        filename="old.csv",
        data=b"Ref,Title\nHW-01,Old\n",
    )
    ImportUpload.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=2))
    fresh = ImportUpload.objects.create(
        register=org.other_service_register,
        uploaded_by=org.people["other_director"],
        filename="new.csv",
        data=b"Ref,Title\nHW-02,New\n",
    )
    client.force_login(org.people["head"])
    upload = SimpleUploadedFile("risks.csv", b"Ref,Title\nAC-01,Care home closures\n")
    response = client.post(
        reverse("registers:register-import", args=[org.service_register.pk]), {"file": upload}
    )
    assert response.status_code == 302
    assert not ImportUpload.objects.filter(pk=stale.pk).exists()
    assert ImportUpload.objects.filter(pk=fresh.pk).exists()


def test_a_second_confirmation_that_raced_the_first_imports_nothing(client, org, monkeypatch):
    """Two confirmations of one upload (a double click): the second, having read the upload
    before the first finished, waits for it and then finds the upload used up."""
    from registers.views import imports

    upload, response = start(client, org)
    client.post(mapping_url(upload), mapping_data(response))
    real_plan_for = imports._plan_for

    def first_confirmation_finishes_meanwhile(request, register, table, state):
        import_plan = real_plan_for(request, register, table, state)
        ImportUpload.objects.filter(pk=upload.pk).delete()
        return import_plan

    monkeypatch.setattr(imports, "_plan_for", first_confirmation_finishes_meanwhile)
    response = client.post(confirm_url(upload))
    assert response.status_code == 302
    assert messages_of(response) == ["That import has already been made."]
    assert not Risk.objects.filter(reference__in=["AC-101", "AC-102"]).exists()
