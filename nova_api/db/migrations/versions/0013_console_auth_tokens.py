"""Console tokens (os-remote-consoles, os-console-auth-tokens): the hash
of each token given, where its console is and when it expires.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0013'
# 0012 is being added beside this one; whoever lands second re-chains.
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'console_auth_tokens',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('token_hash', sa.String(255), nullable=False),
        sa.Column('server_id', sa.Integer, nullable=False),
        sa.Column('console_type', sa.String(255), nullable=False),
        sa.Column('host', sa.String(255), nullable=False),
        sa.Column('port', sa.Integer, nullable=False),
        sa.Column('tls_port', sa.Integer, nullable=True),
        sa.Column('internal_access_path', sa.String(255), nullable=True),
        sa.Column('expires', sa.Integer, nullable=False),
        sa.Column('created_at', sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ['server_id'], ['servers.id'], ondelete='CASCADE',
            name='fk_console_auth_tokens_server_id_servers'),
        sa.Index('ix_console_auth_tokens_token_hash', 'token_hash',
                 unique=True),
        sa.Index('ix_console_auth_tokens_expires', 'expires'),
        sa.Index('ix_console_auth_tokens_server_id', 'server_id'),
        mysql_engine='InnoDB', mysql_charset='utf8mb4')


def downgrade():
    op.drop_table('console_auth_tokens')
