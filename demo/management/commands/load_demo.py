from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.loader import DEMO_PASSWORD, ORGANISATION_SLUG, load_demo


class Command(BaseCommand):
    help = "Create the demo organisation (Kingsmere City Council) if it is missing. Idempotent."

    def handle(self, *args, **options):
        created = load_demo()
        if created:
            made = ", ".join(f"{count} {what}" for what, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo organisation loaded: created {made}."))
        else:
            self.stdout.write("Demo organisation already loaded: nothing to do.")
        users = (
            get_user_model()
            .objects.filter(profile__organisation__slug=ORGANISATION_SLUG)
            .select_related("profile")
            .order_by("-profile__seniority", "username")
        )
        self.stdout.write(f"\nDemo logins (the password for every one is {DEMO_PASSWORD}):")
        for user in users:
            self.stdout.write(f"  {user.username:<44} {user.profile.job_title}")
