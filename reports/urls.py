from reports.views import collation, committee, packs

app_name = "reports"

urlpatterns = [*packs.urlpatterns, *committee.urlpatterns, *collation.urlpatterns]
