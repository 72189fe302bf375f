"""The vm_state of a soft-deleted server is Nova's 'soft-delete': the
rows stored as 'soft-deleted' before it was corrected take it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

_servers = sa.table('servers', sa.column('vm_state', sa.String))


def _rename(old, new):
    op.execute(_servers.update().where(_servers.c.vm_state == old)
               .values(vm_state=new))


def upgrade():
    _rename('soft-deleted', 'soft-delete')


def downgrade():
    _rename('soft-delete', 'soft-deleted')
