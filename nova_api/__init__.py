"""nova_api: a standalone OpenStack Compute (Nova) API service."""
