"""Persistence: SQLAlchemy models, query functions and alembic migrations.

``api`` owns the one enginefacade transaction context; ``flavors`` and
``keypairs`` hold the queries per resource; ``migration`` brings a database
to the current schema.
"""
