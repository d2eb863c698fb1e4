import pytest
from django.db.models import Count, F

from registers.models import Risk
from scoring import matrix
from scoring.admin import SchemeBandFormSet
from scoring.models import Scheme, SchemeBand
from scoring.seed import current_models, ensure_default_scheme, load_scheme_file, seed_scheme
from tests.factories import OrganisationFactory, RegisterFactory, RiskFactory

pytestmark = pytest.mark.django_db


def test_migrations_seed_the_councils_scheme_as_the_default():
    scheme = Scheme.objects.get(is_default=True)
    assert scheme.as_bands() == matrix.COVENTRY


def test_ensure_default_scheme_reseeds_only_when_missing():
    existing = Scheme.objects.get(is_default=True)
    assert ensure_default_scheme() == existing
    Scheme.objects.all().delete()
    reseeded = ensure_default_scheme()
    assert reseeded.as_bands() == matrix.COVENTRY
    assert Scheme.objects.count() == 1


def test_the_default_scheme_carries_tables_1_and_2():
    scheme = Scheme.objects.get(is_default=True)
    likelihood = {level.value: level for level in scheme.likelihood_levels.all()}
    assert sorted(likelihood) == [1, 2, 3, 4, 5]
    assert "80%" in likelihood[5].description
    assert "Less than 20%" in likelihood[1].description
    per_value = dict(
        scheme.impact_dimensions.values_list("descriptors__value")
        .annotate(n=Count("descriptors"))
        .values_list("descriptors__value", "n")
    )
    # Seven dimensions at every level, plus "Failure to deliver a priority" at level 5.
    assert per_value == {5: 8, 4: 7, 3: 7, 2: 7, 1: 7}


def four_band_scheme():
    data = load_scheme_file()
    data.update(
        name="Police rating",
        is_default=False,
        bands=[
            {
                "key": "low",
                "label": "Low",
                "floor": 1,
                "colour": "#92d050",
                "within_appetite": True,
                "owner_seniority": 1,
            },
            {
                "key": "medium",
                "label": "Medium",
                "floor": 5,
                "colour": "#ffff00",
                "within_appetite": True,
                "owner_seniority": 2,
            },
            {
                "key": "high",
                "label": "High",
                "floor": 10,
                "colour": "#ffc000",
                "within_appetite": False,
                "owner_seniority": 3,
            },
            {
                "key": "critical",
                "label": "Critical",
                "floor": 20,
                "colour": "#c00000",
                "within_appetite": False,
                "owner_seniority": 4,
            },
        ],
    )
    return seed_scheme(models=current_models(), data=data)


def test_a_four_band_scheme_stored_as_data_bands_risks_in_sql_and_python():
    scheme = four_band_scheme()
    bands = scheme.as_bands()
    assert [b.label for b in bands] == ["Low", "Medium", "High", "Critical"]
    register = RegisterFactory(organisation=OrganisationFactory(scheme=scheme))
    for likelihood, impact in [(1, 4), (1, 5), (3, 3), (2, 5), (4, 4), (4, 5), (5, 5)]:
        RiskFactory(register=register, residual_likelihood=likelihood, residual_impact=impact)
    in_sql = dict(
        Risk.objects.with_bands(bands)
        .filter(register=register)
        .values_list("reference")
        .annotate(band=F("residual_band"))
        .values_list("reference", "band")
    )
    in_python = {
        risk.reference: matrix.band_for(risk.residual_score, bands).key
        for risk in Risk.objects.filter(register=register)
    }
    assert in_sql == in_python
    assert sorted(in_python.values()) == sorted(
        ["low", "medium", "medium", "high", "high", "critical", "critical"]
    )


def band_formset(rows):
    data = {
        "bands-TOTAL_FORMS": str(len(rows)),
        "bands-INITIAL_FORMS": "0",
        "bands-MIN_NUM_FORMS": "0",
        "bands-MAX_NUM_FORMS": "1000",
    }
    for i, (key, floor) in enumerate(rows):
        data |= {
            f"bands-{i}-key": key,
            f"bands-{i}-label": key.title(),
            f"bands-{i}-floor": str(floor),
            f"bands-{i}-colour": "#123456",
            f"bands-{i}-owner_seniority": "1",
        }
    from django.forms import inlineformset_factory

    formset_class = inlineformset_factory(
        Scheme, SchemeBand, formset=SchemeBandFormSet, fields="__all__", extra=0
    )
    return formset_class(data, instance=Scheme(name="New"), prefix="bands")


def test_admin_refuses_bands_that_do_not_start_at_1():
    formset = band_formset([("mid", 6), ("high", 15)])
    assert not formset.is_valid()
    assert "start at 1" in str(formset.non_form_errors())


def test_admin_accepts_bands_in_any_order():
    assert band_formset([("high", 15), ("low", 1), ("mid", 6)]).is_valid()
