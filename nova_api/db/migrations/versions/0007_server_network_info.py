"""Each server's addresses, in allocation order, on its own row.

A list reads them with the server, as one JSON column, instead of
aggregating server_addresses per server (as Nova keeps its
instance_info_caches.network_info beside the fixed IP allocations).
server_addresses stays the record of which address is taken.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('servers', sa.Column('network_info', sa.JSON,
                                       nullable=True))
    addresses = sa.table(
        'server_addresses', sa.column('id'), sa.column('server_id'),
        sa.column('network'), sa.column('address'), sa.column('version'),
        sa.column('mac_address'))
    servers = sa.table('servers', sa.column('id'),
                       sa.column('network_info', sa.JSON))
    connection = op.get_bind()
    by_server = {}
    for row in connection.execute(sa.select(addresses).order_by(
            addresses.c.id)):
        by_server.setdefault(row.server_id, []).append(
            [row.network, row.address, row.version, row.mac_address])
    for server_id, network_info in by_server.items():
        connection.execute(
            servers.update().where(servers.c.id == server_id).values(
                network_info=network_info))


def downgrade():
    op.drop_column('servers', 'network_info')
