"""The shared validator of names and titles: something visible, and no direction controls."""

import pytest
from django.core.exceptions import ValidationError

from common.validators import BIDI_CONTROLS, PlainVisibleText, is_visible

validate = PlainVisibleText("register's name")


def code_of(value: str) -> str | None:
    try:
        validate(value)
    except ValidationError as error:
        return error.code
    return None


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
@pytest.mark.parametrize("where", ["alone", "start", "middle", "end"])
def test_every_direction_control_is_refused_anywhere(control, where):
    value = {
        "alone": control,
        "start": f"{control}Adult Care",
        "middle": f"Adult {control}Care",
        "end": f"Adult Care{control}",
    }[where]
    assert code_of(value) == "bidi_control"


def test_the_controls_are_the_embeddings_overrides_and_isolates():
    assert {f"U+{ord(c):04X}" for c in BIDI_CONTROLS} == {
        *(f"U+{n:04X}" for n in range(0x202A, 0x202F)),
        *(f"U+{n:04X}" for n in range(0x2066, 0x206A)),
    }


@pytest.mark.parametrize(
    "value",
    [
        " ",
        "\u00a0\u2003\u3000",  # no-break, em and ideographic spaces
        "\u200b",  # zero-width space
        "\u200c\u200d\u2060\ufeff",  # joiners, word joiner, BOM
        "\u00ad",  # soft hyphen
        "\u200e\u200f\u061c",  # direction marks: invisible, though not refused anywhere
        "\u0301\u034f",  # a lone combining accent, the grapheme joiner
        "\u115f\u1160\u3164\uffa0",  # Hangul fillers
        "\u2800",  # blank Braille pattern
        "\x01\x7f",  # controls
        "\U000e0041",  # a tag character
        "\ue000",  # private use
    ],
)
def test_text_with_nothing_visible_is_refused(value):
    assert code_of(value) == "no_visible_text"


@pytest.mark.parametrize(
    "value",
    ["Corporate", "CRR", "7", "-", "£", "خدمات", "שירותים", "Café\u0301", "\u200eA", "😀"],
)
def test_text_with_something_visible_and_no_control_is_kept(value):
    assert code_of(value) is None


def test_the_messages_name_the_text():
    with pytest.raises(ValidationError) as refused:
        PlainVisibleText("title")("\u202e")
    assert "from the title" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        validate("\u200b")
    assert refused.value.messages == [
        "Give the register's name at least one visible letter, number or sign: it has only "
        "spaces or invisible characters."
    ]


def test_visible_characters():
    assert is_visible("a") and is_visible("١") and is_visible("!") and is_visible("€")
    assert not is_visible(" ") and not is_visible("\u202e") and not is_visible("\u0378")
