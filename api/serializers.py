"""What the API says of each record: flat rows, so that a CSV, Power BI and Excel read every
field as a column. Scores are derived (likelihood × impact) and banded by the organisation's
scheme, as the register page bands them (docs/domain.md#scoring)."""

from __future__ import annotations

from functools import cached_property

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from common.people import person_name, person_name_from
from registers.models import Action, Register, Risk, RiskReview, RiskSnapshot
from scoring import matrix


class PersonField(serializers.Field):
    """A person as the app names them (full name, else username); blank for nobody."""

    def to_representation(self, user) -> str:
        return person_name(user) if user is not None else ""


PERSON = extend_schema_field(serializers.CharField())(PersonField)


def _date(value) -> str | None:
    """As DRF's ``DateField`` writes a date: ISO 8601."""
    return None if value is None else value.isoformat()


class RegisterSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    directorate = serializers.CharField(source="directorate.name", default="")
    service = serializers.CharField(source="service.name", default="")
    owner = PERSON(read_only=True)
    last_approved_by = PERSON(read_only=True)
    next_review_due = serializers.DateField(read_only=True)
    page = serializers.SerializerMethodField()
    risks = serializers.SerializerMethodField()

    class Meta:
        model = Register
        fields = [
            "id",
            "name",
            "tier",
            "kind",
            "prefix",
            "organisation_id",
            "organisation",
            "directorate",
            "service",
            "owner_id",
            "owner",
            "review_interval_months",
            "last_approved_at",
            "last_approved_by",
            "next_review_due",
            "closed_at",
            "page",
            "risks",
        ]

    def get_page(self, register: Register) -> str:
        """The register's page in the browser."""
        return self.context["request"].build_absolute_uri(register.get_absolute_url())

    def get_risks(self, register: Register) -> str:
        """The register's open risks in this API."""
        url = reverse("api:risk-list", request=self.context["request"])
        return f"{url}?register={register.pk}"


class RiskSerializer(serializers.ModelSerializer):
    """A risk as its register's row and its page show it, from a queryset annotated with its
    category's label and the names it shows (``api.selectors.risk_rows``). ``context`` carries
    ``bands`` (the organisation's) and ``trends`` (risk id → ``RowTrend``)."""

    register = serializers.CharField(source="register.name", help_text="The register it is on.")
    tier = serializers.CharField(
        source="register.tier", help_text="corporate, directorate, service or project."
    )
    organisation = serializers.CharField(source="register.organisation.name")
    category_label = serializers.SerializerMethodField()
    owner = PERSON(read_only=True, help_text="The risk's owner; null when it has none.")
    inherent_score = serializers.IntegerField(
        allow_null=True, help_text="Likelihood × impact without controls, 1 to 25."
    )
    inherent_band = serializers.SerializerMethodField()
    inherent_band_label = serializers.SerializerMethodField()
    residual_score = serializers.IntegerField(
        allow_null=True, help_text="Likelihood × impact after the mitigations, 1 to 25."
    )
    residual_band = serializers.SerializerMethodField()
    residual_band_label = serializers.SerializerMethodField()
    residual_within_appetite = serializers.SerializerMethodField()
    target_score = serializers.IntegerField(
        allow_null=True, help_text="Where treatment is meant to bring the risk, by target_date."
    )
    review_overdue = serializers.SerializerMethodField()
    trend = serializers.SerializerMethodField()
    trend_label = serializers.SerializerMethodField()
    trend_explanation = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Risk
        fields = [
            "id",
            "reference",
            "title",
            "register_id",
            "register",
            "tier",
            "organisation",
            "category",
            "category_label",
            "event",
            "consequence",
            "impact",
            "owner_id",
            "owner",
            "inherent_likelihood",
            "inherent_impact",
            "inherent_score",
            "inherent_band",
            "inherent_band_label",
            "residual_likelihood",
            "residual_impact",
            "residual_score",
            "residual_band",
            "residual_band_label",
            "residual_within_appetite",
            "target_likelihood",
            "target_impact",
            "target_score",
            "target_date",
            "response",
            "response_rationale",
            "horizon",
            "status",
            "exempt",
            "last_reviewed_on",
            "next_review_due",
            "review_overdue",
            "trend",
            "trend_label",
            "trend_explanation",
            "created_at",
            "updated_at",
            "page",
        ]
        extra_kwargs = {
            **{
                f"{kind}_likelihood": {
                    "help_text": "1 (highly unlikely, under 20%) to 5 (highly likely, over "
                    "80%); null: not scored."
                }
                for kind in ("inherent", "residual", "target")
            },
            **{
                f"{kind}_impact": {
                    "help_text": "1 to 5, as the scheme describes each level; null: not scored."
                }
                for kind in ("inherent", "residual", "target")
            },
            "response": {"help_text": "tolerate, treat, terminate or transfer; blank: undecided."},
            "exempt": {"help_text": "Exempt from publication: withheld from public reports."},
        }

    def to_representation(self, risk: Risk) -> dict:
        """The row, written out: the same dictionary DRF's field by field walk gives
        (``tests/api/test_risk_rows.py`` compares the two on every kind of risk), at a fraction
        of its cost, which a page of 1,000 risks feels."""
        context = self.context
        inherent, residual = risk.inherent_score, risk.residual_score
        inherent_band, residual_band = self._band(inherent), self._band(residual)
        trend = context["trends"][risk.pk]
        when = self._local_iso
        return {
            "id": risk.pk,
            "reference": risk.reference,
            "title": risk.title,
            "register_id": risk.register_id,
            "register": risk.register_name,
            "tier": risk.register_tier,
            "organisation": risk.organisation_name,
            "category": risk.category,
            "category_label": self.get_category_label(risk),
            "event": risk.event,
            "consequence": risk.consequence,
            "impact": risk.impact,
            "owner_id": risk.owner_id,
            "owner": (
                None
                if risk.owner_id is None
                else person_name_from(
                    risk.owner_first_name, risk.owner_last_name, risk.owner_username
                )
            ),
            "inherent_likelihood": risk.inherent_likelihood,
            "inherent_impact": risk.inherent_impact,
            "inherent_score": inherent,
            "inherent_band": inherent_band.key if inherent_band else "",
            "inherent_band_label": inherent_band.label if inherent_band else "Not scored",
            "residual_likelihood": risk.residual_likelihood,
            "residual_impact": risk.residual_impact,
            "residual_score": residual,
            "residual_band": residual_band.key if residual_band else "",
            "residual_band_label": residual_band.label if residual_band else "Not scored",
            "residual_within_appetite": residual_band.within_appetite if residual_band else None,
            "target_likelihood": risk.target_likelihood,
            "target_impact": risk.target_impact,
            "target_score": risk.target_score,
            "target_date": _date(risk.target_date),
            "response": risk.response,
            "response_rationale": risk.response_rationale,
            "horizon": risk.horizon,
            "status": risk.status,
            "exempt": risk.exempt,
            "last_reviewed_on": _date(risk.last_reviewed_on),
            "next_review_due": _date(risk.next_review_due),
            "review_overdue": risk.review_overdue(context["today"]),
            "trend": trend.direction,
            "trend_label": trend.label,
            "trend_explanation": trend.explanation,
            "created_at": when(risk.created_at),
            "updated_at": when(risk.updated_at),
            "page": self._page(risk.pk),
        }

    # One list's rows share the serializer (DRF's ``many=True`` has one child): what is the
    # same for every row is worked out once, not a thousand times on the API's longest page.

    @cached_property
    def _origin(self) -> str:
        """``scheme://host`` of the request, what ``build_absolute_uri`` puts before a path."""
        return self.context["request"].build_absolute_uri("/")[:-1]

    @cached_property
    def _page(self):
        """A risk's page in the browser, by its id: ``get_page``."""
        origin, urls = self._origin, Risk.page_urls()
        return lambda pk: origin + urls(pk)

    @cached_property
    def _zone(self):
        return timezone.get_current_timezone()

    def _local_iso(self, value) -> str | None:
        """As DRF's ``DateTimeField`` writes it: in local time, ISO 8601, ``Z`` for UTC."""
        if value is None:
            return None
        written = timezone.localtime(value, self._zone).isoformat()
        return written[:-6] + "Z" if written.endswith("+00:00") else written

    def _band(self, score: int | None) -> matrix.Band | None:
        return matrix.band_for(score, self.context["bands"]) if score is not None else None

    def get_inherent_band(self, risk: Risk) -> str:
        """The band's key ("red"); blank when not scored."""
        band = self._band(risk.inherent_score)
        return band.key if band else ""

    def get_inherent_band_label(self, risk: Risk) -> str:
        """The band's name in the organisation's scheme ("Red"); "Not scored" when not."""
        band = self._band(risk.inherent_score)
        return band.label if band else "Not scored"

    def get_residual_band(self, risk: Risk) -> str:
        """The residual band's key ("red"); blank when not scored."""
        band = self._band(risk.residual_score)
        return band.key if band else ""

    def get_residual_band_label(self, risk: Risk) -> str:
        """The residual band's name in the organisation's scheme; "Not scored" when not."""
        band = self._band(risk.residual_score)
        return band.label if band else "Not scored"

    def get_residual_within_appetite(self, risk: Risk) -> bool | None:
        """Whether the residual band is within the risk appetite; null when not scored."""
        band = self._band(risk.residual_score)
        return band.within_appetite if band else None

    def get_category_label(self, risk: Risk) -> str:
        """The category as the organisation names it (``category`` is its key)."""
        return getattr(risk, "category_label", None) or risk.category

    def get_review_overdue(self, risk: Risk) -> bool:
        """Open, and its next review date has passed."""
        return risk.review_overdue(self.context["today"])

    def get_trend(self, risk: Risk) -> str:
        """new, up, down, steady, na (not on the register that quarter) or unknown."""
        return self.context["trends"][risk.pk].direction

    def get_trend_label(self, risk: Risk) -> str:
        """The trend in words, as the register page prints it ("Up 4", "New since …")."""
        return self.context["trends"][risk.pk].label

    def get_trend_explanation(self, risk: Risk) -> str:
        """What the trend compares: which approved quarters."""
        return self.context["trends"][risk.pk].explanation

    def get_page(self, risk: Risk) -> str:
        """The risk's page in the browser."""
        return self.context["request"].build_absolute_uri(risk.get_absolute_url())


class ActionSerializer(serializers.ModelSerializer):
    risk_reference = serializers.CharField(source="risk.reference")
    register_id = serializers.IntegerField(source="risk.register_id")
    owner = PERSON(read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "risk_id",
            "risk_reference",
            "register_id",
            "kind",
            "description",
            "owner_id",
            "owner",
            "due_date",
            "status",
            "completed_on",
            "cost",
            "evaluation_notes",
            "overdue",
            "created_at",
            "updated_at",
        ]

    def get_overdue(self, action: Action) -> bool:
        """Not yet done or cancelled, and its due date has passed."""
        return action.is_overdue(self.context["today"])


class ReviewSerializer(serializers.ModelSerializer):
    risk_reference = serializers.CharField(source="risk.reference")
    register = serializers.CharField(source="register.name")
    reviewed_by = PERSON(read_only=True)
    inherent_score = serializers.IntegerField(allow_null=True)
    residual_score = serializers.IntegerField(allow_null=True)

    class Meta:
        model = RiskReview
        fields = [
            "id",
            "risk_id",
            "risk_reference",
            "register_id",
            "register",
            "reviewed_by",
            "reviewed_at",
            "inherent_likelihood",
            "inherent_impact",
            "inherent_score",
            "inherent_band_label",
            "residual_likelihood",
            "residual_impact",
            "residual_score",
            "residual_band_label",
            "answers",
            "notes",
            "next_review_due",
        ]


class SnapshotSerializer(serializers.ModelSerializer):
    """One risk in a register's approved quarter, frozen as it was approved."""

    register_id = serializers.IntegerField(source="snapshot.register_id")
    register = serializers.CharField(source="snapshot.register.name")
    quarter = serializers.SerializerMethodField()
    approved_at = serializers.DateTimeField(source="snapshot.approved_at")
    approved_by = PERSON(source="snapshot.approved_by", read_only=True)
    inherent_score = serializers.IntegerField(allow_null=True)
    residual_score = serializers.IntegerField(allow_null=True)

    class Meta:
        model = RiskSnapshot
        fields = [
            "register_id",
            "register",
            "quarter",
            "approved_at",
            "approved_by",
            "risk_id",
            "reference",
            "title",
            "owner_name",
            "status",
            "exempt",
            "inherent_likelihood",
            "inherent_impact",
            "inherent_score",
            "inherent_band_label",
            "residual_likelihood",
            "residual_impact",
            "residual_score",
            "residual_band_label",
            "target_likelihood",
            "target_impact",
            "next_review_due",
            "arrival",
            "arrived_from",
        ]

    def get_quarter(self, row: RiskSnapshot) -> str:
        """The financial quarter approved, e.g. "2026/27 Q2"."""
        return str(row.snapshot.period)
