"""Benchmarks: requests per second through the full pipeline, each beside
a bare webob app measured in the same run under the same server."""
