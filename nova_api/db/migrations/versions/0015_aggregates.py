"""Host aggregates (os-aggregates): the aggregates, their hosts and their
metadata, as Nova's API database has them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_MYSQL_TABLE_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8mb4'}


def _timestamps():
    return [
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.Column('updated_at', sa.DateTime, nullable=True),
    ]


def _aggregate_id(table):
    return sa.Column(
        'aggregate_id', sa.Integer,
        sa.ForeignKey('aggregates.id', ondelete='CASCADE',
                      name='fk_%s_aggregate_id_aggregates' % table),
        nullable=False)


def upgrade():
    op.create_table(
        'aggregates',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('name', sa.String(255), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_aggregates'),
        sa.UniqueConstraint('name', name='uniq_aggregates0name'),
        sa.UniqueConstraint('uuid', name='uniq_aggregates0uuid'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_table(
        'aggregate_hosts',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('host', sa.String(255), nullable=False),
        _aggregate_id('aggregate_hosts'),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_aggregate_hosts'),
        sa.UniqueConstraint('host', 'aggregate_id',
                            name='uniq_aggregate_hosts0host0aggregate_id'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_aggregate_hosts_aggregate_id', 'aggregate_hosts',
                    ['aggregate_id'])
    op.create_table(
        'aggregate_metadata',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        _aggregate_id('aggregate_metadata'),
        sa.Column('key', sa.String(255), nullable=False),
        sa.Column('value', sa.String(255), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_aggregate_metadata'),
        sa.UniqueConstraint('aggregate_id', 'key',
                            name='uniq_aggregate_metadata0aggregate_id0key'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_aggregate_metadata_key', 'aggregate_metadata',
                    ['key'])


def downgrade():
    op.drop_table('aggregate_metadata')
    op.drop_table('aggregate_hosts')
    op.drop_table('aggregates')
