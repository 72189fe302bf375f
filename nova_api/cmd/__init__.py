"""Console scripts: nova-api and nova-api-manage."""
