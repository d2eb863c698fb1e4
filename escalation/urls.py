from escalation.views import urlpatterns

app_name = "escalation"

__all__ = ["app_name", "urlpatterns"]
