"""References: unique per organisation, not per installation, and the next one drawn in the
pattern of the register's own (docs/domain.md#risks)."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from registers.models import MovementKind, PolicyCategory, Risk
from registers.services import risk_create, risk_move, risk_reference_next
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Cyber attack",
    "event": "e",
    "consequence": "c",
    "impact": "i",
    "category": PolicyCategory.INFORMATION,
}


def raise_on(register, reference=""):
    return risk_create(register=register, by=register.owner, reference=reference, **FIELDS)


@pytest.fixture
def elsewhere():
    """Another body on the same server, whose corporate register also uses CRR."""
    return RegisterFactory(
        organisation=OrganisationFactory(name="Otherford Council", slug="otherford"),
        prefix="CRR",
    )


def test_two_organisations_may_both_use_a_prefix_and_a_reference(org, elsewhere):
    assert org.corporate.prefix == elsewhere.prefix == "CRR"
    ours, theirs = raise_on(org.corporate, "CRR-01"), raise_on(elsewhere, "crr-01")
    assert (ours.reference, theirs.reference) == ("CRR-01", "CRR-01")
    assert (ours.organisation, theirs.organisation) == (org.organisation, elsewhere.organisation)


def test_a_reference_is_still_unique_in_its_organisation(org):
    raise_on(org.corporate, "CRR-01")
    with pytest.raises(ValidationError) as raised:
        raise_on(org.service_register, "crr-01")
    assert raised.value.error_dict["reference"][0].code == "reference_taken"


def test_the_database_holds_references_unique_per_organisation(org, elsewhere):
    RiskFactory(register=org.corporate, reference="CRR-05")
    RiskFactory(register=elsewhere, reference="CRR-05")
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskFactory(register=org.service_register, reference="crr-05")


def test_the_next_reference_follows_the_registers_own_pattern(org, elsewhere):
    assert risk_reference_next(register=org.corporate) == "CRR-01"
    for number in range(1, 21):
        RiskFactory(register=org.corporate, reference=f"CRR{number:02d}")
    assert risk_reference_next(register=org.corporate) == "CRR21"
    assert raise_on(org.corporate).reference == "CRR21"
    # Another organisation's numbers are no concern of this one's.
    RiskFactory(register=elsewhere, reference="CRR90")
    assert risk_reference_next(register=org.corporate) == "CRR22"
    assert risk_reference_next(register=elsewhere) == "CRR91"


def test_the_next_reference_skips_numbers_issued_elsewhere_in_the_organisation(org):
    RiskFactory(register=org.corporate, reference="CRR-03")
    RiskFactory(register=org.service_register, reference="CRR-07")  # typed on another register
    assert risk_reference_next(register=org.corporate) == "CRR-08"


def test_a_risk_never_moves_to_another_organisations_register(org, elsewhere):
    risk = raise_on(org.corporate, "CRR-01")
    with pytest.raises(ValidationError) as raised:
        risk_move(
            risk=risk,
            to_register=elsewhere,
            kind=MovementKind.ESCALATED,
            by=org.people["chief"],
            reason="r",
            history_reason="r",
        )
    assert raised.value.code == "other_organisation"


def test_the_command_asks_which_organisation_when_two_share_a_prefix(org, elsewhere, tmp_path):
    path = tmp_path / "risks.csv"
    path.write_text("Ref,Risk\nCRR01,Flooding\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--organisation SLUG"):
        call_command("import_register", str(path), "--register", "CRR", stdout=io.StringIO())
    call_command(
        "import_register",
        str(path),
        "--register",
        "CRR",
        "--organisation",
        "otherford",
        stdout=io.StringIO(),
    )
    assert Risk.objects.get(reference="CRR01").register == elsewhere
