from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("reminders/settings/", views.reminder_settings, name="settings"),
    path("reminders/digest/", views.digest_preference, name="digest-preference"),
]
