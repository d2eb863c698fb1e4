from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Risk registers"

    def ready(self) -> None:
        from registers import categories, reference

        categories.connect_signals()
        reference.connect_signals()
