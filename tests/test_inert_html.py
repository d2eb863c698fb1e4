"""HTML in what people type stays text (OWASP ASVS level 2).

A risk's title, event, consequence, impact, rationale, controls, actions, notes and an
escalation's case carry script tags, event handlers, ``javascript:`` links and a tag-breaking
quote; every page that shows them, the import's mapping and preview pages and the PDFs show
them as text. The PDFs fetch nothing, neither what a risk's text names nor what a template
would: a local server counts the connections.
"""

from __future__ import annotations

import csv
import io
import re
import socket
import threading
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from escalation.services import proposal_create
from registers import services
from registers.models import ActionKind, ImportUpload, PolicyCategory, Response
from registers.periods import Quarter, year_label
from registers.review_questions import questions_for
from reports.collation import collation_pdf
from reports.committee import committee_report_pdf
from reports.packs import slt_pack_pdf
from reports.pdf import html_to_pdf
from scoring.selectors import scheme_bands
from tests.strategies import DB_SETTINGS, IMG, JS_URL, SCRIPT, SVG, rolled_back

pytestmark = pytest.mark.django_db

LINK = f'<a href="{JS_URL}">click</a>'
PAYLOAD = f"{SCRIPT} {IMG} {SVG} {LINK}"
# What must never reach a page as markup.
RAW = ["<script>alert(1)", "<img src=x", "<svg onload", 'href="javascript:', '<a href="javascript']


def assert_inert(html: str, *, shown: str = SCRIPT) -> None:
    for raw in RAW:
        assert raw not in html, raw
    assert escape(shown) in html, f"{escape(shown)} is not on the page"


# A corporate risk, an overdue directorate risk and a service risk proposed for escalation,
# with hostile text in every field people write.


def hostile_risk(org, register, owner, reference, **fields):
    risk = services.risk_create(
        register=register,
        by=register.owner,
        reference=reference,
        title=f"{reference} {SCRIPT}"[:200],
        event=PAYLOAD,
        consequence=PAYLOAD,
        impact=PAYLOAD,
        category=PolicyCategory.FINANCE,
        owner=owner,
        inherent_likelihood=5,
        inherent_impact=5,
        residual_likelihood=4,
        residual_impact=4,
        response=Response.TOLERATE,
        response_rationale=PAYLOAD,
        imported_rating=SCRIPT,
        imported_trend=IMG,
        **fields,
    )
    for kind in ActionKind.values:
        services.action_create(
            risk=risk,
            by=register.owner,
            kind=kind,
            description=PAYLOAD,
            evaluation_notes=PAYLOAD,
            due_date=timezone.localdate() - timedelta(days=5),
        )
    return risk


@pytest.fixture
def hostile(org):
    people = org.people
    corporate = hostile_risk(org, org.corporate, people["chief"], "CRR-01")
    directorate = hostile_risk(
        org,
        org.directorate_register,
        people["director"],
        "DIR-01",
        next_review_due=timezone.localdate() - timedelta(days=10),
    )
    service = hostile_risk(org, org.service_register, people["officer"], "AC-01")
    services.risk_review_record(
        risk=corporate,
        by=people["chief"],
        answers={q: PAYLOAD for q in questions_for(org.corporate.tier)},
        notes=PAYLOAD,
        bands=scheme_bands(scheme_id=org.organisation.scheme_id),
    )
    proposal = proposal_create(
        risk=service, by=people["head"], ticks={2: PAYLOAD, 3: PAYLOAD}, case=PAYLOAD
    )
    services.register_approve(register=org.corporate, by=people["chief"])
    return {
        "corporate": corporate,
        "directorate": directorate,
        "service": service,
        "proposal": proposal,
    }


def page(client, user, url, **query) -> str:
    client.force_login(user)
    response = client.get(url, query)
    assert response.status_code == 200, url
    return response.content.decode()


def test_register_risk_and_home_pages(client, org, hostile):
    people = org.people
    for user, register, risk in [
        (people["chief"], org.corporate, hostile["corporate"]),
        (people["officer"], org.service_register, hostile["service"]),
    ]:
        assert_inert(page(client, user, reverse("registers:register-detail", args=[register.pk])))
        risk_page = page(client, user, reverse("web:risk-detail", args=[risk.pk]))
        assert_inert(risk_page, shown=PAYLOAD)
        assert_inert(page(client, user, reverse("web:home")))
        assert_inert(
            page(client, user, reverse("registers:risk-edit", args=[risk.pk])), shown=PAYLOAD
        )


def test_escalation_pages(client, org, hostile):
    proposal = hostile["proposal"]
    for who in ("head", "director", "insurance"):
        html = page(
            client, org.people[who], reverse("escalation:proposal-detail", args=[proposal.pk])
        )
        assert_inert(html, shown=PAYLOAD)
    assert_inert(page(client, org.people["director"], reverse("escalation:queue")))
    assert_inert(page(client, org.people["director"], reverse("escalation:notifications")))


def test_report_previews(client, org, hostile):
    insurance = org.people["insurance"]
    assert_inert(page(client, insurance, reverse("reports:slt-pack"), variant="full"))
    year = Quarter.containing(timezone.localdate()).year
    assert_inert(
        page(
            client,
            insurance,
            reverse("reports:committee-report"),
            year=year_label(year),
            variant="full",
        )
    )
    assert_inert(page(client, insurance, reverse("reports:collation")))


def test_a_narrative_with_html_is_shown_as_text(client, org):
    insurance = org.people["insurance"]
    client.force_login(insurance)
    year = year_label(Quarter.containing(timezone.localdate()).year)
    response = client.post(
        reverse("reports:committee-narrative"),
        {"year": year, "variant": "full", "version": "0", "introduction": PAYLOAD},
    )
    assert response.status_code == 302
    client.force_login(org.people["audit"])
    response = client.post(
        reverse("reports:committee-opinion"),
        {"year": year, "variant": "full", "version": "1", "opinion": PAYLOAD},
    )
    assert response.status_code == 302
    html = page(client, insurance, reverse("reports:committee-report"), year=year, variant="full")
    assert_inert(html, shown=PAYLOAD)


# Random markup: whatever the tag, attribute and quoting, it stays text on the risk page.

TAGS = ["script", "img", "svg", "iframe", "a", "style", "body", "details", "math", "object"]
ATTRIBUTES = ["onerror", "onload", "onfocus", "ontoggle", "href", "src", "style", "formaction"]


@st.composite
def markup(draw):
    tag, attribute = draw(st.sampled_from(TAGS)), draw(st.sampled_from(ATTRIBUTES))
    quote = draw(st.sampled_from(['"', "'", "`", ""]))
    value = draw(st.sampled_from([JS_URL, "alert(1)", "url(http://127.0.0.1:9/x)"]))
    prefix = draw(st.sampled_from(["", '">', "'>", "</textarea>", "</title>", "-->"]))
    return f"{prefix}<{tag} data-pwn {attribute}={quote}{value}{quote}>x</{tag}>"


@settings(DB_SETTINGS, max_examples=15)
@given(text=markup())
def test_any_markup_in_a_risk_is_text_on_its_page(client, org, text):
    head = org.people["head"]

    def check():
        risk = services.risk_create(
            register=org.service_register,
            by=head,
            title=text[:200],
            event=text,
            consequence=text,
            impact=text,
            category=PolicyCategory.PEOPLE,
            owner=org.people["officer"],
        )
        for url in (
            reverse("web:risk-detail", args=[risk.pk]),
            reverse("registers:risk-edit", args=[risk.pk]),
        ):
            html = page(client, head, url)
            assert not re.search(r"<\w+ data-pwn", html), url
            assert escape(text) in html

    rolled_back(check)


# The import's pages show the sheet's cells as text


def test_import_mapping_and_preview_pages(client, org):
    head = org.people["head"]
    client.force_login(head)
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            ["Title", "Description", SCRIPT, "Owner"],
            [f"Flooding {SCRIPT}", PAYLOAD, IMG, f"Nobody {SVG}"],
        ]
    )
    register = org.service_register
    response = client.post(
        reverse("registers:register-import", args=[register.pk]),
        {"file": SimpleUploadedFile(f"{SVG}.csv", out.getvalue().encode())},
    )
    assert response.status_code == 302
    upload = ImportUpload.objects.get()
    args = {"pk": register.pk, "upload_pk": upload.pk}
    mapping_page = client.get(reverse("registers:register-import-mapping", kwargs=args))
    html = mapping_page.content.decode()
    assert_inert(html)
    owner_field = re.search(r'<select name="(owner_\w+)"', html).group(1)
    response = client.post(
        reverse("registers:register-import-mapping", kwargs=args),
        {
            "header_row": "1",
            "column_0": "title",
            "column_1": "event",
            "column_2": "",
            "column_3": "owner",
            owner_field: "none",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    preview = client.get(reverse("registers:register-import-preview", kwargs=args))
    assert preview.status_code == 200
    assert_inert(preview.content.decode())


# PDFs: the text is printed as text, links to javascript: are never made, nothing is fetched


class CountingServer:
    """A local TCP server that counts the connections made to it."""

    def __init__(self):
        self.connections = 0
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def settled(self) -> int:
        """The connections made so far, those still waiting in the backlog included."""
        self.running = False
        self.thread.join()
        self.socket.setblocking(False)
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return self.connections
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.socket.close()


@pytest.fixture
def server():
    counting = CountingServer()
    yield counting
    counting.close()


def pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def link_targets(pdf: bytes) -> list[str]:
    targets = []
    for pdf_page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in pdf_page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def assert_pdf_inert(pdf: bytes, *, shown: str = SCRIPT) -> None:
    assert pdf.startswith(b"%PDF")
    assert flat(shown) in flat(pdf_text(pdf))
    for target in link_targets(pdf):
        assert not target.lower().startswith("javascript"), target
        assert "127.0.0.1" not in target, target


def test_report_pdfs_print_the_markup_as_text(org, hostile, server):
    fetch = f"http://127.0.0.1:{server.port}/x.png"
    services.action_create(
        risk=hostile["corporate"],
        by=org.people["chief"],
        kind=ActionKind.CONTROL,
        description=f'<img src="{fetch}"> <div style="background:url({fetch})">',
    )
    organisation = org.organisation
    today = timezone.localdate()
    quarter = Quarter.containing(today)
    assert_pdf_inert(slt_pack_pdf(organisation=organisation, quarter=quarter, variant="full"))
    assert_pdf_inert(
        committee_report_pdf(organisation=organisation, year=quarter.year, variant="full")
    )
    assert_pdf_inert(collation_pdf(organisation=organisation))
    assert server.settled() == 0


def test_the_pdf_renderer_fetches_nothing_even_from_markup(server):
    """What a template (not a risk's text, which is escaped) might name: images, stylesheets,
    CSS url(), fonts, iframes. The renderer refuses them all; the local server sees nothing."""
    base = f"http://127.0.0.1:{server.port}"
    html = f"""<!doctype html><html><head>
        <link rel="stylesheet" href="{base}/style.css">
        <style>@import url({base}/import.css); @font-face {{ font-family: x;
        src: url({base}/font.woff); }} body {{ background: url({base}/bg.png); }}</style>
        </head><body><p>Literal &lt;script&gt; text</p>
        <img src="{base}/x.png"><iframe src="{base}/frame"></iframe>
        <object data="{base}/object"></object>
        <a href="{JS_URL}">javascript link</a></body></html>"""
    pdf = html_to_pdf(html)
    assert "Literal <script> text" in pdf_text(pdf)
    assert server.settled() == 0
