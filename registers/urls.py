from django.urls import path

from registers.views import (
    across,
    actions,
    appetite,
    assurance,
    categories,
    imports,
    organisation,
    people,
    portfolios,
    register,
    register_lifecycle,
    register_settings,
    register_xlsx,
    reports,
    reviews,
    risk_edit,
    search,
)

app_name = "registers"

urlpatterns = [
    # The tree of registers, and opening and closing a project, programme, partnership or
    # shared-service register
    path("organisation/", organisation.organisation, name="organisation"),
    path(
        "directorates/<int:pk>/registers/new/",
        register_lifecycle.register_open,
        name="register-open",
    ),
    path("registers/<int:pk>/close/", register_lifecycle.register_close, name="register-close"),
    # The organisation's categories of risk
    path("organisation/categories/", categories.category_list, name="categories"),
    # Cabinet portfolios
    path("portfolios/", portfolios.portfolios, name="portfolios"),
    path("portfolios/new/", portfolios.portfolio_edit, name="portfolio-create"),
    path("portfolios/<int:pk>/", portfolios.portfolio_detail, name="portfolio-detail"),
    path("portfolios/<int:pk>/edit/", portfolios.portfolio_edit, name="portfolio-edit"),
    # The risk appetite statement
    path("appetite/", appetite.appetite, name="appetite"),
    path("appetite/edit/", appetite.appetite_edit, name="appetite-edit"),
    path("appetite/<int:pk>/", appetite.appetite_detail, name="appetite-detail"),
    path("appetite/<int:pk>/approve/", appetite.appetite_approval, name="appetite-approve"),
    # The people pickers' type-ahead
    path("people/search/", people.people_search, name="people-search"),
    # The search in the navigation
    path("search/", search.search, name="search"),
    # Risks across registers, and their exports
    path("risks/", across.risks_across, name="risks-across"),
    path("risks/export.csv", across.risks_across_export, name="risks-across-export"),
    path("risks/export.xlsx", across.risks_across_export_xlsx, name="risks-across-export-xlsx"),
    # A register and its CSV export
    path("registers/<int:pk>/", register.register_detail, name="register-detail"),
    path("registers/<int:pk>/export.csv", register.register_export, name="register-export"),
    # Its XLSX export
    path(
        "registers/<int:pk>/export.xlsx",
        register_xlsx.register_export_xlsx,
        name="register-export-xlsx",
    ),
    # Its settings and approval
    path(
        "registers/<int:pk>/settings/",
        register_settings.register_settings,
        name="register-settings",
    ),
    # Importing a spreadsheet, and the full export for the round trip
    path("registers/<int:pk>/import/", imports.import_upload, name="register-import"),
    path(
        "registers/<int:pk>/import/<int:upload_pk>/mapping/",
        imports.import_mapping,
        name="register-import-mapping",
    ),
    path(
        "registers/<int:pk>/import/<int:upload_pk>/preview/",
        imports.import_preview,
        name="register-import-preview",
    ),
    path(
        "registers/<int:pk>/import/<int:upload_pk>/confirm/",
        imports.import_confirm,
        name="register-import-confirm",
    ),
    path(
        "registers/<int:pk>/import/<int:upload_pk>/mapping.json",
        imports.import_mapping_file,
        name="register-import-mapping-file",
    ),
    path(
        "registers/<int:pk>/export-full.xlsx",
        imports.register_export_full,
        name="register-export-full",
    ),
    # Recording, editing and closing a risk (the risk page itself is composed in web)
    path("registers/<int:pk>/risks/new/", risk_edit.risk_create, name="risk-create"),
    path("risks/<int:pk>/edit/", risk_edit.risk_edit, name="risk-edit"),
    path("risks/<int:pk>/close/", risk_edit.risk_close, name="risk-close"),
    # Actions
    path("risks/<int:pk>/actions/new/", actions.action_create, name="action-create"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action-edit"),
    path("actions/<int:pk>/complete/", actions.action_complete, name="action-complete"),
    path("controls/<int:pk>/assurance/", assurance.assurance_create, name="assurance-create"),
    # Reviews of a risk
    path("risks/<int:pk>/review/", reviews.risk_review, name="risk-review"),
    # Risks reported by colleagues
    path("registers/<int:pk>/report/", reports.report_create, name="report-create"),
    path("registers/<int:pk>/reports/", reports.register_report_list, name="register-reports"),
    path("reports/mine/", reports.my_report_list, name="my-reports"),
    path("reports/<int:pk>/", reports.report_detail, name="report-detail"),
    path("reports/<int:pk>/accept/", reports.report_accept, name="report-accept"),
    path("reports/<int:pk>/decline/", reports.report_decline, name="report-decline"),
]
