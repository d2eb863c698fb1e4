"""The mapping step's value maps in the browser's pages: proposed, confirmed or changed, stated
in the preview, kept with the upload, and downloaded as a mapping file the command takes."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from registers.models import ImportUpload, Risk
from tests.registers.test_import_shapes import DISTRICT, DISTRICT_MERGES, PROJECT, xlsx_bytes
from tests.registers.test_import_views import (
    ALLOWED,
    REFUSED,
    confirm_url,
    mapping_data,
    mapping_url,
    preview_url,
    upload_file,
)
from tests.registers.test_import_views import selected as selected_target
from tests.registers.test_rated_not_scored import police_csv

pytestmark = pytest.mark.django_db


def file_url(upload):
    return reverse(
        "registers:register-import-mapping-file",
        kwargs={"pk": upload.register_id, "upload_pk": upload.pk},
    )


def start_project(client, org, who="head"):
    client.force_login(org.people[who])
    response = upload_file(client, org.service_register, xlsx_bytes(PROJECT), "project.xlsx")
    assert response.status_code == 302
    upload = ImportUpload.objects.get(uploaded_by=org.people[who])
    return upload, client.get(mapping_url(upload))


def value_field(html: str, value: str) -> str:
    """The name of the select for a value of a value map, by its label."""
    label = re.search(rf'<label for="id_(value_\w+)" class="form-label">“{re.escape(value)}”', html)
    return label.group(1)


def test_the_mapping_step_proposes_value_maps_and_the_preview_states_them(client, org):
    upload, response = start_project(client, org)
    html = unescape(response.content.decode())
    assert "How column E “Likelihood (1-10)” is read" in html
    assert "Residual likelihood: 1–10 → 1–5: ⌈x / 2⌉." in html
    assert "How column C “Category” is read" in html
    data = mapping_data(response)
    assert data[value_field(html, "6.667")] == "4"
    assert data[value_field(html, "Surveys")] == "+new"  # proposed as a new category
    data[value_field(html, "Design")] = "partnerships"  # changed by the person importing
    assert client.post(mapping_url(upload), data).status_code == 302
    preview = unescape(client.get(preview_url(upload)).content.decode())
    assert "Values read through a map (3)" in preview
    assert "<strong>Likelihood (1-10)</strong>: 1–10 → 1–5: ⌈x / 2⌉: “1.667” → 1, “6.667” → 4" in (
        preview
    )
    assert "“Design” → Partnerships" in preview
    assert "“Surveys” → a new category “Surveys”" in preview
    assert "Categories to add (1)" in preview
    assert "“Project Manager” is no one's account: kept as the owner as written." in preview
    client.post(confirm_url(upload))
    first, second = Risk.objects.order_by("reference")
    assert (first.residual_likelihood, first.residual_impact) == (1, 5)
    assert (second.residual_likelihood, second.residual_impact, second.category) == (
        4,
        2,
        "partnerships",
    )
    assert first.owner_as_written == "Project Manager"


def test_a_value_left_unchosen_is_asked_for_by_name(client, org):
    upload, response = start_project(client, org)
    html = unescape(response.content.decode())
    data = mapping_data(response)
    data[value_field(html, "Design")] = ""
    response = client.post(mapping_url(upload), data)
    assert response.status_code == 200
    assert (
        "Choose what “Design” in column C is read as (a new category or one of the "
        "categories)." in unescape(response.content.decode())
    )


def test_the_confirmed_mapping_downloads_and_imports_the_same_way_by_command(client, org, tmp_path):
    upload, response = start_project(client, org)
    html = unescape(response.content.decode())
    data = mapping_data(response)
    data[value_field(html, "Design")] = "partnerships"
    owner_field = next(name for name in data if name.startswith("owner_"))
    data[owner_field] = str(org.people["officer"].pk)
    client.post(mapping_url(upload), data)
    response = client.get(file_url(upload))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="project-mapping.json"'
    document = json.loads(response.content)
    assert document["columns"]["E"] == "residual_likelihood"
    assert document["value_maps"]["C"]["values"]["Design"] == "partnerships"
    assert document["owners"] == {"Project Manager": "officer"}

    path, mapping_file = tmp_path / "project.xlsx", tmp_path / "mapping.json"
    path.write_bytes(xlsx_bytes(PROJECT))
    mapping_file.write_bytes(response.content)
    call_command(
        "import_register",
        str(path),
        "--register",
        org.service_register.prefix,
        "--mapping",
        str(mapping_file),
        stdout=io.StringIO(),
    )
    design = Risk.objects.get(reference="P2")
    assert (design.category, design.owner) == ("partnerships", org.people["officer"])
    assert (design.residual_likelihood, design.residual_impact) == (4, 2)


def test_before_a_mapping_is_chosen_the_file_sends_back_to_the_mapping_step(client, org):
    upload, _response = start_project(client, org)
    response = client.get(file_url(upload))
    assert response.status_code == 302 and response.url == mapping_url(upload)


@pytest.mark.parametrize("who", ALLOWED)
def test_only_the_uploader_may_download_the_mapping(client, org, who):
    upload, response = start_project(client, org, who="head" if who != "head" else "insurance")
    client.post(mapping_url(upload), mapping_data(response))
    client.force_login(org.people[who])
    assert client.get(file_url(upload)).status_code == 404


@pytest.mark.parametrize("who", REFUSED)
def test_who_may_not_import_may_not_download_a_mapping(client, org, who):
    upload, response = start_project(client, org)
    client.post(mapping_url(upload), mapping_data(response))
    client.force_login(org.people[who])
    assert client.get(file_url(upload)).status_code == 403


@pytest.mark.parametrize("rows", [2, 40])
def test_the_mapping_pages_queries_do_not_grow_with_rows(
    client, org, rows, django_assert_max_num_queries
):
    many = [PROJECT[0], *[[f"P{n}", *PROJECT[1 + n % 2][1:]] for n in range(rows)]]
    client.force_login(org.people["head"])
    upload_file(client, org.service_register, xlsx_bytes(many), "project.xlsx")
    upload = ImportUpload.objects.get()
    with django_assert_max_num_queries(12):
        response = client.get(mapping_url(upload))
    client.post(mapping_url(upload), mapping_data(response))
    with django_assert_max_num_queries(8):
        assert client.get(file_url(upload)).status_code == 200


def test_the_mapping_step_shows_grouped_headings_and_values_below_them(client, org):
    client.force_login(org.people["head"])
    data = xlsx_bytes(DISTRICT, DISTRICT_MERGES)
    upload_file(client, org.service_register, data, "district.xlsx")
    upload = ImportUpload.objects.get()
    response = client.get(mapping_url(upload))
    html = unescape(response.content.decode())
    assert "Column D “Risk if no action / Likelihood”" in html
    assert selected_target(html, "column_3") == "inherent_likelihood"
    samples = dict(
        (column["letter"], column["samples"]) for column in response.context["form"].columns
    )
    assert samples["D"] == ["4", "3"]  # the values, not the sub-heading
    assert "Risks owned by “CMT”" in html


def test_a_rating_is_mapped_onto_a_band_in_the_mapping_step(client, org):
    client.force_login(org.people["head"])
    upload_file(client, org.service_register, police_csv(), "police.csv")
    upload = ImportUpload.objects.get()
    response = client.get(mapping_url(upload))
    html = unescape(response.content.decode())
    assert "How column E “Risk Rating” is read" in html
    data = mapping_data(response)
    assert data[value_field(html, "Critical")] == "red"
    client.post(mapping_url(upload), data)
    preview = unescape(client.get(preview_url(upload)).content.decode())
    assert (
        "<strong>Risk Rating</strong>: ratings → the scheme's bands: “Critical” → Red." in preview
    )
    client.post(confirm_url(upload))
    rated = Risk.objects.get(reference="CRR18")
    assert (rated.imported_band, rated.residual_score) == ("red", None)
