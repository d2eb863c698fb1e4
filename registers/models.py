"""The organisation tree, its registers, their risks and the risks' controls and actions.

Likelihood and impact are stored; scores and bands are derived (``scoring.matrix`` in Python,
``RiskQuerySet.with_scores`` in SQL), so no stored number can disagree with its parts.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers import due
from scoring import matrix
from scoring.models import SCORE_VALIDATORS, SENIORITY_CHOICES, Scheme


class Organisation(models.Model):
    """The body at the top of the tree: a council or a police force."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    scheme = models.ForeignKey(
        Scheme,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text="The scoring scheme and risk appetite set by the Strategic Leadership Team.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Directorate(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="directorates"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="directorate_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60)

    class Meta:
        ordering = ["directorate", "name"]
        constraints = [
            models.UniqueConstraint(fields=["directorate", "slug"], name="service_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """Where a person sits in the organisation and how senior they are.

    Roles (Insurance Manager, SLT, Internal Audit, ...) are auth groups; this records the
    facts the rules need: the person's place in the tree and their seniority, which the policy's
    ownership guidance compares with a risk's band.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="profiles"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )
    job_title = models.CharField(max_length=200, blank=True)
    seniority = models.PositiveSmallIntegerField(
        choices=SENIORITY_CHOICES, default=matrix.Seniority.OFFICER
    )

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=True) | Q(directorate__isnull=False),
                name="profile_service_needs_directorate",
                violation_error_message="A person in a service is also in its directorate.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.get_username()}, {self.job_title}"

    def clean(self):
        if self.directorate_id and self.directorate.organisation_id != self.organisation_id:
            raise ValidationError({"directorate": "This directorate is in another organisation."})
        if self.service_id and self.service.directorate_id != self.directorate_id:
            raise ValidationError({"service": "This service is not in the chosen directorate."})


class Tier(models.TextChoices):
    CORPORATE = "corporate", "Corporate"
    DIRECTORATE = "directorate", "Directorate"
    SERVICE = "service", "Service"
    PROJECT = "project", "Project"


# Higher tiers first: the order registers are listed and risks escalate in.
TIER_ORDER = {Tier.CORPORATE: 0, Tier.DIRECTORATE: 1, Tier.SERVICE: 2, Tier.PROJECT: 2}


class Register(models.Model):
    """A risk register at one tier of the organisation tree.

    ``directorate`` is set on directorate, service and project registers and ``service`` on
    service and project registers, so "everything in a directorate" is one indexed filter; the
    check constraints fix which are set for each tier and ``clean`` that they agree.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registers"
    )
    tier = models.CharField(max_length=12, choices=Tier.choices)
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, null=True, blank=True, related_name="registers"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="registers"
    )
    name = models.CharField(max_length=200)
    prefix = models.CharField(
        max_length=16,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9-]*[A-Z0-9]$",
                "Use capital letters, digits and hyphens, starting with a letter, e.g. CRR.",
            )
        ],
        help_text="Starts the reference of every risk raised on this register, e.g. CRR-07.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_registers"
    )
    review_interval_months = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="How often the register is reviewed and approved (the corporate register "
        "quarterly).",
    )
    last_approved_at = models.DateTimeField(null=True, blank=True)
    last_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(tier__in=Tier.values), name="register_tier_valid"),
            models.CheckConstraint(
                condition=(
                    Q(tier=Tier.CORPORATE, directorate__isnull=True, service__isnull=True)
                    | Q(tier=Tier.DIRECTORATE, directorate__isnull=False, service__isnull=True)
                    | Q(
                        tier__in=[Tier.SERVICE, Tier.PROJECT],
                        directorate__isnull=False,
                        service__isnull=False,
                    )
                ),
                name="register_place_fits_tier",
                violation_error_message=(
                    "A corporate register has no directorate or service; a directorate register "
                    "has a directorate; a service or project register has a service."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(tier=Tier.CORPORATE),
                name="register_one_corporate",
                violation_error_message="The organisation already has a corporate register.",
            ),
            models.UniqueConstraint(
                fields=["directorate"],
                condition=Q(tier=Tier.DIRECTORATE),
                name="register_one_per_directorate",
                violation_error_message="The directorate already has a register.",
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(tier=Tier.SERVICE),
                name="register_one_per_service",
                violation_error_message="The service already has a service register.",
            ),
            models.CheckConstraint(
                condition=Q(review_interval_months__gte=1, review_interval_months__lte=24),
                name="register_review_interval_1_24",
            ),
            models.CheckConstraint(
                condition=Q(last_approved_at__isnull=True, last_approved_by__isnull=True)
                | Q(last_approved_at__isnull=False, last_approved_by__isnull=False),
                name="register_approval_complete",
                violation_error_message="An approval records both when and by whom.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registers:register-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.directorate_id and self.directorate.organisation_id != self.organisation_id:
            raise ValidationError({"directorate": "This directorate is in another organisation."})
        if self.service_id and self.service.directorate_id != self.directorate_id:
            raise ValidationError({"service": "This service is not in the chosen directorate."})

    @property
    def next_review_due(self) -> date | None:
        """When the register is next due for review and approval (None if never approved)."""
        return due.register_review_due(self.last_approved_at, self.review_interval_months)

    def review_overdue(self, today: date) -> bool:
        """Whether the register's review and approval is late on ``today``."""
        return due.is_overdue(self.next_review_due, today)

    @property
    def escalates_to(self) -> Register | None:
        """The register a risk on this one is escalated to: one tier up the tree.

        Service and project registers escalate to their directorate's register, directorate
        registers to the corporate register; the corporate register has nowhere higher.
        """
        if self.tier == Tier.CORPORATE:
            return None
        if self.tier == Tier.DIRECTORATE:
            return Register.objects.filter(
                organisation_id=self.organisation_id, tier=Tier.CORPORATE
            ).first()
        return Register.objects.filter(
            directorate_id=self.directorate_id, tier=Tier.DIRECTORATE
        ).first()


class Category(models.TextChoices):
    """The policy's sources of risk (Part 2)."""

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


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


def _score_range(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


def _both_or_neither(first: str, second: str) -> Q:
    return Q(**{f"{first}__isnull": True, f"{second}__isnull": True}) | Q(
        **{f"{first}__isnull": False, f"{second}__isnull": False}
    )


SCORE_PAIRS = {
    "inherent": ("inherent_likelihood", "inherent_impact"),
    "residual": ("residual_likelihood", "residual_impact"),
    "target": ("target_likelihood", "target_impact"),
}


class RiskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RiskStatus.OPEN)

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
        """Alias ``inherent_band`` and ``residual_band`` (band keys) for SQL filters."""
        return self.with_scores().alias(
            **{
                f"{name}_band": Case(
                    *[
                        When(**{f"{name}_score__gte": band.floor}, then=Value(band.key))
                        for band in reversed(bands)
                    ],
                    default=Value(""),
                    output_field=models.CharField(),
                )
                for name in ("inherent", "residual")
            }
        )


class ScoredMixin:
    """``inherent_score`` and ``residual_score`` from a row's likelihood and impact fields:
    one definition for risks and for every record that keeps a copy of their scores."""

    @property
    def inherent_score(self) -> int | None:
        return matrix.score_or_none(self.inherent_likelihood, self.inherent_impact)

    @property
    def residual_score(self) -> int | None:
        return matrix.score_or_none(self.residual_likelihood, self.residual_impact)


class Risk(ScoredMixin, models.Model):
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(
        max_length=30,
        help_text="Short and stable, printed in reports, e.g. CRR-07. Generated when left blank.",
    )
    title = models.CharField(max_length=200)
    event = models.TextField(help_text="What could go wrong: where the uncertainty lies.")
    consequence = models.TextField(help_text="What may follow if the event happens.")
    impact = models.TextField(help_text="The effect on the organisation if it does.")
    category = models.CharField(max_length=20, choices=Category.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_risks",
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
    imported_trend = models.CharField(
        max_length=100, blank=True, help_text="The trend in the imported sheet, as written."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: every change through the services adds one, and a save based on an
    # older version is refused, so nobody overwrites a colleague's edit without seeing it.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(
                Upper("reference"),
                name="risk_reference_unique",
                violation_error_message="Another risk already has this reference.",
            ),
            *[
                models.CheckConstraint(condition=_score_range(field), name=f"risk_{field}_1_5")
                for pair in SCORE_PAIRS.values()
                for field in pair
            ],
            *[
                models.CheckConstraint(
                    condition=_both_or_neither(*pair),
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
                condition=Q(category__in=Category.values), name="risk_category_valid"
            ),
            models.CheckConstraint(
                condition=Q(response__in=[*Response.values, ""]), name="risk_response_valid"
            ),
            models.CheckConstraint(
                condition=Q(horizon__in=Horizon.values), name="risk_horizon_valid"
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

    def get_absolute_url(self) -> str:
        return reverse("web:risk-detail", kwargs={"pk": self.pk})

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
        if errors:
            raise ValidationError(errors)

    @property
    def target_score(self) -> int | None:
        return matrix.score_or_none(self.target_likelihood, self.target_impact)

    @property
    def is_open(self) -> bool:
        return self.status == RiskStatus.OPEN

    def review_overdue(self, today: date | None = None) -> bool:
        return self.is_open and due.is_overdue(self.next_review_due, today or timezone.localdate())


class ActionKind(models.TextChoices):
    CONTROL = "control", "Control in place"
    ACTION = "action", "Planned action"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Action(models.Model):
    """A control in place or a planned action mitigating a risk (SMARTER, Part 4)."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=10, choices=ActionKind.choices, default=ActionKind.ACTION)
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    cost = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="In pounds, where known.",
    )
    evaluation_notes = models.TextField(blank=True, help_text="How well it is working.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "kind", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ActionKind.values), name="action_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="action_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="action_cost_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["owner", "status", "due_date"])]

    def __str__(self) -> str:
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return f"{self.risk.get_absolute_url()}#action-{self.pk}"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status in ACTIVE_ACTION_STATUSES and due.is_overdue(
            self.due_date, today or timezone.localdate()
        )


class RiskReview(ScoredMixin, models.Model):
    """A recorded review of a risk: who, when, the tier's questions answered, and the scores
    and bands at that moment (snapshots: a later change of scheme never rewrites them)."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="reviews")
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(
        default=list, help_text='The questions asked and the answers: [{"question", "answer"}].'
    )
    notes = models.TextField(blank=True)
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
    inherent_band_label = models.CharField(max_length=40, blank=True)
    residual_band_key = models.CharField(max_length=20, blank=True)
    residual_band_label = models.CharField(max_length=40, blank=True)
    residual_band_colour = models.CharField(max_length=7, blank=True)
    next_review_due = models.DateField()

    class Meta:
        ordering = ["-reviewed_at"]
        get_latest_by = "reviewed_at"
        constraints = [
            *[
                models.CheckConstraint(condition=_score_range(field), name=f"review_{field}_1_5")
                for field in (
                    "inherent_likelihood",
                    "inherent_impact",
                    "residual_likelihood",
                    "residual_impact",
                )
            ]
        ]

    def __str__(self) -> str:
        return f"Review of {self.risk.reference} on {timezone.localdate(self.reviewed_at)}"


class ReportStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the register owner"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class RiskReport(models.Model):
    """A new risk reported by a colleague to a register, waiting for its owner's decision."""

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="reports")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reported_risks"
    )
    reported_at = models.DateTimeField(default=timezone.now)
    title = models.CharField(max_length=200)
    event = models.TextField(help_text="What could go wrong.")
    consequence = models.TextField(help_text="What may follow if it happens.")
    impact = models.TextField(help_text="The effect on the council if it does.")
    category = models.CharField(max_length=20, choices=Category.choices)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    risk = models.OneToOneField(
        Risk, on_delete=models.PROTECT, null=True, blank=True, related_name="report"
    )

    class Meta:
        ordering = ["-reported_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.PENDING, decided_at__isnull=True)
                | (Q(status=ReportStatus.ACCEPTED, decided_at__isnull=False, risk__isnull=False))
                | (
                    Q(status=ReportStatus.DECLINED, decided_at__isnull=False)
                    & ~Q(decision_reason="")
                ),
                name="report_decision_recorded",
                violation_error_message="A decision records when; a decline records why.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (reported to {self.register})"

    def get_absolute_url(self) -> str:
        return reverse("registers:report-detail", kwargs={"pk": self.pk})


class MovementKind(models.TextChoices):
    ESCALATED = "escalated", "Escalated"
    DE_ESCALATED = "de_escalated", "De-escalated"
    REMOVED = "removed", "Removed"


class RiskMovement(models.Model):
    """A risk coming onto or going off a register, and why: the register's ledger.

    Escalation moves a risk one tier up (accepted by the receiving register's owner),
    de-escalation moves it down, removal takes it off its register (closing it). The policy
    asks that the reasons be kept; the reports read what came and went in a quarter from here.
    """

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(max_length=12, choices=MovementKind.choices)
    from_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, related_name="movements_out"
    )
    to_register = models.ForeignKey(
        Register, on_delete=models.PROTECT, null=True, blank=True, related_name="movements_in"
    )
    reason = models.TextField(blank=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-moved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MovementKind.values), name="movement_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=MovementKind.REMOVED, to_register__isnull=True)
                    | (~Q(kind=MovementKind.REMOVED) & Q(to_register__isnull=False))
                ),
                name="movement_destination_fits_kind",
                violation_error_message="A removal has no destination; a move has one.",
            ),
            models.CheckConstraint(
                condition=Q(kind=MovementKind.ESCALATED) | ~Q(reason=""),
                name="movement_reason_kept",
                violation_error_code="reason_required",
                violation_error_message="De-escalation and removal keep their reason.",
            ),
        ]
        indexes = [models.Index(fields=["from_register", "kind"])]

    def __str__(self) -> str:
        return f"{self.risk_id} {self.get_kind_display()} from {self.from_register_id}"


class RegisterSnapshot(models.Model):
    """A register as its owner approved it in a quarter: its open risks, frozen.

    Taken when the register's review is approved (``registers.services.register_approve``),
    never changed afterwards, whatever happens later to the risks or the scheme. The quarter's
    trend and the packs read these; when a register is approved twice in a quarter, the later
    snapshot is the quarter's.
    """

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="snapshots")
    year = models.PositiveSmallIntegerField(help_text="The financial year's first year: 2026.")
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    approved_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["register", "-year", "-quarter", "-approved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="snapshot_quarter_1_4"
            )
        ]
        indexes = [models.Index(fields=["register", "year", "quarter"])]

    def __str__(self) -> str:
        return f"{self.register} {self.period}"

    @property
    def period(self):
        from registers.periods import Quarter

        return Quarter(self.year, self.quarter)


class Arrival(models.TextChoices):
    """How a risk came to be on the register in the snapshot's quarter (blank: already was)."""

    NEW = "new", "New"
    ESCALATED = "escalated", "Escalated in"
    DE_ESCALATED = "de_escalated", "De-escalated in"


class RiskSnapshot(ScoredMixin, models.Model):
    """One open risk as it stood when its register's quarter was approved."""

    snapshot = models.ForeignKey(RegisterSnapshot, on_delete=models.CASCADE, related_name="risks")
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="snapshots")
    reference = models.CharField(max_length=30)
    title = models.CharField(max_length=200)
    owner_name = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=RiskStatus.choices)
    exempt = models.BooleanField(default=False)
    inherent_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    target_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    target_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_band_key = models.CharField(max_length=20, blank=True)
    inherent_band_label = models.CharField(max_length=40, blank=True)
    residual_band_key = models.CharField(max_length=20, blank=True)
    residual_band_label = models.CharField(max_length=40, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    arrival = models.CharField(max_length=12, choices=Arrival.choices, blank=True)
    arrived_from = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["snapshot", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "risk"], name="risk_snapshot_once")
        ]

    def __str__(self) -> str:
        return f"{self.reference} in {self.snapshot}"


class ImportUpload(models.Model):
    """A spreadsheet uploaded for import, held between the upload and the confirmation (the
    mapping and preview pages read it again); deleted once the import is applied."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} for {self.register}"
