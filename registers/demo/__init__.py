"""The demo organisation: a believable city council, loaded by ``manage.py load_demo``."""
