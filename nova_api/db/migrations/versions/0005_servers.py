"""Servers: the servers table, their metadata, addresses and faults, and
the lock row that serialises scheduling.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_MYSQL_TABLE_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8mb4'}


def _timestamps():
    return [
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.Column('updated_at', sa.DateTime, nullable=True),
    ]


def _child_of_server(table):
    return sa.Column(
        'server_id', sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_%s_server_id_servers' % table),
        nullable=False)


def upgrade():
    op.create_table(
        'servers',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('project_id', sa.String(255), nullable=False),
        sa.Column('user_id', sa.String(255), nullable=False),
        sa.Column('name', sa.String(255), nullable=False),
        sa.Column('hostname', sa.String(255), nullable=False),
        sa.Column('image_ref', sa.String(36), nullable=False),
        sa.Column('flavor_ref', sa.String(255), nullable=False),
        sa.Column('vcpus', sa.Integer, nullable=False),
        sa.Column('memory_mb', sa.Integer, nullable=False),
        sa.Column('root_gb', sa.Integer, nullable=False),
        sa.Column('ephemeral_gb', sa.Integer, nullable=False),
        sa.Column('swap', sa.Integer, nullable=False),
        sa.Column('key_name', sa.String(255), nullable=True),
        sa.Column('key_data', sa.Text, nullable=True),
        sa.Column('availability_zone', sa.String(255), nullable=True),
        sa.Column('host', sa.String(255), nullable=True),
        sa.Column('vm_state', sa.String(255), nullable=False),
        sa.Column('task_state', sa.String(255), nullable=True),
        sa.Column('task_started_at', sa.DateTime, nullable=True),
        sa.Column('launched_at', sa.DateTime, nullable=True),
        sa.Column('terminated_at', sa.DateTime, nullable=True),
        sa.Column('access_ip_v4', sa.String(39), nullable=True),
        sa.Column('access_ip_v6', sa.String(39), nullable=True),
        sa.Column('config_drive', sa.String(255), nullable=False),
        sa.Column('disk_config', sa.String(10), nullable=False),
        sa.Column('user_data',
                  sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mysql'),
                  nullable=True),
        sa.Column('reservation_id', sa.String(255), nullable=False),
        sa.Column('launch_index', sa.Integer, nullable=False),
        sa.Column('security_groups', sa.JSON, nullable=False),
        sa.Column('locked_by', sa.String(255), nullable=True),
        sa.Column('deleted_at', sa.DateTime, nullable=True),
        sa.Column('deleted', sa.Integer, nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_servers'),
        sa.UniqueConstraint('uuid', name='uniq_servers0uuid'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_servers_project_id_deleted_created_at_id', 'servers',
                    ['project_id', 'deleted', 'created_at', 'id'])
    op.create_index('ix_servers_deleted_created_at_id', 'servers',
                    ['deleted', 'created_at', 'id'])
    op.create_index('ix_servers_project_id_user_id', 'servers',
                    ['project_id', 'user_id'])
    op.create_index('ix_servers_host_deleted', 'servers',
                    ['host', 'deleted'])
    op.create_index('ix_servers_updated_at', 'servers', ['updated_at'])
    op.create_table(
        'server_metadata',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        _child_of_server('server_metadata'),
        sa.Column('key', sa.String(255), nullable=False),
        sa.Column('value', sa.String(255), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_server_metadata'),
        sa.UniqueConstraint('server_id', 'key',
                            name='uniq_server_metadata0server_id0key'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_table(
        'server_addresses',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        _child_of_server('server_addresses'),
        sa.Column('network', sa.String(255), nullable=False),
        sa.Column('address', sa.String(39), nullable=False),
        sa.Column('version', sa.Integer, nullable=False),
        sa.Column('mac_address', sa.String(17), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_server_addresses'),
        sa.UniqueConstraint('network', 'address',
                            name='uniq_server_addresses0network0address'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_server_addresses_server_id', 'server_addresses',
                    ['server_id'])
    op.create_table(
        'server_faults',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        _child_of_server('server_faults'),
        sa.Column('code', sa.Integer, nullable=False),
        sa.Column('message', sa.String(255), nullable=False),
        sa.Column('details', sa.Text, nullable=True),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_server_faults'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_index('ix_server_faults_server_id', 'server_faults',
                    ['server_id'])
    locks = op.create_table(
        'scheduling_locks',
        sa.Column('name', sa.String(255), nullable=False),
        sa.Column('generation', sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint('name', name='pk_scheduling_locks'),
        **_MYSQL_TABLE_ARGS,
    )
    op.bulk_insert(locks, [{'name': 'scheduler', 'generation': 0}])


def downgrade():
    op.drop_table('scheduling_locks')
    op.drop_table('server_faults')
    op.drop_table('server_addresses')
    op.drop_table('server_metadata')
    op.drop_table('servers')
