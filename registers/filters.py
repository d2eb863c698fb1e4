"""Filters for the register page and its CSV export (django-filter).

The queryset given to :class:`RegisterRiskFilter` must come from
``Risk.objects.with_bands(bands)`` so that ``residual_band`` exists as a SQL alias: the band
is derived from the scores and the organisation's scheme, never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from common.forms import ReadyChoices
from common.people import person_name_from
from registers.appetite import AppetiteRules
from registers.models import (
    Action,
    Horizon,
    Response,
    RiskStatus,
    Tier,
    action_overdue_q,
    review_overdue_q,
)
from scoring import matrix

# Not a band key: band keys are slugs of letters, so this cannot clash with a scheme's band.
NOT_SCORED = "none"
NO_OWNER = "none"
NOT_DECIDED = "none"
ALL_STATUSES = "all"
DEFAULT_STATUS = RiskStatus.OPEN

# The heat maps' cell links filter on these; the heat maps themselves ignore them so that
# every cell keeps its count while the list below shows one cell.
CELL_PARAMETERS = (
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
)
SCALE_CHOICES = [(str(value), str(value)) for value in matrix.SCALE]


def _all_categories(categories: Callable[[], dict[str, str]]) -> list[tuple[str, str]]:
    return list(categories().items())


OwnerChoices = list[tuple[int, str, str, str]] | Callable[[], list[tuple[int, str, str, str]]]


def _owner_choices(owners: OwnerChoices) -> list[tuple[str, str]]:
    """The owner filter's choices: each person owning a risk, then "No owner"."""
    return [
        *[
            (str(pk), person_name_from(*names))
            for pk, *names in (owners() if callable(owners) else owners)
        ],
        (NO_OWNER, "No owner"),
    ]


class RegisterRiskFilter(django_filters.FilterSet):
    """The register page's filters: band, category, owner, horizon, response, status, review
    overdue, text search, and the heat maps' cell parameters (hidden inputs, kept while
    filtering)."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        help_text="Reference, title, event, consequence or impact.",
    )
    residual_band = django_filters.ChoiceFilter(
        label="Residual band", method="filter_residual_band", empty_label="Any band"
    )
    category = django_filters.ChoiceFilter(label="Category", empty_label="Any category")
    owner = django_filters.ChoiceFilter(label="Owner", method="filter_owner", empty_label="Anyone")
    horizon = django_filters.ChoiceFilter(
        label="Horizon", choices=Horizon.choices, empty_label="Any horizon"
    )
    response = django_filters.ChoiceFilter(
        label="Response", method="filter_response", empty_label="Any response"
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        method="filter_status",
        empty_label=None,
        choices=[
            (RiskStatus.OPEN, "Open"),
            (RiskStatus.CLOSED, "Closed"),
            (ALL_STATUSES, "Open and closed"),
        ],
    )
    overdue = django_filters.ChoiceFilter(
        label="Review overdue",
        method="filter_overdue",
        empty_label="Either",
        choices=[("yes", "Yes"), ("no", "No")],
    )
    outside_appetite = django_filters.ChoiceFilter(
        label="Outside the appetite",
        method="filter_outside_appetite",
        empty_label="Either",
        choices=[("yes", "Yes"), ("no", "No")],
    )
    inherent_likelihood = django_filters.ChoiceFilter(
        choices=SCALE_CHOICES, widget=forms.HiddenInput
    )
    inherent_impact = django_filters.ChoiceFilter(choices=SCALE_CHOICES, widget=forms.HiddenInput)
    residual_likelihood = django_filters.ChoiceFilter(
        choices=SCALE_CHOICES, widget=forms.HiddenInput
    )
    residual_impact = django_filters.ChoiceFilter(choices=SCALE_CHOICES, widget=forms.HiddenInput)

    def __init__(
        self,
        data=None,
        queryset: QuerySet | None = None,
        *,
        bands: tuple[matrix.Band, ...],
        owner_choices: OwnerChoices,
        categories: Callable[[], dict[str, str]],
        today: date,
        appetite: AppetiteRules | Callable[[], AppetiteRules],
        **kwargs,
    ):
        """``appetite`` is the appetite in force for the register's organisation, or a
        function fetching it when the filter is used; ``owner_choices`` are
        ``(pk, first_name, last_name, username)`` of the people who own risks on the register
        (one query, made by the caller's selector), or a function reading them when the form is
        shown or an owner asked for; the category filter offers ``categories()``, the
        organisation's categories key to label, retired ones too (risks may hold them), called
        only when the form is shown or the filter is used."""
        data = data.copy() if data is not None else None
        if data is not None and not data.get("status"):
            # Open risks unless the status filter asks for closed ones too.
            data["status"] = DEFAULT_STATUS
        super().__init__(data, queryset, **kwargs)
        self.today, self._appetite = today, appetite
        # ``self.filters`` are this instance's copies, and the form is built lazily from them,
        # so the choices set here are the ones the form validates against.
        self.filters["residual_band"].extra["choices"] = [
            *[(band.key, band.label) for band in reversed(bands)],
            (NOT_SCORED, "Not scored"),
        ]
        self.filters["category"].extra["choices"] = partial(_all_categories, categories)
        self.filters["owner"].extra["choices"] = partial(_owner_choices, owner_choices)
        self.filters["response"].extra["choices"] = [
            *Response.choices,
            (NOT_DECIDED, "Not decided"),
        ]

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(reference__icontains=word)
                | Q(title__icontains=word)
                | Q(event__icontains=word)
                | Q(consequence__icontains=word)
                | Q(impact__icontains=word)
            )
        return queryset

    def filter_residual_band(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The alias is "" when the risk is not scored (see RiskQuerySet.with_bands).
        return queryset.filter(residual_band="" if value == NOT_SCORED else value)

    def filter_owner(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NO_OWNER:
            return queryset.filter(owner__isnull=True)
        return queryset.filter(owner_id=int(value))

    def filter_response(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(response="" if value == NOT_DECIDED else value)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ALL_STATUSES:
            return queryset
        return queryset.filter(status=value)

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Risk.review_overdue in SQL: only an open risk can be overdue for review.
        overdue = review_overdue_q(today=self.today)
        return queryset.filter(overdue) if value == "yes" else queryset.exclude(overdue)

    @property
    def appetite(self) -> AppetiteRules:
        if callable(self._appetite):
            self._appetite = self._appetite()
        return self._appetite

    def filter_outside_appetite(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # docs/domain.md#risk-appetite: above the category's tolerance, or the band's.
        outside = queryset.alias(appetite_outside=self.appetite.outside_case())
        return outside.filter(appetite_outside=value == "yes")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self._apply(queryset, skip=())

    @property
    def qs_for_heatmaps(self) -> QuerySet:
        """The risks matching every filter except the heat maps' cell parameters."""
        if not hasattr(self, "_qs_for_heatmaps"):
            self.errors  # noqa: B018 (validates the form, as ``qs`` does)
            self._qs_for_heatmaps = self._apply(self.queryset.all(), skip=CELL_PARAMETERS)
        return self._qs_for_heatmaps

    def _apply(self, queryset: QuerySet, *, skip: tuple[str, ...]) -> QuerySet:
        # A value that fails validation (``?residual_band=purple``) is left out of
        # ``cleaned_data`` and so ignored; the form shows the error beside its input.
        cleaned = self.form.cleaned_data
        for name, value in cleaned.items():
            if name in skip or (name in CELL_PARAMETERS and not self._whole_cell(name)):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def _whole_cell(self, name: str) -> bool:
        """A cell is a likelihood and an impact: half of one (or half invalid) is ignored."""
        scores = name.split("_")[0]
        cleaned = self.form.cleaned_data
        return bool(cleaned.get(f"{scores}_likelihood") and cleaned.get(f"{scores}_impact"))

    @property
    def selected_cells(self) -> dict[str, tuple[int, int]]:
        """The heat-map cell each map is filtered to, e.g. ``{"residual": (4, 5)}``."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 (validates the form; invalid values are left out)
        cleaned = self.form.cleaned_data
        cells = {}
        for scores in ("inherent", "residual"):
            likelihood = cleaned.get(f"{scores}_likelihood")
            impact = cleaned.get(f"{scores}_impact")
            if likelihood and impact:
                cells[scores] = (int(likelihood), int(impact))
        return cells


class AcrossRiskFilter(django_filters.FilterSet):
    """The filters of the page of risks across registers: directorate, tier, register,
    residual band, owner, horizon, review overdue, an action overdue, outside the appetite, not
    scored.

    The queryset must come from ``Risk.objects.with_bands(bands)``, as for the register page.
    """

    directorate = django_filters.ChoiceFilter(
        label="Directorate", field_name="register__directorate_id", empty_label="Any directorate"
    )
    tier = django_filters.ChoiceFilter(
        label="Tier", field_name="register__tier", choices=Tier.choices, empty_label="Any tier"
    )
    register = django_filters.ChoiceFilter(
        label="Register", field_name="register_id", empty_label="Any register"
    )
    residual_band = django_filters.ChoiceFilter(
        label="Residual band", method="filter_residual_band", empty_label="Any band"
    )
    owner = django_filters.ChoiceFilter(label="Owner", method="filter_owner", empty_label="Anyone")
    horizon = django_filters.ChoiceFilter(
        label="Horizon", choices=Horizon.choices, empty_label="Any horizon"
    )
    overdue = django_filters.BooleanFilter(
        label="Review overdue",
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )
    actions_overdue = django_filters.BooleanFilter(
        label="With an action overdue",
        method="filter_actions_overdue",
        widget=forms.CheckboxInput,
    )
    outside_appetite = django_filters.BooleanFilter(
        label="Outside the risk appetite",
        method="filter_outside_appetite",
        widget=forms.CheckboxInput,
    )
    not_scored = django_filters.BooleanFilter(
        label="Not scored", method="filter_not_scored", widget=forms.CheckboxInput
    )

    def __init__(
        self,
        data=None,
        queryset: QuerySet | None = None,
        *,
        bands: tuple[matrix.Band, ...],
        directorate_choices: list[tuple[int, str]],
        register_choices: list[tuple[int, str, str]],
        owner_choices: list[tuple[int, str, str, str]],
        today: date,
        appetite: AppetiteRules,
        **kwargs,
    ):
        super().__init__(data, queryset, **kwargs)
        self.today, self.appetite = today, appetite
        self.bands = bands
        tier_labels = dict(Tier.choices)
        # The long lists (a thousand registers, two thousand owners in a county) as they are:
        # neither normalised nor copied item by item on every request (``ReadyChoices``).
        self.filters["directorate"].extra["choices"] = ReadyChoices(
            [(str(pk), name) for pk, name in directorate_choices]
        )
        self.filters["register"].extra["choices"] = ReadyChoices(
            [
                (str(pk), f"{name} ({tier_labels.get(tier, tier).lower()})")
                for pk, name, tier in register_choices
            ]
        )
        self.filters["residual_band"].extra["choices"] = [
            *[(band.key, band.label) for band in reversed(bands)],
            (NOT_SCORED, "Not scored"),
        ]
        self.filters["owner"].extra["choices"] = ReadyChoices(
            [
                *[(str(pk), person_name_from(*names)) for pk, *names in owner_choices],
                (NO_OWNER, "No owner"),
            ]
        )

    def filter_residual_band(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(residual_band="" if value == NOT_SCORED else value)

    def filter_owner(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NO_OWNER:
            return queryset.filter(owner__isnull=True)
        return queryset.filter(owner_id=int(value))

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(review_overdue_q(today=self.today)) if value else queryset

    def filter_actions_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        if not value:
            return queryset
        late = Action.objects.filter(action_overdue_q(today=self.today), risk=OuterRef("pk"))
        return queryset.filter(Exists(late))

    def filter_outside_appetite(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # docs/domain.md#risk-appetite: above the category's tolerance, or the band's.
        if not value:
            return queryset
        outside = queryset.alias(appetite_outside=self.appetite.outside_case())
        return outside.filter(appetite_outside=True)

    def filter_not_scored(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # Either pair missing: the risk has not been fully assessed.
        unscored = Q(inherent_likelihood__isnull=True) | Q(residual_likelihood__isnull=True)
        return queryset.filter(unscored) if value else queryset
