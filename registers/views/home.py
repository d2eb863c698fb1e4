"""The signed-in home page and the organisation's tree of registers."""

from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from escalation.selectors import awaiting_decision
from registers import selectors
from registers.selectors.home import home_for


@require_GET
def home(request):
    """The signed-in user's own work: their risks, actions, reviews due, registers and the
    escalations waiting for their decision."""
    return render(
        request,
        "registers/home.html",
        {
            "home": home_for(user=request.user, today=timezone.localdate()),
            "escalations_waiting": awaiting_decision(user=request.user),
        },
    )


@require_GET
def organisation(request):
    """The registers the signed-in user may see, with their open risks by band."""
    groups = selectors.register_summaries(user=request.user, today=timezone.localdate())
    return render(request, "registers/organisation.html", {"groups": groups})


urlpatterns = [
    path("", home, name="home"),
    path("organisation/", organisation, name="organisation"),
]
