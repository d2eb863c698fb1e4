from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Risk registers"

    def ready(self) -> None:
        from registers import categories, reference
        from registers.models import residual_order

        categories.connect_signals()
        reference.connect_signals()
        residual_order.connect_signals()
