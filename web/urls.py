from django.urls import path

from web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("risks/<int:pk>/", views.risk_detail, name="risk-detail"),
]
