"""nova_api_hello: an example plugin that adds /os-hello to nova_api."""
