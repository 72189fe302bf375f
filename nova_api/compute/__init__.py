"""The domain layer: what the API does, in internal names, over the DB."""
