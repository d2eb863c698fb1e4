from django.apps import AppConfig


class CommonConfig(AppConfig):
    """An app only so that Django finds its templates (the error summary, the textarea)."""

    name = "common"
    verbose_name = "common"
