"""What was done to each server and when (os-instance-actions): one row
per action a request started, and the events of its work.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'instance_actions',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('server_id', sa.Integer, nullable=False),
        sa.Column('action', sa.String(255), nullable=False),
        sa.Column('request_id', sa.String(255), nullable=False),
        sa.Column('user_id', sa.String(255), nullable=True),
        sa.Column('project_id', sa.String(255), nullable=True),
        sa.Column('start_time', sa.DateTime, nullable=False),
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_instance_actions_server_id_servers'),
        sa.Index('ix_instance_actions_server_id_request_id',
                 'server_id', 'request_id'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')
    op.create_table(
        'instance_action_events',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('action_id', sa.Integer, nullable=False),
        sa.Column('event', sa.String(255), nullable=False),
        sa.Column('start_time', sa.DateTime, nullable=False),
        sa.Column('finish_time', sa.DateTime, nullable=False),
        sa.Column('result', sa.String(255), nullable=False),
        sa.Column('host', sa.String(255), nullable=True),
        sa.Column('details', sa.Text, nullable=True),
        sa.Column('traceback', sa.Text, nullable=True),
        sa.ForeignKeyConstraint(
            ['action_id'], ['instance_actions.id'], ondelete='CASCADE',
            name='fk_instance_action_events_action_id_instance_actions'),
        sa.Index('ix_instance_action_events_action_id', 'action_id'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')


def downgrade():
    op.drop_table('instance_action_events')
    op.drop_table('instance_actions')
