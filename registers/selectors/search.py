"""Reads for the search in the navigation: the registers, risks and actions a person may see
whose reference, title or text holds every word searched for, grouped by register
(docs/domain.md#search).

A fixed number of queries whatever the number of risks: the registers one, the risks a count
and a page, the actions a count and a page, the bands of the organisations found two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from common.paging import keys
from registers.models import Action, Register, Risk
from registers.permissions import visible_registers, visible_risks, visible_risks_of_organisation
from registers.selectors import changes, organisation_bands
from scoring import matrix

# How many of each kind a search lists; beyond that the page says how many more matched.
MAX_RISKS = 100
MAX_ACTIONS = 50
MAX_REGISTERS = 20
# Searching for less than this would list most of the organisation.
MIN_LENGTH = 2
MAX_WORDS = 8


@dataclass
class RegisterGroup:
    """One register's share of the results."""

    register: Register
    bands: tuple[matrix.Band, ...]
    risks: list[Risk] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    registers: list[Register]
    groups: list[RegisterGroup]
    risk_count: int
    action_count: int

    @property
    def risks_shown(self) -> int:
        return sum(len(group.risks) for group in self.groups)

    @property
    def actions_shown(self) -> int:
        return sum(len(group.actions) for group in self.groups)

    @property
    def total(self) -> int:
        return len(self.registers) + self.risk_count + self.action_count


def search_words(query: str) -> list[str]:
    """The words of a search, each long enough to mean something, at most ``MAX_WORDS``."""
    return [word for word in query.split() if len(word) >= MIN_LENGTH][:MAX_WORDS]


def _every_word(words: list[str], *fields: str) -> Q:
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


_RISK_TEXT = ("reference", "title", "event", "consequence", "impact")
_ACTION_TEXT = ("description", "evaluation_notes")


def _matching_risks(user: AbstractBaseUser, words: list[str]) -> QuerySet[Risk]:
    return visible_risks_of_organisation(user).filter(_every_word(words, *_RISK_TEXT))


def _actions_holding(word: str) -> QuerySet[Action]:
    """The keys of the actions whose text, or whose risk's reference, holds ``word``: each
    table searched on its own (on PostgreSQL from its trigram indexes) and the two joined as
    keys, rather than every action joined to its risk to look at the reference."""
    in_text = Action.objects.filter(_every_word([word], *_ACTION_TEXT)).order_by().values("pk")
    on_risk = (
        Action.objects.filter(risk__in=Risk.objects.filter(reference__icontains=word).values("pk"))
        .order_by()
        .values("pk")
    )
    return in_text.union(on_risk)


def _matching_actions(user: AbstractBaseUser, words: list[str]) -> QuerySet[Action]:
    actions = Action.objects.filter(risk__in=visible_risks(user))
    for word in words:
        actions = actions.filter(pk__in=_actions_holding(word))
    return actions


def search(*, user: AbstractBaseUser, query: str) -> SearchResults:
    """Every register, risk and action ``user`` may see matching all the words of ``query``:
    risks (open before closed) and actions grouped by register, registers by name."""
    words = search_words(query)
    if not words:
        return SearchResults(query, [], [], 0, 0)
    registers = list(
        visible_registers(user)
        .filter(_every_word(words, "name", "prefix"))
        .select_related("owner")
        .order_by("name")[:MAX_REGISTERS]
    )
    risks_found = _matching_risks(user, words)
    risks_order = ("register__name", "register_id", "-status", "reference")
    risks = list(
        Risk.objects.filter(pk__in=keys(risks_found.order_by(*risks_order), 0, MAX_RISKS))
        .select_related("register", "owner")
        .defer("event", "consequence", "impact", "response_rationale", "closure_reason")
        .order_by(*risks_order)
    )
    actions_found = _matching_actions(user, words)
    actions_order = ("risk__register__name", "risk__reference", "pk")
    actions = list(
        Action.objects.filter(pk__in=keys(actions_found.order_by(*actions_order), 0, MAX_ACTIONS))
        .select_related("risk__register", "owner")
        .only(
            "pk",
            "description",
            "due_date",
            "status",
            "kind",
            "owner",
            "risk__reference",
            "risk__title",
            "risk__register__name",
            "risk__register__organisation_id",
            "risk__register__tier",
            "risk__status",
        )
        .order_by(*actions_order)
    )
    return SearchResults(
        query=query,
        registers=registers,
        groups=_grouped(risks, actions),
        risk_count=changes.count(risks_found) if len(risks) == MAX_RISKS else len(risks),
        action_count=changes.count(actions_found) if len(actions) == MAX_ACTIONS else len(actions),
    )


def _grouped(risks: list[Risk], actions: list[Action]) -> list[RegisterGroup]:
    found = [risk.register for risk in risks] + [action.risk.register for action in actions]
    bands = organisation_bands(organisation_ids={r.organisation_id for r in found}) if found else {}
    groups: dict[int, RegisterGroup] = {}
    for register in found:
        groups.setdefault(
            register.pk, RegisterGroup(register, bands.get(register.organisation_id, ()))
        )
    for risk in risks:
        groups[risk.register_id].risks.append(risk)
    for action in actions:
        groups[action.risk.register_id].actions.append(action)
    return sorted(groups.values(), key=lambda group: (group.register.name, group.register.pk))
