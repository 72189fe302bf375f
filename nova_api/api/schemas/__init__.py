"""JSON-Schema of requests, queries and responses, one module per resource."""
