"""View builders: internal objects to wire dicts, one module per resource."""
