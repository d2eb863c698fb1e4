"""Seeding a scoring scheme from a JSON description (``fixtures/coventry_scheme.json``)."""

import json
from pathlib import Path

DEFAULT_SCHEME_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "coventry_scheme.json"


def load_scheme_file(path: Path = DEFAULT_SCHEME_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def seed_scheme(*, models, data: dict):
    """Create a scheme with its bands and descriptors; return it.

    ``models`` maps model names to classes, so that a data migration can pass its historical
    models and the test suite the current ones.
    """
    scheme = models["Scheme"].objects.create(
        name=data["name"], description=data.get("description", ""), is_default=data["is_default"]
    )
    for band in data["bands"]:
        models["SchemeBand"].objects.create(scheme=scheme, **band)
    for level in data["likelihood"]:
        models["LikelihoodLevel"].objects.create(scheme=scheme, **level)
    for position, dimension in enumerate(data["impact_dimensions"]):
        created = models["ImpactDimension"].objects.create(
            scheme=scheme, name=dimension["name"], position=position
        )
        for value, text in dimension["descriptors"].items():
            models["ImpactDescriptor"].objects.create(
                dimension=created, value=int(value), text=text
            )
    return scheme


MODEL_NAMES = ("Scheme", "SchemeBand", "LikelihoodLevel", "ImpactDimension", "ImpactDescriptor")


def current_models() -> dict:
    """The scheme's models as they are now (a migration passes its historical ones instead)."""
    from scoring import models

    return {name: getattr(models, name) for name in MODEL_NAMES}


def ensure_default_scheme():
    """The default scheme, seeded from the fixture if a database has none (e.g. after a flush)."""
    models = current_models()
    scheme = models["Scheme"].objects.filter(is_default=True).first()
    return scheme or seed_scheme(models=models, data=load_scheme_file())
