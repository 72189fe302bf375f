"""Server groups and their members.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_MYSQL_TABLE_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8mb4'}


def _timestamps():
    return [
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.Column('updated_at', sa.DateTime, nullable=True),
    ]


def upgrade():
    op.create_table(
        'server_groups',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('project_id', sa.String(255), nullable=False),
        sa.Column('user_id', sa.String(255), nullable=False),
        sa.Column('name', sa.String(255), nullable=False),
        sa.Column('policy', sa.String(255), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_server_groups'),
        sa.UniqueConstraint('uuid', name='uniq_server_groups0uuid'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_server_groups_project_id_user_id', 'server_groups',
                    ['project_id', 'user_id'])
    op.create_table(
        'server_group_members',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('group_id', sa.Integer,
                  sa.ForeignKey(
                      'server_groups.id', ondelete='CASCADE',
                      name='fk_server_group_members_group_id_server_groups'),
                  nullable=False),
        sa.Column('server_uuid', sa.String(36), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_server_group_members'),
        sa.UniqueConstraint(
            'group_id', 'server_uuid',
            name='uniq_server_group_members0group_id0server_uuid'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_server_group_members_server_uuid',
                    'server_group_members', ['server_uuid'])


def downgrade():
    op.drop_table('server_group_members')
    op.drop_table('server_groups')
