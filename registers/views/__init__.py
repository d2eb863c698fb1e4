"""Views, one module per area of the app; each module lists its own ``urlpatterns``."""
