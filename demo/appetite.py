"""The demo council's risk appetite (docs/domain.md#risk-appetite): a first statement SLT
approved before the demo's four quarters, superseded in their third by the statement in force,
which sets its categories at different levels (Finance Cautious 9, People Open 12 among them)
so that a few risks are outside the appetite. Readable as data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from registers import roles
from registers.appetite import ensure_appetite_levels
from registers.appetite_services import appetite_approve, appetite_draft_save, appetite_draft_start
from registers.categories import category_labels
from registers.models import AppetiteStatement, Organisation
from registers.periods import Quarter

# Each version: (its words, {category: (level, tolerance)}); blank categories fall back on
# the bands.
FIRST = (
    "The council accepts little risk with public money, the law or information; it will take "
    "measured risks to deliver its strategy.",
    {
        "finance": ("cautious", 9),
        "legal_regulatory": ("averse", 4),
        "information": ("minimal", 6),
        "strategic": ("open", 12),
        "people": ("cautious", 9),
    },
)
IN_FORCE = (
    "The council is cautious with public money and its reputation. It is open to risk in its "
    "strategy, its people and its services to residents, and eager in its partnerships, where "
    "the benefits to residents are greatest.",
    {
        "strategic": ("open", 12),
        "customers_citizens": ("open", 12),
        "finance": ("cautious", 9),
        "reputation": ("cautious", 10),
        "legal_regulatory": ("cautious", 12),
        "information": ("minimal", 8),
        "environmental": ("open", 12),
        "people": ("open", 12),
        "political": ("open", 12),
        "partnerships": ("eager", 16),
    },
)
DEMO_QUARTERS = 4  # as demo.history


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def load_demo_appetite(*, organisation: Organisation, today: date) -> int:
    """The two statements, once (when the organisation has none); return how many were made.
    Dated so that the demo's first quarters were approved under the first and its later ones
    under the second."""
    if AppetiteStatement.objects.filter(organisation=organisation).exists():
        return 0
    levels = {level.key: level for level in ensure_appetite_levels()}
    people = get_user_model().objects.filter(profile__organisation=organisation)
    insurance = people.get(groups__name=roles.INSURANCE_MANAGER)
    chief = people.get(username="chief.executive")
    quarters = Quarter.containing(today).previous.last(DEMO_QUARTERS)
    dates = (quarters[0].start - timedelta(days=40), quarters[2].start + timedelta(days=12))
    for number, ((words, lines), approved_on) in enumerate(
        zip((FIRST, IN_FORCE), dates, strict=True), 1
    ):
        at = _at(approved_on)
        draft = appetite_draft_start(
            organisation=organisation, by=insurance, at=at - timedelta(days=14)
        )
        appetite_draft_save(
            statement=draft,
            by=insurance,
            summary=words,
            lines={
                key: (levels[lines[key][0]], lines[key][1]) if key in lines else (None, None)
                for key in category_labels(organisation.pk)
            },
        )
        # The first was recorded by the Insurance Manager on SLT's behalf; SLT approved the
        # second itself.
        appetite_approve(
            statement=draft,
            by=insurance if number == 1 else chief,
            decided_by=chief,
            decided_on=approved_on,
            at=at,
        )
    return 2
