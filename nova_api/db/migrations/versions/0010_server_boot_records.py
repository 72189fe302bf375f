"""What each server was created from, as it was then: its flavor's name
and extra specs (2.47 embeds them) and its image's properties (2.98
shows them). For the servers that exist they are taken from their
flavors and images as they are now.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    server_flavors = op.create_table(
        'server_flavors',
        sa.Column('server_id', sa.Integer, primary_key=True,
                  autoincrement=False),
        sa.Column('name', sa.String(255), nullable=False),
        sa.Column('extra_specs', sa.JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_server_flavors_server_id_servers'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')
    _copy_flavors(server_flavors)
    server_image_properties = op.create_table(
        'server_image_properties',
        sa.Column('server_id', sa.Integer, primary_key=True,
                  autoincrement=False),
        sa.Column('properties', sa.JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_server_image_properties_server_id_servers'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')
    _copy_image_properties(server_image_properties)


def _copy_image_properties(server_image_properties):
    servers = sa.table('servers', sa.column('id'), sa.column('image_ref'))
    images = sa.table('images', sa.column('id'), sa.column('uuid'))
    properties = sa.table('image_properties', sa.column('image_id'),
                          sa.column('key'), sa.column('value'))
    connection = op.get_bind()
    by_image = {}
    for image_uuid, key, value in connection.execute(sa.select(
            images.c.uuid, properties.c.key, properties.c.value).join(
                properties, properties.c.image_id == images.c.id)):
        by_image.setdefault(image_uuid, {})[key] = value
    rows = [{'server_id': server_id,
             'properties': by_image.get(image_ref, {})}
            for server_id, image_ref in connection.execute(
                sa.select(servers.c.id, servers.c.image_ref))]
    if rows:
        op.bulk_insert(server_image_properties, rows)


def _copy_flavors(server_flavors):
    servers = sa.table('servers', sa.column('id'), sa.column('flavor_ref'))
    flavors = sa.table('flavors', sa.column('id'), sa.column('flavorid'),
                       sa.column('name'))
    specs = sa.table('flavor_extra_specs', sa.column('flavor_id'),
                     sa.column('key'), sa.column('value'))
    connection = op.get_bind()
    by_flavor = {}
    for flavor_id, key, value in connection.execute(sa.select(
            specs.c.flavor_id, specs.c.key, specs.c.value)):
        by_flavor.setdefault(flavor_id, {})[key] = value
    servers_and_flavors = sa.select(
        servers.c.id, servers.c.flavor_ref, flavors.c.id, flavors.c.name,
    ).select_from(servers.outerjoin(
        flavors, flavors.c.flavorid == servers.c.flavor_ref))
    rows = [
        {'server_id': server_id, 'name': name or flavor_ref,
         'extra_specs': by_flavor.get(flavor_id, {})}
        for server_id, flavor_ref, flavor_id, name in connection.execute(
            servers_and_flavors)]
    if rows:
        op.bulk_insert(server_flavors, rows)


def downgrade():
    op.drop_table('server_image_properties')
    op.drop_table('server_flavors')
