from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """A person's own sign-in: the second factor (an authenticator app and recovery codes)
    and the administrator's mark that an account must have one."""

    name = "accounts"
    verbose_name = "sign-in"
