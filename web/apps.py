from django.apps import AppConfig


class WebConfig(AppConfig):
    """The pages that show more than one app's data, above every app whose data they show."""

    name = "web"
    verbose_name = "web"
