"""Quotas: limits of projects and users, and quota classes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
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
        'quotas',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('project_id', sa.String(255), nullable=False),
        sa.Column('user_id', sa.String(255), nullable=True),
        sa.Column('resource', sa.String(255), nullable=False),
        sa.Column('hard_limit', sa.Integer, nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_quotas'),
        sa.UniqueConstraint(
            'project_id', 'user_id', 'resource',
            name='uniq_quotas0project_id0user_id0resource'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_table(
        'quota_classes',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('class_name', sa.String(255), nullable=False),
        sa.Column('resource', sa.String(255), nullable=False),
        sa.Column('hard_limit', sa.Integer, nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_quota_classes'),
        sa.UniqueConstraint(
            'class_name', 'resource',
            name='uniq_quota_classes0class_name0resource'),
        **_MYSQL_TABLE_ARGS,
    )


def downgrade():
    op.drop_table('quota_classes')
    op.drop_table('quotas')
