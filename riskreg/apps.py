from django.apps import AppConfig


class RiskregConfig(AppConfig):
    """The project itself, as an app: connects the security log's signal receivers."""

    name = "riskreg"
    verbose_name = "riskreg"

    def ready(self):
        from riskreg import security  # noqa: F401  (connects the receivers)
