"""``url_for_pk`` is ``reverse`` by name and id, done once per name; ``pk_urls`` is the same
for one name, the script prefix read once."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from common.urls import pk_urls, url_for_pk


@pytest.mark.parametrize("name", ["web:risk-detail", "registers:register-detail"])
@pytest.mark.parametrize("pk", [1, 7, 10_000, 987_654])
def test_it_gives_what_reverse_gives(name, pk):
    assert url_for_pk(name, pk) == reverse(name, kwargs={"pk": pk})
    assert pk_urls(name)(pk) == reverse(name, kwargs={"pk": pk})


def test_it_follows_the_script_prefix():
    set_script_prefix("/council/")
    try:
        assert url_for_pk("web:risk-detail", 5) == reverse("web:risk-detail", kwargs={"pk": 5})
        assert url_for_pk("web:risk-detail", 5).startswith("/council/")
    finally:
        clear_script_prefix()
    assert not url_for_pk("web:risk-detail", 5).startswith("/council/")


def test_a_maker_follows_the_script_prefix_it_was_made_under():
    set_script_prefix("/council/")
    try:
        urls = pk_urls("web:risk-detail")
    finally:
        clear_script_prefix()
    assert urls(5) == "/council/risks/5/" == "/council" + reverse("web:risk-detail", args=[5])
    assert pk_urls("web:risk-detail")(5) == reverse("web:risk-detail", args=[5])


def test_an_id_is_written_as_a_number():
    with pytest.raises(ValueError):
        url_for_pk("web:risk-detail", "5/../../admin")
    with pytest.raises(ValueError):
        pk_urls("web:risk-detail")("5/../../admin")
