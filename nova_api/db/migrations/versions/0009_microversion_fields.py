"""What microversions 2.19 to 2.104 store: a server's description, lock
reason, trusted image certificates, scheduler hints and pinned zone, its
tags, and a server group's rules.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_SERVER_COLUMNS = (
    ('locked_reason', sa.Text),
    ('description', sa.Text),
    ('trusted_image_certificates', sa.JSON),
    ('scheduler_hints', sa.JSON),
    ('pinned_availability_zone', sa.String(255)),
)


def upgrade():
    for name, column_type in _SERVER_COLUMNS:
        op.add_column('servers', sa.Column(name, column_type, nullable=True))
    op.add_column('server_groups', sa.Column('rules', sa.JSON, nullable=True))
    op.create_table(
        'server_tags',
        sa.Column('server_id', sa.Integer, primary_key=True,
                  autoincrement=False),
        sa.Column('tag', sa.String(60), primary_key=True),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_server_tags_server_id_servers'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')
    op.create_index('ix_server_tags_tag', 'server_tags', ['tag'])


def downgrade():
    op.drop_table('server_tags')
    with op.batch_alter_table('server_groups') as batch:
        batch.drop_column('rules')
    with op.batch_alter_table('servers') as batch:
        for name, _column_type in reversed(_SERVER_COLUMNS):
            batch.drop_column(name)
