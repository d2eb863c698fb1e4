"""Every model is in the admin, its pages load, and only staff get in."""

import pytest
from django.contrib import admin
from django.urls import reverse

from registers.models import (
    Action,
    Directorate,
    Organisation,
    Portfolio,
    Profile,
    Register,
    Risk,
    Service,
)
from scoring.models import ImpactDescriptor, ImpactDimension, LikelihoodLevel, Scheme, SchemeBand
from tests.factories import ActionFactory, RiskFactory, UserFactory

pytestmark = pytest.mark.django_db

OUR_MODELS = [
    Organisation,
    Directorate,
    Service,
    Profile,
    Register,
    Portfolio,
    Risk,
    Action,
    Scheme,
    SchemeBand,
    LikelihoodLevel,
    ImpactDimension,
    ImpactDescriptor,
]


def test_every_model_is_registered():
    for model in OUR_MODELS:
        assert admin.site.is_registered(model), model


@pytest.fixture
def superuser_client(client, org):
    ActionFactory(risk=RiskFactory(register=org.service_register))
    Portfolio.objects.create(organisation=org.organisation, name="Adult Services")
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m.__name__)
def test_admin_pages_load_with_filters_and_search(superuser_client, model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    changelist = superuser_client.get(reverse(f"{prefix}_changelist"), {"q": "a"})
    assert changelist.status_code == 200
    assert superuser_client.get(reverse(f"{prefix}_add")).status_code == 200
    obj = model.objects.first()
    change = superuser_client.get(reverse(f"{prefix}_change", args=[obj.pk]))
    assert change.status_code == 200


@pytest.mark.parametrize("model", [Register, Risk, Action], ids=lambda m: m.__name__)
def test_tracked_models_show_their_history_in_the_admin(superuser_client, model):
    obj = model.objects.first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[obj.pk])
    response = superuser_client.get(url)
    assert response.status_code == 200


def test_non_staff_cannot_use_the_admin(client, org):
    client.force_login(org.people["chief"])
    response = client.get(reverse("admin:registers_risk_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
