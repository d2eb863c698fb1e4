from escalation.selectors import unread_count


def notifications(request):
    """The signed-in person's unread notification count for the menu, counted only when a
    page shows it (the template calls it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: unread_count(user=user)}
