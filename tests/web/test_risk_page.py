"""The risk page for someone who owns the risk, or an action on it, from outside its register."""

import pytest
from django.urls import reverse

from tests.factories import ActionFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("owns", ["risk", "action"])
def test_an_owner_from_outside_reads_the_risk_and_is_not_led_into_the_register(client, org, owns):
    officer = org.people["officer"]
    register = org.other_service_register
    risk = RiskFactory(register=register, owner=officer if owns == "risk" else None)
    if owns == "action":
        ActionFactory(risk=risk, owner=officer)
    client.force_login(officer)

    page = client.get(reverse("web:risk-detail", args=[risk.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert register.name in html
    assert f'href="{register.get_absolute_url()}"' not in html
    assert client.get(register.get_absolute_url()).status_code == 403


def test_someone_who_sees_the_register_is_led_into_it(client, org):
    risk = RiskFactory(register=org.service_register, owner=org.people["officer"])
    client.force_login(org.people["officer"])
    html = client.get(reverse("web:risk-detail", args=[risk.pk])).content.decode()
    assert f'href="{org.service_register.get_absolute_url()}"' in html
