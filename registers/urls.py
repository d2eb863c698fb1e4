from django.urls import path

from registers import views

app_name = "registers"

urlpatterns = [
    path("", views.home, name="home"),
    path("registers/<int:pk>/", views.register_detail, name="register-detail"),
    path("risks/<int:pk>/", views.risk_detail, name="risk-detail"),
]
