from django.urls import path

from reports.views import (
    circulation,
    collation,
    committee,
    cycle,
    packs,
    portfolio_pack,
    register_pack,
)

app_name = "reports"

urlpatterns = [
    # The index and the SLT pack
    path("", packs.index, name="index"),
    path("slt/", packs.slt_pack_page, name="slt-pack"),
    path("slt/pdf/", packs.slt_pack_download, name="slt-pack-pdf"),
    # The quarterly cycle: the Section 151 Officer's oversight, approving a register
    path("slt/oversight/", cycle.s151_review, name="s151-review"),
    path("approve/<int:pk>/", cycle.register_approval, name="register-approval"),
    # Any register's own pack, in the template's shape
    path("register/<int:pk>/", register_pack.register_pack_page, name="register-pack"),
    path(
        "register/<int:pk>/pdf/",
        register_pack.register_pack_download,
        name="register-pack-pdf",
    ),
    path(
        "register/<int:pk>/circulate/",
        circulation.register_circulate,
        name="register-circulate",
    ),
    # A Cabinet member's portfolio pack
    path("portfolio/<int:pk>/pdf/", portfolio_pack.portfolio_pack_download, name="portfolio-pack"),
    # The committee's annual report
    path("committee/", committee.committee_report_page, name="committee-report"),
    path("committee/pdf/", committee.committee_report_pdf_view, name="committee-report-pdf"),
    path("committee/narrative/", committee.committee_narrative, name="committee-narrative"),
    path("committee/opinion/", committee.committee_opinion, name="committee-opinion"),
    # The directorate collation
    path("collation/", collation.collation_page, name="collation"),
    path("collation/pdf/", collation.collation_pdf, name="collation-pdf"),
    path("collation/xlsx/", collation.collation_xlsx, name="collation-xlsx"),
]
