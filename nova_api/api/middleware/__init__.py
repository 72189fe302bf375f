"""WSGI filters of the paste pipelines (etc/api-paste.ini)."""
