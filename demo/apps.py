from django.apps import AppConfig


class DemoConfig(AppConfig):
    """An app so that ``manage.py`` finds ``load_demo`` and ``generate_bench_data``."""

    name = "demo"
    verbose_name = "demo"
