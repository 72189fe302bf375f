"""Images: the local image catalog behind /images, seeded with a few
public cloud images.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import datetime

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_MYSQL_TABLE_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8mb4'}

# (uuid, name, size, min_disk, min_ram, disk_format, created, properties)
CATALOG = (
    ('0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01', 'cirros-0.6.2-x86_64-disk',
     21430272, 0, 0, 'qcow2', datetime.datetime(2023, 5, 30, 10, 0, 0),
     {'architecture': 'x86_64', 'os_distro': 'cirros',
      'os_version': '0.6.2', 'hw_disk_bus': 'virtio'}),
    ('6f1e2a4b-5c7d-4e8f-a0b1-c2d3e4f5a602',
     'ubuntu-24.04-server-cloudimg-amd64',
     597000192, 4, 512, 'qcow2', datetime.datetime(2024, 4, 25, 12, 0, 0),
     {'architecture': 'x86_64', 'os_distro': 'ubuntu',
      'os_version': '24.04', 'os_admin_user': 'ubuntu'}),
    ('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03', 'debian-12-genericcloud-amd64',
     347078656, 3, 512, 'qcow2', datetime.datetime(2024, 6, 29, 8, 30, 0),
     {'architecture': 'x86_64', 'os_distro': 'debian',
      'os_version': '12', 'os_admin_user': 'debian',
      'auto_disk_config': 'True'}),
)


def _timestamps():
    return [
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.Column('updated_at', sa.DateTime, nullable=True),
    ]


# The tables as they are at this revision, for the seed rows.
_images = sa.table(
    'images',
    sa.column('id', sa.Integer),
    sa.column('uuid', sa.String),
    sa.column('name', sa.String),
    sa.column('status', sa.String),
    sa.column('size', sa.BigInteger),
    sa.column('min_disk', sa.Integer),
    sa.column('min_ram', sa.Integer),
    sa.column('disk_format', sa.String),
    sa.column('container_format', sa.String),
    sa.column('created_at', sa.DateTime),
    sa.column('updated_at', sa.DateTime),
)
_image_properties = sa.table(
    'image_properties',
    sa.column('image_id', sa.Integer),
    sa.column('key', sa.String),
    sa.column('value', sa.Text),
    sa.column('created_at', sa.DateTime),
)


def upgrade():
    op.create_table(
        'images',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('name', sa.String(255), nullable=True),
        sa.Column('status', sa.String(30), nullable=False),
        sa.Column('size', sa.BigInteger, nullable=True),
        sa.Column('min_disk', sa.Integer, nullable=False),
        sa.Column('min_ram', sa.Integer, nullable=False),
        sa.Column('disk_format', sa.String(20), nullable=True),
        sa.Column('container_format', sa.String(20), nullable=True),
        sa.Column('owner', sa.String(255), nullable=True),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_images'),
        sa.UniqueConstraint('uuid', name='uniq_images0uuid'),
        **_MYSQL_TABLE_ARGS,
    )
    op.create_table(
        'image_properties',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('image_id', sa.Integer, nullable=False),
        sa.Column('key', sa.String(255), nullable=False),
        sa.Column('value', sa.Text, nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name='pk_image_properties'),
        sa.ForeignKeyConstraint(
            ['image_id'], ['images.id'], ondelete='CASCADE',
            name='fk_image_properties_image_id_images'),
        sa.UniqueConstraint(
            'image_id', 'key', name='uniq_image_properties0image_id0key'),
        **_MYSQL_TABLE_ARGS,
    )
    # Fixed ids so that the properties can name their image.
    op.bulk_insert(_images, [
        {'id': number, 'uuid': uuid, 'name': name, 'status': 'active',
         'size': size, 'min_disk': min_disk, 'min_ram': min_ram,
         'disk_format': disk_format, 'container_format': 'bare',
         'created_at': created, 'updated_at': created}
        for number, (uuid, name, size, min_disk, min_ram, disk_format,
                     created, _properties) in enumerate(CATALOG, start=1)
    ])
    op.bulk_insert(_image_properties, [
        {'image_id': number, 'key': key, 'value': value,
         'created_at': image[6]}
        for number, image in enumerate(CATALOG, start=1)
        for key, value in sorted(image[7].items())
    ])
    if op.get_bind().dialect.name == 'postgresql':
        # Explicit ids leave the sequence behind them.
        op.execute("SELECT setval(pg_get_serial_sequence('images', 'id'), "
                   "(SELECT MAX(id) FROM images))")


def downgrade():
    op.drop_table('image_properties')
    op.drop_table('images')
