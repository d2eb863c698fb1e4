from django.urls import path

from escalation import challenge_views, new_risk_views, views

app_name = "escalation"

urlpatterns = [
    path("risks/<int:pk>/escalate/", views.proposal_create, name="proposal-create"),
    path("risks/<int:pk>/propose-closure/", views.closure_propose, name="closure-propose"),
    path(
        "risks/<int:pk>/close-corporate/",
        new_risk_views.corporate_risk_close,
        name="corporate-risk-close",
    ),
    path(
        "registers/<int:pk>/propose-risk/",
        new_risk_views.new_risk_propose,
        name="new-risk-propose",
    ),
    path(
        "registers/<int:pk>/add-risk/",
        new_risk_views.corporate_risk_create,
        name="corporate-risk-create",
    ),
    path("new-risks/<int:pk>/", new_risk_views.new_risk_detail, name="new-risk-detail"),
    path("new-risks/<int:pk>/decide/", new_risk_views.new_risk_decide, name="new-risk-decide"),
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
