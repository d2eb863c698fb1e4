"""Report views (being written)."""

urlpatterns = []
