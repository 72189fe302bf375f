"""Nova's classic default flavors, m1.tiny to m1.xlarge.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op
from oslo_utils import timeutils
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (flavorid, name, memory_mb, vcpus, root_gb)
DEFAULT_FLAVORS = (
    ('1', 'm1.tiny', 512, 1, 1),
    ('2', 'm1.small', 2048, 1, 20),
    ('3', 'm1.medium', 4096, 2, 40),
    ('4', 'm1.large', 8192, 4, 80),
    ('5', 'm1.xlarge', 16384, 8, 160),
)

# The table as it is at this revision, not as models.py says today.
_flavors = sa.table(
    'flavors',
    sa.column('flavorid', sa.String),
    sa.column('name', sa.String),
    sa.column('memory_mb', sa.Integer),
    sa.column('vcpus', sa.Integer),
    sa.column('root_gb', sa.Integer),
    sa.column('ephemeral_gb', sa.Integer),
    sa.column('swap', sa.Integer),
    sa.column('rxtx_factor', sa.Float),
    sa.column('disabled', sa.Boolean),
    sa.column('is_public', sa.Boolean),
    sa.column('created_at', sa.DateTime),
)


def upgrade():
    now = timeutils.utcnow()
    op.bulk_insert(_flavors, [
        {'flavorid': flavorid, 'name': name, 'memory_mb': memory_mb,
         'vcpus': vcpus, 'root_gb': root_gb, 'ephemeral_gb': 0, 'swap': 0,
         'rxtx_factor': 1.0, 'disabled': False, 'is_public': True,
         'created_at': now}
        for flavorid, name, memory_mb, vcpus, root_gb in DEFAULT_FLAVORS
    ])


def downgrade():
    op.execute(_flavors.delete().where(
        _flavors.c.flavorid.in_([flavor[0] for flavor in DEFAULT_FLAVORS])))
