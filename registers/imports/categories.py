"""The organisation's categories as an import reads a sheet's: a value names one by its key,
its label or a common word for it ("Financial" for Finance), in any case; a value naming none
is mapped in the mapping step onto one of them, or added as a new category
(``registers.categories.NEW_CATEGORY``) when the import is confirmed
(docs/domain.md#categories)."""

from __future__ import annotations

from registers.categories import NEW_CATEGORY, category_key_for
from registers.imports.rows import RowReader
from registers.models import PolicyCategory, Risk, RiskCategory

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


def read_category(
    *,
    reader: RowReader,
    fields: dict[str, object],
    existing: Risk | None,
    categories: CategoryIndex,
) -> None:
    """The category: one of the organisation's, by its key, its name or a common word for it;
    else through the column's value map, onto one of them or added as a new category. One
    retired is kept on a risk already holding it, never given to another. A new risk without
    one is given the default, with a warning (docs/domain.md#categories)."""
    category_text = " ".join(reader.text("category").split())
    if not category_text:
        if existing is None and categories.default is not None:
            fields["category"] = categories.default
            label = categories.label(categories.default)
            reader.warn("category", f"No category: set to {label}; change it later.")
        elif existing is None:
            reader.problem("category", "No category, and the organisation has none in use.")
        return
    category = categories.find(category_text)
    value_map = reader.value_maps.get("category")
    if category is None and value_map is not None:
        mapped = value_map.level(category_text)
        category = _mapped_category(reader, category_text, mapped, categories)
        if category is None:
            return
    if category is None:
        in_use = ", ".join(categories.label(key) for key in categories.in_use)
        reader.problem(
            "category",
            f"“{category_text}” is not a category; use one of: {in_use}, or in the mapping "
            "step map it onto one or add it as a new category.",
        )
    elif categories.retired(category) and not (
        existing is not None and existing.category == category
    ):
        reader.problem(
            "category",
            f"{categories.label(category)} is retired: choose one of the categories in use.",
        )
    else:
        fields["category"] = category


def _mapped_category(
    reader: RowReader, text: str, mapped: object, categories: CategoryIndex
) -> str | None:
    """The key a value map gives ``text``: a new category's (made once for every row), or one
    of the organisation's; None, with the problem, when the map gives none it has."""
    if mapped == NEW_CATEGORY:
        if too_long(text):
            reader.problem("category", f"“{text[:40]}…” is too long for a category's name.")
            return None
        return categories.add(text)
    if mapped is None or mapped == "":
        reader.problem(
            "category",
            f"“{text}” is not a category, and no choice was made for it: map it onto one or "
            "add it as a new category.",
        )
        return None
    if str(mapped) not in categories.labels:
        reader.problem(
            "category", f"“{text}” maps onto {mapped}, which is not one of the categories."
        )
        return None
    return str(mapped)
