"""Views, one module per area of the app; ``registers/urls.py`` lists their URLs."""
