from escalation.selectors import unread_count
from registers.permissions import may_open_portfolios
from reminders.permissions import can_change_reminder_settings


def notifications(request):
    """The signed-in person's unread notification count for the menu, counted only when a
    page shows it (the template calls it), and whether the notifications page offers them
    the organisation's reminder settings, and whether the reports page offers Cabinet portfolios."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": lambda: unread_count(user=user),
        "may_set_reminders": lambda: can_change_reminder_settings(user),
        "may_open_portfolios": lambda: may_open_portfolios(user),
    }
