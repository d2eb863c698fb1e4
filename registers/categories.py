"""Each organisation's categories of risk (docs/domain.md#categories): the reads every page,
pack, export and import uses for their labels and choices, the one check of a risk's category,
and the Insurance Manager's changes to the list.

A risk holds a category's ``key``; its label is read from the organisation's list, once per
page (``category_labels``), never a query per risk. The list starts as the policy's ten
sources of risk (``PolicyCategory``), made for every new organisation. A category that risks
use is never deleted, only retired: it stays valid on the risks that hold it, and is no longer
offered for new ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.signals import post_save

from registers.models import Organisation, PolicyCategory, Risk, RiskCategory, RiskReport
from registers.models.category import KEY_LENGTH
from registers.versions import save_with_history

SEEDED = "Seeded with the policy's sources of risk"
# The value an import's category map holds for "add it as a new category".
NEW_CATEGORY = "+new"


def _organisation_id(organisation: Organisation | int) -> int:
    return organisation if isinstance(organisation, int) else organisation.pk


def category_labels(organisation: Organisation | int) -> dict[str, str]:
    """Every category of the organisation (retired ones too, for the risks holding them), key
    to label, in the organisation's order: one query."""
    return dict(
        RiskCategory.objects.filter(organisation_id=_organisation_id(organisation))
        .order_by("order", "pk")
        .values_list("key", "label")
    )


def category_label(labels: dict[str, str], key: str) -> str:
    """A risk's category as people read it: its label, or the key itself should the category
    be missing (never an empty cell)."""
    return labels.get(key, key)


def with_category_labels(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """Risks with ``category_label``, their category's label, in the same query (a subquery
    on the organisation's categories): for a page that loads its risks anyway."""
    return risks.annotate(
        category_label=Subquery(
            RiskCategory.objects.filter(
                organisation_id=OuterRef("organisation_id"), key=OuterRef("category")
            ).values("label")[:1]
        )
    )


def category_choices(
    organisation: Organisation | int, include: str | None = None
) -> list[tuple[str, str]]:
    """The categories offered for a risk, in order: the active ones, and ``include`` (the
    risk's own, when it is a retired one) where it is not among them. One query."""
    rows = RiskCategory.objects.filter(organisation_id=_organisation_id(organisation)).order_by(
        "order", "pk"
    )
    return [
        (category.key, category.label if category.active else f"{category.label} (retired)")
        for category in rows.only("key", "label", "active")
        if category.active or (include and category.key == include)
    ]


def check_category(
    *, organisation: Organisation | int, key: str, current: str | None = None
) -> None:
    """The one check of a risk's category: one of its organisation's active categories, or
    (``current``) the retired one the risk already holds. Raises ``ValidationError`` on the
    category (code ``category_unknown`` or ``category_retired``)."""
    category = (
        RiskCategory.objects.filter(organisation_id=_organisation_id(organisation), key=key)
        .only("active", "label")
        .first()
    )
    if category is None:
        raise ValidationError(
            {
                "category": ValidationError(
                    "Choose one of the categories in the list.", code="category_unknown"
                )
            }
        )
    if not category.active and key != current:
        raise ValidationError(
            {
                "category": ValidationError(
                    f"{category.label} is retired: choose one of the categories in use.",
                    code="category_retired",
                )
            }
        )


def categories_in_use(organisation: Organisation | int) -> dict[str, int]:
    """How many risks (open or closed) hold each category key: one query."""
    return dict(
        Risk.objects.filter(organisation_id=_organisation_id(organisation))
        .values("category")
        .annotate(risks=Count("pk"))
        .values_list("category", "risks")
    )


def category_page_rows(organisation: Organisation) -> list[tuple[RiskCategory, int]]:
    """The organisation's categories in order, each with how many risks hold it: two
    queries."""
    used = categories_in_use(organisation)
    return [
        (category, used.get(category.key, 0))
        for category in RiskCategory.objects.filter(organisation=organisation).order_by(
            "order", "pk"
        )
    ]


def category_key_for(label: str, taken: Iterable[str]) -> str:
    """A key for a new category named ``label``: its words in lower case joined by
    underscores ("Health & Safety" → "health_safety"), at most 20 characters, made unique
    among ``taken`` with a number."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:KEY_LENGTH].strip("_")
    base = base or "category"
    taken = {key.lower() for key in taken}
    key, number = base, 1
    while key in taken:
        number += 1
        suffix = f"_{number}"
        key = base[: KEY_LENGTH - len(suffix)].rstrip("_") + suffix
    return key


def _clean_label(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise ValidationError(
            {"label": ValidationError("Give the category a name.", code="required")}
        )
    return label


def _refuse_taken_label(*, organisation_id: int, label: str, exclude: int | None = None):
    same = RiskCategory.objects.filter(organisation_id=organisation_id, label__iexact=label)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if same.exists():
        raise ValidationError(
            {
                "label": ValidationError(
                    f"There is already a category called {label}: choose another name.",
                    code="label_taken",
                )
            }
        )


@transaction.atomic
def categories_seed(*, organisation: Organisation, by: AbstractBaseUser | None = None) -> int:
    """Give the organisation whichever of the policy's ten categories it lacks (by key);
    returns how many were made. What an organisation starts with."""
    have = {key.lower() for key in category_labels(organisation)}
    made = 0
    for order, (key, label) in enumerate(PolicyCategory.choices, start=1):
        if key not in have:
            category = RiskCategory(organisation=organisation, key=key, label=label, order=order)
            save_with_history(category, by=by, reason=SEEDED)
            made += 1
    return made


@transaction.atomic
def category_add(
    *, organisation: Organisation, by: AbstractBaseUser | None, label: str, key: str = ""
) -> RiskCategory:
    """Add a category at the end of the list, with ``key`` or one made from its name.
    Raises ``ValidationError`` on the label when the organisation has one of that name."""
    label = _clean_label(label)
    # Lock the organisation: two additions at once cannot take the same key or place.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    _refuse_taken_label(organisation_id=organisation.pk, label=label)
    existing = RiskCategory.objects.filter(organisation=organisation)
    taken = existing.values_list("key", flat=True)
    key = key or category_key_for(label, taken)
    last = existing.aggregate(last=Max("order"))["last"] or 0
    category = RiskCategory(organisation=organisation, key=key, label=label, order=last + 1)
    return save_with_history(category, by=by, reason="Category added")


def _locked(category: RiskCategory) -> RiskCategory:
    return RiskCategory.objects.select_for_update().get(pk=category.pk)


@transaction.atomic
def category_rename(*, category: RiskCategory, by: AbstractBaseUser, label: str) -> RiskCategory:
    """Rename a category: every risk holding it reads the new name (its key is unchanged)."""
    label = _clean_label(label)
    category = _locked(category)
    _refuse_taken_label(organisation_id=category.organisation_id, label=label, exclude=category.pk)
    if category.label == label:
        return category
    before = category.label
    category.label = label
    return save_with_history(category, by=by, reason=f"Renamed from {before}")


@transaction.atomic
def category_move(*, category: RiskCategory, by: AbstractBaseUser, up: bool) -> RiskCategory:
    """Move a category one place up or down the list, swapping with its neighbour (each saved
    with its history); at either end, nothing changes."""
    siblings = list(
        RiskCategory.objects.select_for_update()
        .filter(organisation_id=category.organisation_id)
        .order_by("order", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == category.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return siblings[index]
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            save_with_history(sibling, by=by, reason="Reordered")
    return siblings[other]


@transaction.atomic
def category_set_active(
    *, category: RiskCategory, by: AbstractBaseUser, active: bool
) -> RiskCategory:
    """Retire a category (no longer offered for new risks, still valid on those holding it),
    or bring a retired one back. At least one category stays in use."""
    category = _locked(category)
    if category.active == active:
        return category
    if not active and not (
        RiskCategory.objects.filter(organisation_id=category.organisation_id, active=True)
        .exclude(pk=category.pk)
        .exists()
    ):
        raise ValidationError(
            "Keep at least one category in use: new risks need one.", code="last_category"
        )
    category.active = active
    return save_with_history(category, by=by, reason="Retired" if not active else "Brought back")


@transaction.atomic
def category_delete(*, category: RiskCategory, by: AbstractBaseUser) -> None:
    """Delete a category no risk (open or closed) and no reported risk holds; one that is
    used can only be retired (code ``category_in_use``)."""
    category = _locked(category)
    in_use = (
        Risk.objects.filter(
            organisation_id=category.organisation_id, category=category.key
        ).exists()
        or RiskReport.objects.filter(
            register__organisation_id=category.organisation_id, category=category.key
        ).exists()
    )
    if in_use:
        raise ValidationError(
            f"Risks hold {category.label}: retire it instead, so they keep it.",
            code="category_in_use",
        )
    if (
        not RiskCategory.objects.filter(organisation_id=category.organisation_id, active=True)
        .exclude(pk=category.pk)
        .exists()
    ):
        raise ValidationError(
            "Keep at least one category in use: new risks need one.", code="last_category"
        )
    category._history_user = by
    category._change_reason = "Deleted"
    category.delete()


def _seed_new_organisation(sender, instance: Organisation, created: bool, raw: bool, **kwargs):
    """Every organisation starts with the policy's ten categories, however it is made (the
    admin, the demo, a test). A backup being restored (``raw``) brings its own."""
    if created and not raw:
        categories_seed(organisation=instance)


def connect_signals() -> None:
    post_save.connect(
        _seed_new_organisation, sender=Organisation, dispatch_uid="registers.categories.seed"
    )
