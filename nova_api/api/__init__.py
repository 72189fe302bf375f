"""The compute API: the WSGI framework, its plugins, schemas and views."""
