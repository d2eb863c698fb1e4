from django.urls import path

from reports.views import collation, committee, packs

app_name = "reports"

urlpatterns = [
    # The index and the SLT pack
    path("", packs.index, name="index"),
    path("slt/", packs.slt_pack_page, name="slt-pack"),
    path("slt/pdf/", packs.slt_pack_download, name="slt-pack-pdf"),
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
