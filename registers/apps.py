from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Risk registers"

    def ready(self) -> None:
        from registers.categories import connect_signals

        connect_signals()
