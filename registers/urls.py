from registers.views import (
    actions,
    home,
    imports,
    register,
    register_settings,
    register_xlsx,
    reports,
    reviews,
    risk,
    risk_edit,
)

app_name = "registers"

# Each area of the app lists its own URLs in its views module.
urlpatterns = [
    *home.urlpatterns,
    *register.urlpatterns,
    *register_xlsx.urlpatterns,
    *register_settings.urlpatterns,
    *imports.urlpatterns,
    *risk.urlpatterns,
    *risk_edit.urlpatterns,
    *actions.urlpatterns,
    *reviews.urlpatterns,
    *reports.urlpatterns,
]
