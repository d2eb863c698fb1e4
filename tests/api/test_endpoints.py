"""The API answers what the register page and the risk page show the same person: the same
risks in the same order through the same filters, the same bands and trends, and nothing of
a register they may not open."""

import csv
import io

import pytest
from django.urls import reverse

from api.views.docs import api_endpoints
from registers.models import RiskStatus
from registers.services import risk_review_record
from tests.factories import ActionFactory, RiskFactory, UserFactory, police_scheme
from tests.registers.test_register_page import (
    approve_in,
    bulk_risks,
    close,
    page_url,
    quarters_ago,
    references,
    rescore,
)

pytestmark = pytest.mark.django_db

RISKS = reverse("api:risk-list")


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "reference", "page": "2"},
        {"residual_band": "red"},
        {"q": "Risk 1", "sort": "-inherent"},
        {"status": "all", "overdue": "no", "sort": "owner"},
    ],
)
def test_a_registers_risks_are_its_pages(client, org, api_get, token_for, params):
    head = org.people["head"]
    bulk_risks(org.service_register, 70, owners=[head, org.people["officer"]])
    close(org.service_register.risks.get(reference="AC-0003"))
    client.force_login(head)
    page = references(client.get(page_url(org.service_register, **params)))
    client.logout()
    listed = results(api_get(RISKS, token_for(head), register=org.service_register.pk, **params))
    assert [row["reference"] for row in listed] == page
    assert page


def test_open_risks_unless_asked_for_closed(org, api_get, token_for):
    RiskFactory(register=org.corporate, reference="CRR-01")
    close(RiskFactory(register=org.corporate, reference="CRR-02"))
    key = token_for(org.people["chief"])
    assert [r["reference"] for r in results(api_get(RISKS, key))] == ["CRR-01"]
    closed = results(api_get(RISKS, key, status=RiskStatus.CLOSED))
    assert [r["reference"] for r in closed] == ["CRR-02"]


def test_a_committee_member_sees_the_corporate_register_and_no_more(org, api_get, token_for):
    RiskFactory(register=org.corporate, reference="CRR-01")
    RiskFactory(register=org.service_register, reference="AC-01")
    RiskFactory(register=org.directorate_register, reference="DIR-01")
    key = token_for(org.people["committee"])
    assert [r["reference"] for r in results(api_get(RISKS, key))] == ["CRR-01"]
    assert api_get(RISKS, key, register=org.service_register.pk).status_code == 403
    registers = results(api_get(reverse("api:register-list"), key))
    assert [r["name"] for r in registers] == ["Corporate"]


def test_a_risk_owner_sees_their_risk_but_not_its_register(org, api_get, token_for):
    """Owning a risk, or an action on one, opens that risk, not the rest of its register."""
    outsider = org.people["other_officer"]
    owned = RiskFactory(register=org.service_register, reference="AC-01", owner=outsider)
    acted = RiskFactory(register=org.service_register, reference="AC-02")
    ActionFactory(risk=acted, owner=outsider)
    RiskFactory(register=org.service_register, reference="AC-03")
    key = token_for(outsider)
    mine = {r["reference"] for r in results(api_get(RISKS, key))}
    assert {"AC-01", "AC-02"} <= mine and "AC-03" not in mine
    assert api_get(RISKS, key, register=org.service_register.pk).status_code == 403
    assert api_get(reverse("api:risk-detail", args=[owned.pk]), key).status_code == 200
    actions = results(api_get(reverse("api:action-list"), key))
    assert {a["risk_reference"] for a in actions} == {"AC-02"}


def test_a_risk_gives_its_horizon(org, api_get, token_for):
    """SLT scans the horizon (docs/domain.md#risks): the API carries it for Power BI."""
    risk = RiskFactory(register=org.service_register, owner=org.people["head"], horizon="long")
    detail = api_get(reverse("api:risk-detail", args=[risk.pk]), token_for(org.people["head"]))
    assert detail.json()["horizon"] == "long"


def test_a_risk_of_another_register_is_refused(org, api_get, token_for):
    risk = RiskFactory(register=org.other_service_register)
    response = api_get(reverse("api:risk-detail", args=[risk.pk]), token_for(org.people["head"]))
    assert response.status_code == 403
    missing = api_get(reverse("api:risk-detail", args=[99999]), token_for(org.people["head"]))
    assert missing.status_code == 404


def test_scores_bands_and_appetite_follow_the_organisations_scheme(org, api_get, token_for):
    org.organisation.scheme = police_scheme()
    org.organisation.save()
    risk = RiskFactory(
        register=org.corporate,
        inherent_likelihood=5,
        inherent_impact=4,
        residual_likelihood=2,
        residual_impact=3,
        target_likelihood=1,
        target_impact=2,
    )
    row = api_get(reverse("api:risk-detail", args=[risk.pk]), token_for(org.people["chief"]))
    row = row.json()
    assert (row["inherent_score"], row["inherent_band"], row["inherent_band_label"]) == (
        20,
        "critical",
        "Critical",
    )
    assert (row["residual_score"], row["residual_band_label"]) == (6, "Medium")
    assert row["residual_within_appetite"] is not None
    assert row["target_score"] == 2
    assert row["owner"] == risk.owner.get_full_name()
    assert row["page"].endswith(risk.get_absolute_url())


def test_the_band_filter_speaks_the_schemes_bands(org, api_get, token_for):
    org.organisation.scheme = police_scheme()
    org.organisation.save()
    RiskFactory(register=org.corporate, residual_likelihood=5, residual_impact=5)
    key = token_for(org.people["chief"])
    assert len(results(api_get(RISKS, key, residual_band="critical"))) == 1
    refused = api_get(RISKS, key, residual_band="red")
    assert refused.status_code == 400
    assert "residual_band" in refused.json()


def test_an_unscored_risk_says_so(org, api_get, token_for):
    RiskFactory(
        register=org.corporate,
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
    )
    [row] = results(api_get(RISKS, token_for(org.people["chief"])))
    assert row["residual_score"] is None and row["residual_band_label"] == "Not scored"
    assert row["residual_within_appetite"] is None


def test_trends_are_the_register_pages(client, org, api_get, token_for):
    head = org.people["head"]
    _steady, up, _ = bulk_risks(org.service_register, 3, owners=[head])
    approve_in(org.service_register, quarters_ago(2))
    rescore(up, 5, 5)
    approve_in(org.service_register, quarters_ago(1))
    RiskFactory(register=org.service_register, reference="AC-NEW")
    client.force_login(head)
    response = client.get(page_url(org.service_register))
    page = {
        row.risk.reference: (row.trend.label, row.trend.explanation)
        for row in response.context["rows"]
    }
    listed = results(api_get(RISKS, token_for(head), register=org.service_register.pk))
    assert {r["reference"]: (r["trend_label"], r["trend_explanation"]) for r in listed} == page
    assert {r["trend"] for r in listed} == {"steady", "up", "new"}


def test_a_non_number_is_a_clear_400(org, api_get, token_for):
    response = api_get(RISKS, token_for(org.people["head"]), register="corporate")
    assert response.status_code == 400
    assert response.json() == {"register": ["Give a number."]}


def test_someone_without_an_organisation_names_one(org, api_get, token_for):
    root = UserFactory(username="root", is_superuser=True)
    RiskFactory(register=org.service_register, reference="AC-01")
    key = token_for(root)
    assert api_get(RISKS, key).status_code == 400
    rows = results(api_get(RISKS, key, organisation=org.organisation.pk))
    assert [r["reference"] for r in rows] == ["AC-01"]


def test_csv_is_every_row_with_no_formula(org, api_get, token_for):
    owner = UserFactory(first_name="=cmd|' /C calc'!A0", last_name="")
    RiskFactory(register=org.corporate, title='=HYPERLINK("http://x","y")', owner=owner)
    bulk_risks(org.corporate, 60)
    rows = csv_rows(api_get(RISKS, token_for(org.people["chief"]), format="csv"))
    assert len(rows) == 61
    hyperlink = next(row for row in rows if "HYPERLINK" in row["title"])
    assert hyperlink["title"].startswith("'=") and hyperlink["owner"].startswith("'=")
    assert {"reference", "residual_band_label", "trend_label"} <= set(rows[0])


def test_csv_by_accept_header_and_an_empty_list_keeps_its_columns(client, org, token_for):
    response = client.get(
        RISKS,
        HTTP_AUTHORIZATION=f"Bearer {token_for(org.people['chief'])}",
        HTTP_ACCEPT="text/csv",
    )
    assert response.content.decode("utf-8-sig").startswith("id,reference,title,")


def test_actions_reviews_and_snapshots_by_risk_and_register(org, api_get, token_for):
    head = org.people["head"]
    risk = RiskFactory(register=org.service_register, reference="AC-01", owner=head)
    other = RiskFactory(register=org.service_register, reference="AC-02", owner=head)
    ActionFactory(risk=risk, description="Train the staff")
    ActionFactory(risk=other, description="Buy a fence")
    ActionFactory(risk=RiskFactory(register=org.other_service_register), description="Hidden")
    approve_in(org.service_register, quarters_ago(1))
    key = token_for(head)
    actions = results(api_get(reverse("api:action-list"), key, risk=risk.pk))
    assert [a["description"] for a in actions] == ["Train the staff"]
    everything = results(api_get(reverse("api:action-list"), key))
    assert "Hidden" not in {a["description"] for a in everything}
    snapshots = results(
        api_get(reverse("api:snapshot-list"), key, register=org.service_register.pk)
    )
    assert {s["reference"] for s in snapshots} == {"AC-01", "AC-02"}
    assert {s["quarter"] for s in snapshots} == {str(quarters_ago(1))}
    in_quarter = api_get(reverse("api:snapshot-list"), key, quarter=str(quarters_ago(1)))
    assert len(results(in_quarter)) == 2
    assert api_get(reverse("api:snapshot-list"), key, quarter="Q9").status_code == 400


def test_snapshots_of_a_register_one_may_not_open_are_not_listed(org, api_get, token_for):
    RiskFactory(register=org.other_service_register)
    approve_in(org.other_service_register, quarters_ago(1))
    key = token_for(org.people["head"])
    assert results(api_get(reverse("api:snapshot-list"), key)) == []


def test_the_schema_describes_every_endpoint_and_the_token(org, api_get, token_for):
    response = api_get(reverse("api:schema"), token_for(org.people["head"]), format="json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/risks/", "/api/v1/actions/", "/api/v1/snapshots/"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["personalAccessToken"]["scheme"] == "bearer"
    parameters = {p["name"] for p in schema["paths"]["/api/v1/risks/"]["get"]["parameters"]}
    assert {"register", "residual_band", "q", "sort", "page", "page_size"} <= parameters


def test_the_documentation_page_lists_each_endpoint(client, org):
    client.force_login(org.people["officer"])
    page = client.get(reverse("api:docs")).content.decode()
    for endpoint in api_endpoints():
        assert f"GET {endpoint.path}" in page
    assert "residual_band_label" in page and "Authorization: Bearer" in page


def test_reviews_with_their_answers_and_scores_of_the_moment(org, api_get, token_for):
    from registers.review_questions import questions_for
    from scoring.selectors import scheme_bands

    head = org.people["head"]
    risk = RiskFactory(register=org.service_register, reference="AC-01", owner=head)
    hidden = RiskFactory(register=org.other_service_register)
    bands = scheme_bands(scheme_id=org.organisation.scheme_id)
    for reviewed in (risk, hidden):
        answers = {q: "Yes" for q in questions_for(reviewed.register.tier)}
        risk_review_record(
            risk=reviewed, by=reviewed.register.owner, answers=answers, notes="Fine", bands=bands
        )
    rescore(risk, 5, 5)
    [review] = results(api_get(reverse("api:review-list"), token_for(head)))
    assert review["risk_reference"] == "AC-01" and review["notes"] == "Fine"
    assert review["residual_score"] == 9 and review["residual_band_label"] == "Amber"
    assert review["answers"]


def test_trends_across_registers_are_each_registers_own(client, org, api_get, token_for):
    """The organisation-wide list reads each risk's trend against its own register's
    approvals, as each register's page does."""
    chief = org.people["chief"]
    _, up, _ = bulk_risks(org.corporate, 3, owners=[chief])
    approve_in(org.corporate, quarters_ago(2))
    rescore(up, 5, 5)
    approve_in(org.corporate, quarters_ago(1))
    bulk_risks(org.service_register, 2, owners=[chief])
    approve_in(org.service_register, quarters_ago(1))
    RiskFactory(register=org.directorate_register, reference="DIR-NEVER")
    client.force_login(chief)
    page = {}
    for register in (org.corporate, org.service_register, org.directorate_register):
        rows = client.get(page_url(register)).context["rows"]
        page |= {row.risk.reference: (row.trend.label, row.trend.explanation) for row in rows}
    client.logout()
    listed = results(api_get(RISKS, token_for(chief), page_size=1000))
    assert {r["reference"]: (r["trend_label"], r["trend_explanation"]) for r in listed} == page
    assert {r["trend"] for r in listed} >= {"steady", "up", "new", "unknown"}


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    assert "/api/v1/risks/" in (tmp_path / "schema.yml").read_text()
