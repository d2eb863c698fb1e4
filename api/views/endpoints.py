"""The read-only API under /api/v1/: registers, risks, actions, reviews and quarterly
snapshots, each answering exactly what the person may see in the browser
(docs/domain.md#the-api). Every view reads through api/selectors.py."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from api import selectors, serializers
from registers import permissions as registers_permissions
from registers.filters import RegisterRiskFilter
from registers.models import Organisation, Register, Risk
from registers.periods import Quarter
from registers.selectors.register_page import SORT_COLUMNS
from scoring.selectors import scheme_bands


def _id(request: Request, name: str) -> int | None:
    """A numeric query parameter, or None when absent; a 400 when it is not a number."""
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError({name: ["Give a number."]})
    return int(value)


def _viewable_register(request: Request, pk: int) -> Register:
    try:
        register = selectors.register_for(pk=pk)
    except Register.DoesNotExist as missing:
        raise NotFound("No such register.") from missing
    if not registers_permissions.can_view_register(request.user, register):
        raise PermissionDenied("You do not have access to this register.")
    return register


class RegisterList(generics.ListAPIView):
    """The registers you may open, in every tier."""

    serializer_class = serializers.RegisterSerializer

    def get_queryset(self):
        return selectors.registers_for(self.request.user)


class RegisterDetail(generics.RetrieveAPIView):
    """One register, if you may open it."""

    serializer_class = serializers.RegisterSerializer

    def get_object(self) -> Register:
        register = _viewable_register(self.request, self.kwargs["pk"])
        return selectors.registers_for(self.request.user).get(pk=register.pk)


FILTERS = [
    OpenApiParameter(
        "register",
        OpenApiTypes.INT,
        description="A register's id: its risks, as its page lists them.",
    ),
    OpenApiParameter(
        "organisation",
        OpenApiTypes.INT,
        description="Without a register: every register of this organisation you may see "
        "(your own organisation when left out).",
    ),
    *[
        OpenApiParameter(name, OpenApiTypes.STR, description=str(field.label or name))
        for name, field in RegisterRiskFilter.base_filters.items()
    ],
    OpenApiParameter(
        "sort",
        OpenApiTypes.STR,
        enum=[f"{sign}{key}" for key in SORT_COLUMNS for sign in ("", "-")],
        description="As the register page sorts: a column, high to low with a minus sign. "
        "Residual score, high to low, when left out.",
    ),
]


class RiskList(generics.ListAPIView):
    """The risks you may see on a register, or on every register of your organisation, with
    the register page's filters and sort: open risks unless ``status`` says otherwise."""

    serializer_class = serializers.RiskSerializer

    @extend_schema(parameters=FILTERS)
    def get(self, request, *args, **kwargs):
        listing = self._listing()
        if not listing.filterset.form.is_valid():
            raise ValidationError(listing.filterset.form.errors)
        page = (
            None
            if self.paginator is None
            else self.paginator.paginate_rows(listing.sorted, listing.rows, self.request, self)
        )
        risks = list(page if page is not None else listing.risks)
        serializer = self.get_serializer(risks, many=True, context=self._context(risks, listing))
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)

    def _listing(self) -> selectors.RiskListing:
        register_pk = _id(self.request, "register")
        register = None if register_pk is None else _viewable_register(self.request, register_pk)
        organisation = register.organisation if register is not None else self._organisation()
        return selectors.risk_listing(
            user=self.request.user,
            params=self.request.query_params,
            organisation=organisation,
            register=register,
        )

    def _organisation(self) -> Organisation:
        organisation_pk = _id(self.request, "organisation")
        if organisation_pk is None:
            profile = getattr(self.request.user, "profile", None)
            if profile is None:
                raise ValidationError({"organisation": ["Give an organisation or a register."]})
            return profile.organisation
        try:
            return selectors.organisation_for(pk=organisation_pk)
        except Organisation.DoesNotExist as missing:
            raise ValidationError({"organisation": ["No such organisation."]}) from missing

    def _context(self, risks: list[Risk], listing: selectors.RiskListing) -> dict:
        return {
            **self.get_serializer_context(),
            "bands": listing.bands,
            "today": timezone.localdate(),
            "trends": selectors.risk_trends(risks),
        }


class RiskDetail(generics.RetrieveAPIView):
    """One risk, if you may see it."""

    serializer_class = serializers.RiskSerializer

    def retrieve(self, request, *args, **kwargs):
        try:
            risk = selectors.risk_for(pk=self.kwargs["pk"])
        except Risk.DoesNotExist as missing:
            raise NotFound("No such risk.") from missing
        if not registers_permissions.can_view_risk(request.user, risk):
            raise PermissionDenied("You do not have access to this risk.")
        context = {
            **self.get_serializer_context(),
            "bands": scheme_bands(scheme_id=risk.register.organisation.scheme_id),
            "today": timezone.localdate(),
            "trends": selectors.risk_trends([risk]),
        }
        return Response(self.get_serializer(risk, context=context).data)


RISK_OR_REGISTER = [
    OpenApiParameter("risk", OpenApiTypes.INT, description="A risk's id."),
    OpenApiParameter("register", OpenApiTypes.INT, description="A register's id."),
]


class _ByRiskOrRegister(generics.ListAPIView):
    """A list narrowed by ``?risk=`` and ``?register=`` (the register the risk is on now)."""

    register_field = "risk__register_id"

    @extend_schema(parameters=RISK_OR_REGISTER)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def narrowed(self, queryset):
        risk_pk, register_pk = _id(self.request, "risk"), _id(self.request, "register")
        if risk_pk is not None:
            queryset = queryset.filter(risk_id=risk_pk)
        if register_pk is not None:
            queryset = queryset.filter(**{self.register_field: register_pk})
        return queryset

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "today": timezone.localdate()}


class ActionList(_ByRiskOrRegister):
    """The controls and actions on the risks you may see."""

    serializer_class = serializers.ActionSerializer

    def get_queryset(self):
        return self.narrowed(selectors.actions_for(self.request.user))


class ReviewList(_ByRiskOrRegister):
    """The recorded reviews of the risks you may see, latest first."""

    serializer_class = serializers.ReviewSerializer
    register_field = "register_id"

    def get_queryset(self):
        return self.narrowed(selectors.reviews_for(self.request.user))


class SnapshotList(generics.ListAPIView):
    """The risks of each approved quarter of the registers you may open, as approved."""

    serializer_class = serializers.SnapshotSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("register", OpenApiTypes.INT, description="A register's id."),
            OpenApiParameter(
                "quarter", OpenApiTypes.STR, description='A financial quarter: "2026/27 Q2".'
            ),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        rows = selectors.snapshots_for(self.request.user)
        register_pk = _id(self.request, "register")
        if register_pk is not None:
            rows = rows.filter(snapshot__register_id=register_pk)
        quarter = self.request.query_params.get("quarter", "").strip()
        if quarter:
            try:
                period = Quarter.parse(quarter)
            except ValueError as wrong:
                raise ValidationError({"quarter": ['Write a quarter as "2026/27 Q2".']}) from wrong
            rows = rows.filter(snapshot__year=period.year, snapshot__quarter=period.number)
        return rows
