"""The organisation's categories as an import reads a sheet's: a value names one by its key,
its label or a common word for it ("Financial" for Finance), in any case; a value naming none
is mapped in the mapping step onto one of them, or added as a new category
(``registers.categories.NEW_CATEGORY``) when the import is confirmed
(docs/domain.md#categories)."""

from __future__ import annotations

from registers.categories import NEW_CATEGORY, category_key_for
from registers.models import PolicyCategory, RiskCategory

# Common words for the policy's categories, for an organisation that still has them.
CATEGORY_WORDS = {
    "legal": PolicyCategory.LEGAL_REGULATORY,
    "regulatory": PolicyCategory.LEGAL_REGULATORY,
    "legal and regulatory": PolicyCategory.LEGAL_REGULATORY,
    "customers": PolicyCategory.CUSTOMERS_CITIZENS,
    "citizens": PolicyCategory.CUSTOMERS_CITIZENS,
    "customer": PolicyCategory.CUSTOMERS_CITIZENS,
    "financial": PolicyCategory.FINANCE,
    "reputational": PolicyCategory.REPUTATION,
    "environment": PolicyCategory.ENVIRONMENTAL,
    "partnership": PolicyCategory.PARTNERSHIPS,
    "information governance": PolicyCategory.INFORMATION,
}
DEFAULT_CATEGORY = PolicyCategory.STRATEGIC
LABEL_LENGTH = RiskCategory._meta.get_field("label").max_length


def _words(text: str) -> str:
    return " ".join(str(text).lower().replace("&", " and ").replace("/", " ").split())


class CategoryIndex:
    """An organisation's categories, read once (one query), with the new ones an import adds:
    each value mapped to "add as a new category" gets a key, the same for every row."""

    def __init__(self, organisation_id: int | None):
        rows = (
            RiskCategory.objects.filter(organisation_id=organisation_id)
            .order_by("order", "pk")
            .values_list("key", "label", "active")
            if organisation_id is not None
            else []
        )
        self.labels: dict[str, str] = {}
        self.active: set[str] = set()
        self.names: dict[str, str] = {}
        for key, label, active in rows:
            self.labels[key] = label
            if active:
                self.active.add(key)
            for name in (key.lower(), key.lower().replace("_", " "), _words(label)):
                self.names.setdefault(name, key)
        self.new: dict[str, str] = {}  # label as written -> the key it will have

    def find(self, text: str) -> str | None:
        """The key of the category ``text`` names, or None."""
        wanted = _words(text)
        key = self.names.get(wanted)
        if key is None and CATEGORY_WORDS.get(wanted) in self.labels:
            key = str(CATEGORY_WORDS[wanted])
        return key

    @property
    def in_use(self) -> list[str]:
        """The keys of the categories in use (not retired), in order."""
        return [key for key in self.labels if key in self.active]

    def retired(self, key: str) -> bool:
        return key in self.labels and key not in self.active

    @property
    def default(self) -> str | None:
        """What a new risk with no category gets: Strategic while it is in use, else the
        first category in use."""
        if DEFAULT_CATEGORY in self.active:
            return str(DEFAULT_CATEGORY)
        return next(iter(self.in_use), None)

    def add(self, label: str) -> str:
        """The key a new category named ``label`` will have (the same for every row)."""
        label = " ".join(label.split())
        for written, key in self.new.items():
            if written.lower() == label.lower():
                return key
        key = category_key_for(label, [*self.labels, *self.new.values()])
        self.new[label] = key
        return key

    def label(self, key: str) -> str:
        """A key's label, the new categories' included."""
        if key in self.labels:
            return self.labels[key]
        return next((label for label, new in self.new.items() if new == key), key)

    def choice_label(self, key: object, value: str = "") -> str:
        """What a value map's choice reads as in the preview: a label, or the new category."""
        if key == NEW_CATEGORY:
            return f"a new category “{value}”"
        if key is None or key == "":
            return ""
        return self.labels.get(str(key), str(key))


def too_long(label: str) -> bool:
    return len(" ".join(label.split())) > LABEL_LENGTH
