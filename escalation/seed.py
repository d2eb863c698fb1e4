"""Seeding the policy's two escalation checklists from ``fixtures/escalation_checklists.json``."""

import json
from pathlib import Path

CHECKLISTS_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "escalation_checklists.json"


def load_checklists_file(path: Path = CHECKLISTS_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["checklists"]


def seed_checklists(*, checklist_model, factor_model, data: list[dict]) -> None:
    """Create each checklist not already present, with its factors.

    The models are passed in so that a data migration can use its historical models.
    """
    for item in data:
        if checklist_model.objects.filter(receiving_tier=item["receiving_tier"]).exists():
            continue
        checklist = checklist_model.objects.create(
            receiving_tier=item["receiving_tier"],
            name=item["name"],
            introduction=item["introduction"],
            recommend_at=item["recommend_at"],
        )
        # One by one, not bulk_create: with the real models each factor gets its history row.
        for factor in item["factors"]:
            factor_model.objects.create(checklist=checklist, **factor)


def ensure_checklists() -> None:
    """Seed the checklists if a database has none (e.g. after a test flush)."""
    from escalation.models import Checklist, Factor

    seed_checklists(checklist_model=Checklist, factor_model=Factor, data=load_checklists_file())
