from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from registers.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Create the demo organisation (Kingsmere City Council) if it is missing. Idempotent."

    def handle(self, *args, **options):
        created = load_demo()
        if created:
            made = ", ".join(f"{count} {what}" for what, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo organisation loaded: created {made}."))
        else:
            self.stdout.write("Demo organisation already loaded: nothing to do.")
        usernames = list(
            get_user_model()
            .objects.filter(profile__organisation__slug="kingsmere")
            .order_by("username")
            .values_list("username", flat=True)
        )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username in usernames:
            self.stdout.write(f"  {username}")
