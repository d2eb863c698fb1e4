"""factory_boy factories: a small organisation on demand, the default scheme from migrations."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from registers.models import (
    Action,
    Directorate,
    Organisation,
    PolicyCategory,
    Profile,
    Register,
    Response,
    Risk,
    Service,
    Tier,
)
from scoring.matrix import Seniority
from scoring.models import Scheme, SchemeBand


def police_scheme() -> Scheme:
    """A second body's scheme: four bands with other names and floors than the default."""
    scheme = Scheme.objects.create(name="Police")
    for key, label, floor, colour in [
        ("low", "Low", 1, "#00b050"),
        ("medium", "Medium", 5, "#ffc000"),
        ("high", "High", 10, "#ff6600"),
        ("critical", "Critical", 20, "#c00000"),
    ]:
        SchemeBand.objects.create(scheme=scheme, key=key, label=label, floor=floor, colour=colour)
    return scheme


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    scheme = factory.LazyFunction(lambda: Scheme.objects.get(is_default=True))


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Directorate {n}")
    slug = factory.Sequence(lambda n: f"directorate-{n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    directorate = factory.SubFactory(DirectorateFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get_or_create(name=name)[0] for name in extracted])


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    seniority = Seniority.OFFICER
    job_title = "Officer"


class RegisterFactory(factory.django.DjangoModelFactory):
    """A corporate register by default; pass ``directorate`` / ``service`` with the tier."""

    class Meta:
        model = Register

    organisation = factory.SubFactory(OrganisationFactory)
    tier = Tier.CORPORATE
    kind = factory.LazyAttribute(
        lambda register: "project" if register.tier == Tier.PROJECT else ""
    )
    name = factory.Sequence(lambda n: f"Register {n}")
    prefix = factory.Sequence(lambda n: f"R{n}")
    owner = factory.SubFactory(UserFactory)


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    register = factory.SubFactory(RegisterFactory)
    organisation = factory.LazyAttribute(lambda risk: risk.register.organisation)
    reference = factory.Sequence(lambda n: f"RISK-{n:03d}")
    title = factory.Sequence(lambda n: f"Risk {n}")
    event = "If the event happens"
    consequence = "there may be a consequence"
    impact = "resulting in an impact"
    category = PolicyCategory.FINANCE
    owner = factory.SubFactory(UserFactory)
    inherent_likelihood = 4
    inherent_impact = 4
    residual_likelihood = 3
    residual_impact = 3
    response = Response.TREAT
    response_rationale = "Treating it costs less than the harm it could do."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    risk = factory.SubFactory(RiskFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
