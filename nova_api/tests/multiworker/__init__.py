"""nova-api with several uWSGI workers on one PostgreSQL or MySQL database.

Each test class starts a real ``nova-api`` (4 workers) on a database of
its own and drives it from many client threads at once, each request on a
new connection so any worker may answer it.
"""
