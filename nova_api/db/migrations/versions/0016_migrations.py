"""Migration records (os-migrations): resizes and cold migrations, and
the live migrations and evacuations to come.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'migrations',
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.Column('updated_at', sa.DateTime, nullable=True),
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('server_id', sa.Integer, nullable=False),
        sa.Column('instance_uuid', sa.String(36), nullable=False),
        sa.Column('source_compute', sa.String(255), nullable=True),
        sa.Column('dest_compute', sa.String(255), nullable=True),
        sa.Column('source_node', sa.String(255), nullable=True),
        sa.Column('dest_node', sa.String(255), nullable=True),
        sa.Column('dest_host', sa.String(255), nullable=True),
        sa.Column('old_instance_type_id', sa.Integer, nullable=True),
        sa.Column('new_instance_type_id', sa.Integer, nullable=True),
        sa.Column('old_flavor', sa.JSON, nullable=True),
        sa.Column('new_flavor', sa.JSON, nullable=True),
        sa.Column('migration_type', sa.String(255), nullable=False),
        sa.Column('status', sa.String(255), nullable=False),
        sa.Column('user_id', sa.String(255), nullable=False),
        sa.Column('project_id', sa.String(255), nullable=False),
        sa.Column('memory_total', sa.BigInteger, nullable=True),
        sa.Column('memory_processed', sa.BigInteger, nullable=True),
        sa.Column('memory_remaining', sa.BigInteger, nullable=True),
        sa.Column('disk_total', sa.BigInteger, nullable=True),
        sa.Column('disk_processed', sa.BigInteger, nullable=True),
        sa.Column('disk_remaining', sa.BigInteger, nullable=True),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_migrations_server_id_servers'),
        sa.UniqueConstraint('uuid', name='uniq_migrations0uuid'),
        sa.Index('ix_migrations_server_id', 'server_id'),
        sa.Index('ix_migrations_created_at_id', 'created_at', 'id'),
        sa.Index('ix_migrations_source_compute_dest_compute_status',
                 'source_compute', 'dest_compute', 'status'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')


def downgrade():
    op.drop_table('migrations')
