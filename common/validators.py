"""Validators every app's forms share."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# The bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI,
# PDI). They make the text after them display in an order other than the one it is stored in,
# so a name can read as something it is not (a right-to-left override reverses "CRR-01").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Letters and symbols that draw nothing: the Hangul fillers (Unicode's default-ignorable
# letters) and the blank Braille pattern.
BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_visible(character: str) -> bool:
    """A letter, number, punctuation mark or symbol that draws something. Spaces, controls,
    format characters (zero-width space, joiners, soft hyphen), lone combining marks and
    unassigned code points do not."""
    return unicodedata.category(character)[0] in "LNPS" and character not in BLANK_GLYPHS


@deconstructible
class PlainVisibleText:
    """Refuses a name people could not read as it is stored: one with no visible character
    (only spaces, invisible or format characters) and one with a bidirectional override or
    isolate anywhere in it. ``what`` names the text in the messages ("register's name")."""

    def __init__(self, what: str = "name"):
        self.what = what

    def __call__(self, value: str) -> None:
        if any(character in BIDI_CONTROLS for character in value):
            raise ValidationError(
                "Remove the invisible direction control (such as a right-to-left override) "
                "from the %(what)s: it makes the text display in a different order from the "
                "one it is written in.",
                code="bidi_control",
                params={"what": self.what},
            )
        if not any(is_visible(character) for character in value):
            raise ValidationError(
                "Give the %(what)s at least one visible letter, number or sign: it has only "
                "spaces or invisible characters.",
                code="no_visible_text",
                params={"what": self.what},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, PlainVisibleText) and other.what == self.what

    def __hash__(self) -> int:
        return hash((type(self), self.what))
