"""The residual column's sort key, stored on each risk so that an index can serve a long list
sorted on it (risks across registers: the first 50 of 100,000 read from the index, not sorted
from the whole organisation's rows).

The order is the one ``RiskQuerySet.with_bands`` sorts on (``residual_rank``, then the score):
a scored risk ranks at its residual score; a risk rated but not scored (an imported "Critical")
at the floor of its rating's band, after the scored risks of that rank; a risk with neither,
last (docs/domain.md#spreadsheets). As one number, high to low:

- scored: ``2 × score + 1``;
- rated, not scored: ``2 × the band's floor``;
- neither (or rated with a band the scheme no longer has): 0.

It follows the risk's residual likelihood and impact, its imported band and its organisation's
scheme. ``Risk.save`` writes it, and so do the risks' ``update`` and ``bulk_create``
(``RiskQuerySet``); a change to a scheme's bands or to an organisation's scheme rewrites its
risks rated but not scored (``connect_signals``), and a risk loaded from a backup made before
risks stored their order gets it as it is loaded. Only SQL written by hand goes around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.apps import apps
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save

from registers.models.organisation import Organisation
from scoring import matrix
from scoring.models import SchemeBand
from scoring.selectors import bands_by_scheme

# The fields the order follows, on the risk itself.
ORDERED_BY = frozenset({"residual_likelihood", "residual_impact", "imported_band"})


def residual_order(*, score: int | None, rated_floor: int | None = None) -> int:
    """The sort key of a risk with residual ``score`` (None: not scored) rated, when not scored,
    in a band starting at ``rated_floor`` (None: not rated, or in no band of the scheme)."""
    if score is not None:
        return 2 * score + 1
    if rated_floor is not None:
        return 2 * rated_floor
    return 0


def _floors(bands: tuple[matrix.Band, ...]) -> dict[str, int]:
    return {band.key: band.floor for band in bands}


def residual_orders(risks: Sequence) -> list[int]:
    """``residual_order`` of each of ``risks`` as it stands in memory. Only those rated but not
    scored need their schemes' bands: read once for them all (two small queries), and not at
    all when there are none."""
    rated = {
        risk.organisation_id for risk in risks if risk.residual_score is None and risk.imported_band
    }
    floors: dict[int, dict[str, int]] = {}
    if rated:
        schemes = dict(Organisation.objects.filter(pk__in=rated).values_list("pk", "scheme_id"))
        bands = bands_by_scheme(scheme_ids=set(schemes.values()))
        floors = {pk: _floors(bands[scheme_id]) for pk, scheme_id in schemes.items()}
    return [
        residual_order(
            score=risk.residual_score,
            rated_floor=floors.get(risk.organisation_id, {}).get(risk.imported_band),
        )
        for risk in risks
    ]


def refresh_residual_order(risks: QuerySet) -> None:
    """Rewrite the stored order of ``risks`` from their columns as they are in the database:
    one UPDATE for each residual likelihood and impact among the scored, and for each
    organisation and rated band among the others, every value from ``residual_order``."""
    scored = Q(residual_likelihood__isnull=False, residual_impact__isnull=False)
    pairs = risks.filter(scored).values_list("residual_likelihood", "residual_impact")
    for likelihood, impact in set(pairs.order_by()):
        risks.filter(residual_likelihood=likelihood, residual_impact=impact).update(
            residual_order=residual_order(score=matrix.score_or_none(likelihood, impact))
        )
    unscored = risks.exclude(scored)
    rated = set(
        unscored.values_list("organisation_id", "organisation__scheme_id", "imported_band")
        .order_by()
        .distinct()
    )
    bands = bands_by_scheme(scheme_ids={scheme_id for _, scheme_id, _ in rated})
    floors = {scheme_id: _floors(scheme_bands) for scheme_id, scheme_bands in bands.items()}
    for organisation_id, scheme_id, key in rated:
        unscored.filter(organisation_id=organisation_id, imported_band=key).update(
            residual_order=residual_order(score=None, rated_floor=floors[scheme_id].get(key))
        )


def _unscored_risks(**organisations) -> QuerySet:
    return apps.get_model("registers", "Risk").objects.filter(
        Q(residual_likelihood__isnull=True) | Q(residual_impact__isnull=True),
        **{f"organisation__{name}": value for name, value in organisations.items()},
    )


def _band_changed(sender, instance: SchemeBand, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh_residual_order(_unscored_risks(scheme_id=instance.scheme_id))


def _organisation_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    # Its scheme may have changed: another scheme's floors for the ratings.
    if not raw:
        refresh_residual_order(_unscored_risks(pk=instance.pk))


def _risk_loaded(sender, instance, raw: bool = False, **kwargs) -> None:
    # A risk loaded raw (``loaddata``) from a backup made before risks stored their order
    # comes without one (0, the default): written here, as a save would have.
    unwritten = instance.residual_order == 0
    if raw and unwritten and (instance.residual_score is not None or instance.imported_band):
        refresh_residual_order(sender._base_manager.filter(pk=instance.pk))


def connect_signals() -> None:
    post_save.connect(
        _risk_loaded,
        sender=apps.get_model("registers", "Risk"),
        dispatch_uid="registers.residual_order.loaded",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            _band_changed, sender=SchemeBand, dispatch_uid="registers.residual_order.bands"
        )
    post_save.connect(
        _organisation_saved, sender=Organisation, dispatch_uid="registers.residual_order.org"
    )
