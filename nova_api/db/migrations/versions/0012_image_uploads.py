"""Images made from servers (createImage, createBackup): when the upload
of each starts and ends, as the image's status follows from them, and
when a backup rotated out by a later one is deleted.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_COLUMNS = ('saving_at', 'active_at', 'deleted_at')


def upgrade():
    with op.batch_alter_table('images') as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.DateTime, nullable=True))


def downgrade():
    with op.batch_alter_table('images') as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
