"""The rows of the register page and of risks across registers, written in Python
(``registers/templatetags/risk_rows.py``): every cell says what it said as a template, for
each shape a row can take, escaped."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import MovementKind, RiskMovement
from tests.factories import RiskFactory
from tests.registers.test_register_page import approve_in, close, quarters_ago, rescore

pytestmark = pytest.mark.django_db


class Rows(HTMLParser):
    """Each body row of the page's risk table: its cells' text and their HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, list[str]] = {}
        self.html: dict[str, str] = {}
        self._cells: list[str] | None = None
        self._depth = 0
        table = html[
            html.index('<table class="table table-sm table-hover align-middle register"') :
        ]
        self.feed(table[table.index("<tbody>") : table.index("</tbody>")])

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None and self._depth == 0:
            self._cells.append("")
            self._depth = 1
        elif self._depth:
            self._depth += 1 if tag not in ("br",) else 0

    def handle_endtag(self, tag):
        if tag == "tr" and self._cells:
            cells = [re.sub(r"\s+", " ", cell).strip() for cell in self._cells]
            self.rows[cells[0]] = cells
            self._cells = None
        elif self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._cells is not None and self._depth:
            self._cells[-1] += data


@pytest.fixture
def shapes(org):
    """A risk of each shape a register row can take."""
    register = org.service_register
    head = org.people["head"]
    plain = RiskFactory(
        register=register,
        reference="AC-0201",
        title="Flooding <of> the depot & yard",
        owner=head,
        next_review_due=date(2020, 1, 1),
    )
    RiskFactory(
        register=register,
        reference="AC-0202",
        owner=None,
        owner_as_written="Project <Manager>",
        residual_likelihood=None,
        residual_impact=None,
        imported_band="red",
        imported_rating="Critical",
    )
    RiskFactory(
        register=register,
        reference="AC-0203",
        owner=None,
        inherent_likelihood=None,
        inherent_impact=None,
        residual_likelihood=None,
        residual_impact=None,
        response="",
    )
    arrived = RiskFactory(register=register, reference="AC-0204", residual_likelihood=5)
    RiskMovement.objects.create(
        risk=arrived,
        from_register=org.corporate,
        to_register=register,
        kind=MovementKind.DE_ESCALATED,
        moved_by=head,
        moved_at=timezone.now(),
        reason="Managed locally",
    )
    close(RiskFactory(register=register, reference="AC-0205"))
    approve_in(register, quarters_ago(2))
    rescore(plain, 5, 4)
    approve_in(register, quarters_ago(1))
    return register


def test_each_register_row_says_what_it_is(client, org, shapes):
    client.force_login(org.people["head"])
    response = client.get(reverse("registers:register-detail", args=[shapes.pk]), {"status": "all"})
    rows = Rows(response.content.decode()).rows
    head = org.people["head"].get_full_name()

    _, title, owner, inherent, residual, response_, trend, review = rows["AC-0201"]
    assert title == "Flooding <of> the depot & yard"
    assert owner == head
    assert inherent == "Red 16"
    assert residual.startswith("Red 20")
    assert response_ == "Treat"
    assert trend.startswith("↑") and "Up" in trend
    assert review == "1 Jan 2020 overdue"

    _, _, owner, _, residual, _, trend, review = rows["AC-0202"]
    assert owner == "“Project <Manager>” as written: no person assigned"
    assert residual == "Critical (rated, not scored)"
    assert review == "Not set"

    _, _, owner, inherent, residual, response_, _, _ = rows["AC-0203"]
    assert (owner, inherent, residual, response_) == (
        "No owner",
        "Not scored",
        "Not scored",
        "Not decided",
    )
    assert rows["AC-0204"][1].endswith(f"De-escalated from {org.corporate.name}")
    assert rows["AC-0205"][1].endswith("Closed")
    assert rows["AC-0205"][6] == "N/A"

    html = response.content.decode()
    assert "Flooding &lt;of&gt; the depot &amp; yard" in html
    assert "“Project &lt;Manager&gt;” as written" in html
    assert 'title="Likelihood 5 × impact 4">Red <span class="band-score">20</span>' in html


def test_each_row_across_registers_says_what_it_is(client, org, shapes):
    client.force_login(org.people["head"])
    response = client.get(reverse("registers:risks-across"))
    rows = Rows(response.content.decode()).rows
    _, title, register, owner, _, residual, review = rows["AC-0201"]
    assert (title, register, owner) == (
        "Flooding <of> the depot & yard",
        shapes.name,
        org.people["head"].get_full_name(),
    )
    assert residual.startswith("Red 20")
    assert review == "1 Jan 2020 overdue"
    assert rows["AC-0203"][3:6] == ["No owner", "Not scored", "Not scored"]
    assert "AC-0205" not in rows  # open risks only
    html = response.content.decode()
    assert f'<a href="{reverse("registers:register-detail", args=[shapes.pk])}">' in html
