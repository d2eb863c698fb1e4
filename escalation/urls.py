from django.urls import path

from escalation import challenge_views, views

app_name = "escalation"

urlpatterns = [
    path("risks/<int:pk>/escalate/", views.proposal_create, name="proposal-create"),
    path("risks/<int:pk>/propose-closure/", views.closure_propose, name="closure-propose"),
    path("risks/<int:pk>/de-escalate/", views.risk_de_escalate, name="risk-de-escalate"),
    path("risks/<int:pk>/challenge/", challenge_views.challenge_create, name="challenge-create"),
    path("challenges/<int:pk>/", challenge_views.challenge_detail, name="challenge-detail"),
    path("challenges/<int:pk>/answer/", challenge_views.challenge_answer, name="challenge-answer"),
    path("escalations/", views.proposal_queue, name="queue"),
    path("escalations/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("escalations/<int:pk>/decide/", views.proposal_decide, name="proposal-decide"),
    path("escalations/<int:pk>/withdraw/", views.proposal_withdraw, name="proposal-withdraw"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
    path("notifications/read/", views.notification_read_all, name="notifications-read"),
]
