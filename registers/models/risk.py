"""Risks, their querysets (scores and bands in SQL), and the controls and actions mitigating
them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce, Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

from common.urls import pk_urls, url_for_pk
from registers import due
from registers.models.organisation import Organisation
from registers.models.register import Register
from registers.models.residual_order import (
    ORDERED_BY,
    refresh_residual_order,
    residual_orders,
)
from registers.models.scores import SCORE_PAIRS, ScoredMixin, both_or_neither, score_in_range
from registers.models.versioned import Versioned
from scoring import matrix
from scoring.expressions import band_case
from scoring.models import SCORE_VALIDATORS


class PolicyCategory(models.TextChoices):
    """The policy's sources of risk (Part 2): the categories every organisation starts with
    (``registers.models.RiskCategory`` holds each organisation's own)."""

    STRATEGIC = "strategic", "Strategic"
    CUSTOMERS_CITIZENS = "customers_citizens", "Customers/citizens"
    FINANCE = "finance", "Finance"
    REPUTATION = "reputation", "Reputation"
    LEGAL_REGULATORY = "legal_regulatory", "Legal and regulatory"
    INFORMATION = "information", "Information"
    ENVIRONMENTAL = "environmental", "Environmental"
    PEOPLE = "people", "People"
    POLITICAL = "political", "Political"
    PARTNERSHIPS = "partnerships", "Partnerships"


class Response(models.TextChoices):
    """The four ways to respond to a risk (Part 4); blank until the owner decides."""

    TOLERATE = "tolerate", "Tolerate"
    TREAT = "treat", "Treat"
    TERMINATE = "terminate", "Terminate"
    TRANSFER = "transfer", "Transfer"


class Horizon(models.TextChoices):
    SHORT = "short", "Short term (within a year)"
    MEDIUM = "medium", "Medium term (one to three years)"
    LONG = "long", "Long term (over three years)"


class FinancialLink(models.TextChoices):
    """What in the council's finances a risk threatens (docs/domain.md#financial-exposure)."""

    BUDGET = "budget", "A budget line"
    MTFS = "mtfs", "An assumption of the Medium Term Financial Strategy"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


def exposure_range_text(low: int | None, high: int | None) -> str:
    """A range of pounds as the packs print it (docs/domain.md#financial-exposure)."""
    if low is None or high is None:
        return ""
    return f"£{low:,}" if low == high else f"£{low:,} to £{high:,}"


# Keys per query when rows are named by key (SQLite allows 32,766 parameters a statement).
BATCH = 10_000

# The URL name of a risk's page.
PAGE = "web:risk-detail"


def review_overdue_q(*, today: date) -> Q:
    """The risks whose review is late on ``today``, in SQL: ``Risk.review_overdue`` for a
    filter or a count. Only an open risk is late, and only from the day after its review date
    (``due.is_overdue``, docs/domain.md section 5); a risk with no date never is."""
    return Q(status=RiskStatus.OPEN, next_review_due__lt=today)


class RiskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RiskStatus.OPEN)

    def update(self, **fields) -> int:
        """``QuerySet.update``, writing the residual order of the rows updated when it follows
        a field set (registers/models/residual_order.py), as their saves would have."""
        if ORDERED_BY.isdisjoint(fields):
            return super().update(**fields)
        ids = list(self.values_list("pk", flat=True))
        updated = super().update(**fields)
        for start in range(0, len(ids), BATCH):
            refresh_residual_order(
                self.model._base_manager.filter(pk__in=ids[start : start + BATCH])
            )
        return updated

    def bulk_create(self, objs, *args, **kwargs):
        """``QuerySet.bulk_create``, with each risk's residual order, as its save would."""
        objs = list(objs)
        for risk, order in zip(objs, residual_orders(objs), strict=True):
            risk.residual_order = order
        return super().bulk_create(objs, *args, **kwargs)

    def with_scores(self):
        """Alias ``inherent_score``, ``residual_score`` and ``target_score`` for SQL.

        Aliases, not annotations: they filter and sort (``.order_by("-residual_score")``)
        without shadowing the model's properties, which stay the single Python definition.
        """
        return self.alias(
            **{
                f"{name}_score": F(likelihood) * F(impact)
                for name, (likelihood, impact) in SCORE_PAIRS.items()
            }
        )

    def with_bands(self, bands: tuple[matrix.Band, ...]):
        """Alias ``inherent_band`` and ``residual_band`` (band keys, "" when not scored) for SQL
        filters: ``matrix.band_for`` in SQL, built from the same bands; and ``residual_rank``
        to sort on. A risk rated but not scored (``imported_band``) is in its rating's band and
        ranks at the band's floor (docs/domain.md#spreadsheets)."""
        rated_only = Q(residual_score__isnull=True) & ~Q(imported_band="")
        return self.with_scores().alias(
            inherent_band=band_case(score=F("inherent_score"), bands=bands),
            # A risk rated, not scored (an imported "Critical") is in its rating's band.
            residual_band=Case(
                When(rated_only, then=F("imported_band")),
                default=band_case(score=F("residual_score"), bands=bands),
                output_field=models.CharField(),
            ),
            # What the residual column sorts on: the score, or for a risk rated but not
            # scored the floor of its rating's band, so "Critical" never sorts below green.
            residual_rank=Coalesce(
                F("residual_score"),
                Case(
                    *[When(imported_band=band.key, then=Value(band.floor)) for band in bands],
                    default=None,
                    output_field=models.IntegerField(),
                ),
            ),
        )


class Risk(ScoredMixin, Versioned):
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="risks")
    # The register's organisation, kept on the risk so that the database holds references
    # unique per organisation (docs/domain.md#risks): a risk moves only between registers of
    # its organisation.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(
        max_length=30,
        help_text="Short and stable, printed in reports, e.g. CRR-07. Generated when left blank.",
    )
    title = models.CharField(max_length=200)
    # Required in the risk form; an imported risk whose sheet left a part out keeps it empty
    # (flagged as missing) rather than filled with words that would print in the packs.
    event = models.TextField(
        blank=True, help_text="What could go wrong: where the uncertainty lies."
    )
    consequence = models.TextField(blank=True, help_text="What may follow if the event happens.")
    impact = models.TextField(blank=True, help_text="The effect on the organisation if it does.")
    # The key of one of the organisation's categories (``RiskCategory``), checked by
    # ``registers.categories.check_category`` in the forms, the services and the import.
    category = models.CharField(max_length=20)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_risks",
    )
    # An imported sheet's owner that is no one's account (a team such as "CMT", a job title,
    # two names): kept as written, and flagged, until a person is assigned.
    owner_as_written = models.CharField(
        max_length=200,
        blank=True,
        help_text="The owner in the imported sheet, as written, until a person is assigned.",
    )
    # Scores are 1..5. NULL means "not scored" (e.g. imported with only a rating word):
    # never an invented number.
    inherent_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    inherent_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    residual_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    residual_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    target_likelihood = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    target_impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCORE_VALIDATORS
    )
    target_date = models.DateField(null=True, blank=True)
    exempt = models.BooleanField(
        default=False,
        verbose_name="exempt from publication",
        help_text="Left out of the public versions of the SLT pack and the committee report "
        "(e.g. commercially sensitive or a security risk); carried in their confidential "
        "appendix.",
    )
    response = models.CharField(max_length=10, choices=Response.choices, blank=True)
    response_rationale = models.TextField(
        blank=True, help_text="Why this response; required when the risk is tolerated."
    )
    horizon = models.CharField(max_length=10, choices=Horizon.choices, default=Horizon.MEDIUM)
    # The estimated financial exposure, a range in whole pounds (docs/domain.md#financial-
    # exposure): NULL is "not estimated", never 0, which would say the risk costs nothing.
    exposure_low = models.PositiveBigIntegerField(
        "lowest estimate", null=True, blank=True, help_text="In whole pounds."
    )
    exposure_high = models.PositiveBigIntegerField(
        "highest estimate", null=True, blank=True, help_text="In whole pounds."
    )
    financial_link = models.CharField(
        "what it threatens", max_length=10, choices=FinancialLink.choices, blank=True
    )
    financial_link_detail = models.CharField(
        "budget line or MTFS assumption",
        max_length=200,
        blank=True,
        help_text="Which one, as the budget or the MTFS names it.",
    )
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    closure_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    # What an imported sheet said where it could not be turned into likelihood and impact
    # (a rating word such as "Critical", or a lone score) and its trend text: kept as given,
    # so nothing is invented and nothing is lost.
    imported_rating = models.CharField(
        max_length=100, blank=True, help_text="The rating in the imported sheet, as written."
    )
    # The band the imported rating was mapped onto (a band key of the organisation's scheme),
    # so a risk rated but not scored sorts and filters with its band; never a score.
    imported_band = models.CharField(
        max_length=20, blank=True, help_text="The band the imported rating stands for."
    )
    imported_trend = models.CharField(
        max_length=200, blank=True, help_text="The trend in the imported sheet, as written."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # The residual column's sort key, high to low, for an index to serve long lists sorted on
    # it (on PostgreSQL: registers/migrations/0028_risk_residual_order.py): written with the
    # scores it follows (registers/models/residual_order.py). Not history: it says nothing the
    # scores and the scheme do not.
    residual_order = models.PositiveSmallIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["residual_order"])
    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(
                Upper("reference"),
                "organisation",
                name="risk_reference_unique_in_organisation",
                violation_error_message="Another risk of the organisation already has this "
                "reference.",
            ),
            *[
                models.CheckConstraint(condition=score_in_range(field), name=f"risk_{field}_1_5")
                for pair in SCORE_PAIRS.values()
                for field in pair
            ],
            *[
                models.CheckConstraint(
                    condition=both_or_neither(*pair),
                    name=f"risk_{name}_pair",
                    violation_error_message=f"Give both the {name} likelihood and impact, or "
                    "neither.",
                )
                for name, pair in SCORE_PAIRS.items()
            ],
            models.CheckConstraint(
                condition=Q(target_date__isnull=True) | Q(target_likelihood__isnull=False),
                name="risk_target_date_needs_target",
                violation_error_message="A target date needs a target score.",
            ),
            models.CheckConstraint(
                condition=Q(response__in=[*Response.values, ""]), name="risk_response_valid"
            ),
            models.CheckConstraint(
                condition=Q(horizon__in=Horizon.values), name="risk_horizon_valid"
            ),
            models.CheckConstraint(
                condition=both_or_neither("exposure_low", "exposure_high"),
                name="risk_exposure_range_complete",
                violation_error_message="Give both ends of the exposure range, or neither.",
            ),
            models.CheckConstraint(
                condition=Q(exposure_low__isnull=True) | Q(exposure_low__lte=F("exposure_high")),
                name="risk_exposure_range_ordered",
                violation_error_message="The lowest estimate cannot exceed the highest.",
            ),
            models.CheckConstraint(
                condition=Q(financial_link__in=[*FinancialLink.values, ""]),
                name="risk_financial_link_valid",
            ),
            models.CheckConstraint(
                condition=Q(financial_link="", financial_link_detail="")
                | (~Q(financial_link="") & ~Q(financial_link_detail="")),
                name="risk_financial_link_named",
                violation_error_message="Name the budget line or MTFS assumption the risk "
                "threatens, or neither.",
            ),
            models.CheckConstraint(
                condition=~Q(response=Response.TOLERATE) | ~Q(response_rationale=""),
                name="risk_tolerate_needs_rationale",
                violation_error_code="rationale_required",
                violation_error_message="Say why the risk is tolerated.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status=RiskStatus.OPEN,
                        closed_at__isnull=True,
                        closed_by__isnull=True,
                        closure_reason="",
                    )
                    | (Q(status=RiskStatus.CLOSED, closed_at__isnull=False) & ~Q(closure_reason=""))
                ),
                name="risk_closure_recorded",
                violation_error_code="reason_required",
                violation_error_message="A closed risk records when and why it was closed.",
            ),
        ]
        indexes = [
            models.Index(fields=["register", "status"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["next_review_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        [self.residual_order] = residual_orders([self])
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not ORDERED_BY.isdisjoint(update_fields):
            kwargs["update_fields"] = {*update_fields, "residual_order"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_for_pk(PAGE, self.pk)

    @staticmethod
    def page_urls() -> Callable[[int], str]:
        """``get_absolute_url`` of a risk by its id, for the many rows of one response."""
        return pk_urls(PAGE)

    def clean(self):
        errors = {}
        self.response_rationale = self.response_rationale.strip()
        if self.response == Response.TOLERATE and not self.response_rationale:
            errors["response_rationale"] = ValidationError(
                "Say why the risk is tolerated: the policy asks for the reason to be documented.",
                code="rationale_required",
            )
        for name, (likelihood, impact) in SCORE_PAIRS.items():
            given = getattr(self, likelihood) is not None, getattr(self, impact) is not None
            if given == (True, False):
                errors[impact] = ValidationError(
                    f"Give the {name} impact too, or clear the likelihood.", code="pair_incomplete"
                )
            elif given == (False, True):
                errors[likelihood] = ValidationError(
                    f"Give the {name} likelihood too, or clear the impact.", code="pair_incomplete"
                )
        if (
            self.target_date
            and self.target_likelihood is None
            and "target_likelihood" not in errors
        ):
            errors["target_date"] = ValidationError(
                "Give the target likelihood and impact this date is for.", code="target_missing"
            )
        errors.update(self._exposure_errors())
        if errors:
            raise ValidationError(errors)

    def _exposure_errors(self) -> dict[str, ValidationError]:
        """The exposure range is whole, in order, and a link says which line or assumption."""
        low, high = self.exposure_low, self.exposure_high
        self.financial_link_detail = self.financial_link_detail.strip()
        errors = {}
        if low is not None and high is None:
            errors["exposure_high"] = ValidationError(
                "Give the highest estimate too (the same as the lowest for a single figure), "
                "or clear the lowest.",
                code="exposure_incomplete",
            )
        elif low is None and high is not None:
            errors["exposure_low"] = ValidationError(
                "Give the lowest estimate too (the same as the highest for a single figure), "
                "or clear the highest.",
                code="exposure_incomplete",
            )
        elif low is not None and low > high:
            errors["exposure_high"] = ValidationError(
                "The highest estimate must be at least the lowest.", code="exposure_reversed"
            )
        if self.financial_link and not self.financial_link_detail:
            errors["financial_link_detail"] = ValidationError(
                "Name the budget line or MTFS assumption the risk threatens.",
                code="link_unnamed",
            )
        elif self.financial_link_detail and not self.financial_link:
            errors["financial_link"] = ValidationError(
                "Say whether this is a budget line or an MTFS assumption.", code="link_kind"
            )
        return errors

    @property
    def exposure_text(self) -> str:
        """The exposure range as a reader says it: "£250,000 to £1,000,000", "£40,000" for a
        single figure, "" when not estimated."""
        return exposure_range_text(self.exposure_low, self.exposure_high)

    @property
    def target_score(self) -> int | None:
        return matrix.score_or_none(self.target_likelihood, self.target_impact)

    @property
    def is_open(self) -> bool:
        return self.status == RiskStatus.OPEN

    def review_overdue(self, today: date | None = None) -> bool:
        return self.is_open and due.is_overdue(self.next_review_due, today or timezone.localdate())
