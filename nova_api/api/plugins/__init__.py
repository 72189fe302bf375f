"""The API's resources, one plugin module each (entry points in setup.cfg)."""
