from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only REST API for Power BI, Excel and other tools, and the personal access
    tokens that open it: above every app whose data it serves, beside ``web``."""

    name = "api"
    verbose_name = "API access"
