"""SQLAlchemy models: the tables behind flavors and key pairs.

Constraint and index names are spelled out so that every backend (SQLite,
PostgreSQL, MySQL) ends up with the same names and migrations can refer to
them. Unique constraints follow oslo.db's ``uniq_<table>0<col>0<col>``
convention, from which ``DBDuplicateEntry.columns`` is parsed on PostgreSQL
and MySQL.
"""

import datetime
import ipaddress

from oslo_utils import timeutils
import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy import orm


def _utcnow():
    # A plain function: SQLAlchemy would pass an execution context to
    # timeutils.utcnow's first parameter (with_timezone).
    return timeutils.utcnow()


def _unique_columns(constraint, table):
    return '0'.join(column.name for column in constraint.columns)


NAMING_CONVENTION = {
    'unique_columns': _unique_columns,
    'uq': 'uniq_%(table_name)s0%(unique_columns)s',
    'ix': 'ix_%(table_name)s_%(column_0_N_name)s',
    'fk': 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
    'pk': 'pk_%(table_name)s',
}

_MYSQL_TABLE_ARGS = {'mysql_engine': 'InnoDB', 'mysql_charset': 'utf8mb4'}


class IPv6String(sa.types.TypeDecorator):
    """A string column that stores an IPv6 address in its shortest form
    (RFC 5952), as Nova stores accessIPv6: what clients read back and
    filter by is the canonical form. Other values pass unchanged."""

    impl = sa.String(39)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        try:
            return ipaddress.IPv6Address(value).compressed
        except ValueError:
            return value


class Base(orm.DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    """created_at and updated_at in naive UTC, like oslo.db's mixin."""

    created_at: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime, default=_utcnow)
    updated_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime, onupdate=_utcnow)


class Flavor(TimestampMixin, Base):
    __tablename__ = 'flavors'
    __table_args__ = (
        sa.UniqueConstraint('flavorid', name='uniq_flavors0flavorid'),
        sa.UniqueConstraint('name', name='uniq_flavors0name'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    flavorid: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    memory_mb: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    vcpus: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    root_gb: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    ephemeral_gb: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)
    swap: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)
    rxtx_factor: orm.Mapped[float] = orm.mapped_column(sa.Float, default=1.0)
    vcpu_weight: orm.Mapped[int | None] = orm.mapped_column(sa.Integer)
    disabled: orm.Mapped[bool] = orm.mapped_column(sa.Boolean, default=False)
    is_public: orm.Mapped[bool] = orm.mapped_column(sa.Boolean, default=True)
    description: orm.Mapped[str | None] = orm.mapped_column(sa.Text)

    def __repr__(self):
        return f'<Flavor {self.flavorid!r} {self.name!r}>'


class FlavorExtraSpec(TimestampMixin, Base):
    __tablename__ = 'flavor_extra_specs'
    __table_args__ = (
        sa.UniqueConstraint(
            'flavor_id', 'key', name='uniq_flavor_extra_specs0flavor_id0key'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    flavor_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('flavors.id', ondelete='CASCADE',
                      name='fk_flavor_extra_specs_flavor_id_flavors'))
    key: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    value: orm.Mapped[str] = orm.mapped_column(sa.String(255))


class FlavorProject(TimestampMixin, Base):
    """A project that may use a private flavor."""

    __tablename__ = 'flavor_projects'
    __table_args__ = (
        sa.UniqueConstraint(
            'flavor_id', 'project_id',
            name='uniq_flavor_projects0flavor_id0project_id'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    flavor_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('flavors.id', ondelete='CASCADE',
                      name='fk_flavor_projects_flavor_id_flavors'))
    project_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))


class KeyPair(TimestampMixin, Base):
    __tablename__ = 'key_pairs'
    __table_args__ = (
        sa.UniqueConstraint(
            'user_id', 'name', name='uniq_key_pairs0user_id0name'),
        sa.CheckConstraint(
            "type IN ('ssh', 'x509')", name='ck_key_pairs_type'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    fingerprint: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    public_key: orm.Mapped[str] = orm.mapped_column(sa.Text)
    type: orm.Mapped[str] = orm.mapped_column(sa.String(10), default='ssh')

    def __repr__(self):
        return f'<KeyPair {self.user_id!r} {self.name!r}>'


class Quota(TimestampMixin, Base):
    """A project's limit of a resource, or (with user_id) a user's in it."""

    __tablename__ = 'quotas'
    __table_args__ = (
        # user_id is NULL for the project's own limit; NULLs never collide
        # in a unique constraint, so nova_api.db.quotas keeps those rows
        # unique itself.
        sa.UniqueConstraint(
            'project_id', 'user_id', 'resource',
            name='uniq_quotas0project_id0user_id0resource'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    project_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    resource: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    hard_limit: orm.Mapped[int] = orm.mapped_column(sa.Integer)


class QuotaClass(TimestampMixin, Base):
    """A named set of limits; the class 'default' overrides [quota]."""

    __tablename__ = 'quota_classes'
    __table_args__ = (
        sa.UniqueConstraint(
            'class_name', 'resource',
            name='uniq_quota_classes0class_name0resource'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    class_name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    resource: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    hard_limit: orm.Mapped[int] = orm.mapped_column(sa.Integer)


class Image(TimestampMixin, Base):
    """An image of the local catalog served by /images (Nova's proxy to
    the image service)."""

    __tablename__ = 'images'
    __table_args__ = (
        sa.UniqueConstraint('uuid', name='uniq_images0uuid'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    name: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    # The image service's lower-case status: active, queued, saving ...
    status: orm.Mapped[str] = orm.mapped_column(sa.String(30))
    size: orm.Mapped[int | None] = orm.mapped_column(sa.BigInteger)
    min_disk: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)
    min_ram: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)
    disk_format: orm.Mapped[str | None] = orm.mapped_column(sa.String(20))
    container_format: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(20))
    # The project that owns the image; None for the cloud's own catalog,
    # which only administrators change.
    owner: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    # An image made from a server: its status is queued until saving_at,
    # saving until active_at, then `status`; it is gone from deleted_at
    # on (a backup rotated out). Reads apply these (nova_api.db.images).
    saving_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)
    active_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)
    deleted_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)

    def __repr__(self):
        return f'<Image {self.uuid!r} {self.name!r}>'


class ImageProperty(TimestampMixin, Base):
    """A key/value property of an image (its metadata on the wire)."""

    __tablename__ = 'image_properties'
    __table_args__ = (
        sa.UniqueConstraint(
            'image_id', 'key', name='uniq_image_properties0image_id0key'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    image_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('images.id', ondelete='CASCADE',
                      name='fk_image_properties_image_id_images'))
    key: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    value: orm.Mapped[str] = orm.mapped_column(sa.Text)


class Server(TimestampMixin, Base):
    """A server (Nova's instance). Its state is stored as the state its
    last task started from, the task and when it started; what the server
    is in now follows from those (nova_api.compute.server_states).

    The flavor is copied in when the server is created, as Nova does: the
    server keeps its size and shows its flavor id if the flavor is
    deleted. Deleting a server is soft (``deleted`` takes the row's id):
    changes-since lists still show it, as DELETED.
    """

    __tablename__ = 'servers'
    __table_args__ = (
        sa.UniqueConstraint('uuid', name='uniq_servers0uuid'),
        sa.Index('ix_servers_project_id_deleted_created_at_id',
                 'project_id', 'deleted', 'created_at', 'id'),
        sa.Index('ix_servers_deleted_created_at_id',
                 'deleted', 'created_at', 'id'),
        sa.Index('ix_servers_project_id_user_id', 'project_id', 'user_id'),
        sa.Index('ix_servers_host_deleted', 'host', 'deleted'),
        sa.Index('ix_servers_updated_at', 'updated_at'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    project_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    hostname: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    image_ref: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    # The flavor as it was at create time.
    flavor_ref: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    vcpus: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    memory_mb: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    root_gb: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    ephemeral_gb: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    swap: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    key_name: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    key_data: orm.Mapped[str | None] = orm.mapped_column(sa.Text)
    # The zone asked for, or the scheduled host's zone.
    availability_zone: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(255))
    # None while unscheduled and when no host had room.
    host: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    vm_state: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    task_state: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    task_started_at: orm.Mapped[datetime.datetime | None] = (
        orm.mapped_column(sa.DateTime))
    launched_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)
    terminated_at: orm.Mapped[datetime.datetime | None] = (
        orm.mapped_column(sa.DateTime))
    access_ip_v4: orm.Mapped[str | None] = orm.mapped_column(sa.String(39))
    access_ip_v6: orm.Mapped[str | None] = orm.mapped_column(IPv6String())
    config_drive: orm.Mapped[str] = orm.mapped_column(
        sa.String(255), default='')
    disk_config: orm.Mapped[str] = orm.mapped_column(
        sa.String(10), default='MANUAL')
    # Base64 as the client sent it; up to 64 KiB.
    user_data: orm.Mapped[str | None] = orm.mapped_column(
        sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mysql'))
    reservation_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    launch_index: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)
    # Names of the security groups asked for at create.
    security_groups: orm.Mapped[list] = orm.mapped_column(sa.JSON)
    # The server's addresses as lists read them, in allocation order:
    # [[network, address, version, mac_address], ...]; None once deleted.
    # server_addresses holds the same, as the record of what is taken.
    network_info: orm.Mapped[list | None] = orm.mapped_column(sa.JSON)
    # 'admin' or 'owner' while locked (Nova's locked_by), else None.
    locked_by: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    # Why it was locked (2.73), while locked.
    locked_reason: orm.Mapped[str | None] = orm.mapped_column(sa.Text)
    # What the user says the server is for (2.19).
    description: orm.Mapped[str | None] = orm.mapped_column(sa.Text)
    # Certificate ids the image's signature must be signed with (2.63).
    trusted_image_certificates: orm.Mapped[list | None] = (
        orm.mapped_column(sa.JSON))
    # The scheduler hints given at create, as the client sent them (2.100).
    scheduler_hints: orm.Mapped[dict | None] = orm.mapped_column(sa.JSON)
    # The zone the server must stay in: the one asked for at create, or
    # set by an update (2.96, 2.104); None when free to move.
    pinned_availability_zone: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(255))
    deleted_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)
    # 0 while the server exists; its id once deleted (oslo.db's rule).
    deleted: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)

    def __repr__(self):
        return f'<Server {self.uuid!r} {self.name!r}>'


class ServerMetadata(TimestampMixin, Base):
    """A key/value pair of a server's metadata."""

    __tablename__ = 'server_metadata'
    __table_args__ = (
        sa.UniqueConstraint(
            'server_id', 'key', name='uniq_server_metadata0server_id0key'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_metadata_server_id_servers'))
    key: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    value: orm.Mapped[str] = orm.mapped_column(sa.String(255))


class ServerFlavor(Base):
    """The name and extra specs of the flavor a server was created with,
    as Nova embeds the flavor in the server (2.47): they stay what they
    were when the flavor changes or goes. (The sizes are the server's own
    columns.)"""

    __tablename__ = 'server_flavors'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_flavors_server_id_servers'),
        primary_key=True, autoincrement=False)
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    extra_specs: orm.Mapped[dict] = orm.mapped_column(sa.JSON)


class ServerImageProperties(Base):
    """The properties of the image a server was booted from, as they were
    then (2.98 shows them, as Nova shows what it copied at create)."""

    __tablename__ = 'server_image_properties'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_image_properties_server_id_servers'),
        primary_key=True, autoincrement=False)
    properties: orm.Mapped[dict] = orm.mapped_column(sa.JSON)


class ServerTag(Base):
    """A tag of a server (2.26): up to 50 per server, 60 characters each,
    kept in the order of their names."""

    __tablename__ = 'server_tags'
    __table_args__ = (
        sa.Index('ix_server_tags_tag', 'tag'),
        _MYSQL_TABLE_ARGS,
    )

    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_tags_server_id_servers'),
        primary_key=True, autoincrement=False)
    tag: orm.Mapped[str] = orm.mapped_column(sa.String(60),
                                             primary_key=True)


class ServerAddress(TimestampMixin, Base):
    """A fixed address of a server on a network of the compute driver.
    An address belongs to one server at a time; it is freed (the row
    removed) when the server is deleted."""

    __tablename__ = 'server_addresses'
    __table_args__ = (
        sa.UniqueConstraint(
            'network', 'address',
            name='uniq_server_addresses0network0address'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_addresses_server_id_servers'),
        index=True)
    # The network's name, as the addresses of a server are keyed.
    network: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    address: orm.Mapped[str] = orm.mapped_column(sa.String(39))
    version: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    mac_address: orm.Mapped[str] = orm.mapped_column(sa.String(17))


class ServerFault(TimestampMixin, Base):
    """Why a server went to ERROR (NoValidHost, say)."""

    __tablename__ = 'server_faults'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_faults_server_id_servers'),
        index=True)
    code: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    message: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    details: orm.Mapped[str | None] = orm.mapped_column(sa.Text)


class ServerPassword(TimestampMixin, Base):
    """The encrypted password a server's guest posted ('' once cleared),
    as Nova keeps it in the instance's system metadata."""

    __tablename__ = 'server_passwords'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_server_passwords_server_id_servers'),
        primary_key=True, autoincrement=False)
    password: orm.Mapped[str] = orm.mapped_column(sa.Text)


class InstanceAction(Base):
    """An action a request started on a server (Nova's instance action):
    who asked, when, under which request id. Its events tell how the
    work went."""

    __tablename__ = 'instance_actions'
    __table_args__ = (
        sa.Index('ix_instance_actions_server_id_request_id',
                 'server_id', 'request_id'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_instance_actions_server_id_servers'))
    action: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    request_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    project_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    start_time: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime)
    # When the row was stored: actions list newest first by it. (When
    # the action last changed follows from its events.)
    created_at: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime, default=_utcnow)


class InstanceActionEvent(Base):
    """A step of an instance action's work (a compute manager call, say).
    It is stored whole when the action starts: its finish_time and
    result are when and how the simulated work ends, shown once that
    time has come."""

    __tablename__ = 'instance_action_events'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    action_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey(
            'instance_actions.id', ondelete='CASCADE',
            name='fk_instance_action_events_action_id_instance_actions'),
        index=True)
    event: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    start_time: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime)
    finish_time: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime)
    result: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    host: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    details: orm.Mapped[str | None] = orm.mapped_column(sa.Text)
    traceback: orm.Mapped[str | None] = orm.mapped_column(sa.Text)


class ConsoleAuthToken(Base):
    """A console token given to a caller (Nova's console_auth_tokens):
    only its SHA-256 hash is stored, with where the console is and when
    the token expires (a Unix time, as Nova stores it)."""

    __tablename__ = 'console_auth_tokens'
    __table_args__ = (
        sa.Index('ix_console_auth_tokens_token_hash', 'token_hash',
                 unique=True),
        sa.Index('ix_console_auth_tokens_expires', 'expires'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    token_hash: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_console_auth_tokens_server_id_servers'),
        index=True)
    console_type: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    host: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    port: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    tls_port: orm.Mapped[int | None] = orm.mapped_column(sa.Integer)
    internal_access_path: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(255))
    expires: orm.Mapped[int] = orm.mapped_column(sa.Integer)
    created_at: orm.Mapped[datetime.datetime] = orm.mapped_column(
        sa.DateTime, default=_utcnow)


class Aggregate(TimestampMixin, Base):
    """A host aggregate (Nova's API database aggregates): a named set of
    compute hosts with metadata; its ``availability_zone`` key is the zone
    of its hosts. Deleted rows go (Nova's API database keeps none)."""

    __tablename__ = 'aggregates'
    __table_args__ = (
        sa.UniqueConstraint('name', name='uniq_aggregates0name'),
        sa.UniqueConstraint('uuid', name='uniq_aggregates0uuid'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))


class AggregateHost(TimestampMixin, Base):
    """A compute host of an aggregate, by host name."""

    __tablename__ = 'aggregate_hosts'
    __table_args__ = (
        sa.UniqueConstraint(
            'host', 'aggregate_id',
            name='uniq_aggregate_hosts0host0aggregate_id'),
        sa.Index('ix_aggregate_hosts_aggregate_id', 'aggregate_id'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    host: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    aggregate_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('aggregates.id', ondelete='CASCADE',
                      name='fk_aggregate_hosts_aggregate_id_aggregates'))


class AggregateMetadata(TimestampMixin, Base):
    """A key and value of an aggregate's metadata."""

    __tablename__ = 'aggregate_metadata'
    __table_args__ = (
        sa.UniqueConstraint(
            'aggregate_id', 'key',
            name='uniq_aggregate_metadata0aggregate_id0key'),
        sa.Index('ix_aggregate_metadata_key', 'key'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    aggregate_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('aggregates.id', ondelete='CASCADE',
                      name='fk_aggregate_metadata_aggregate_id_aggregates'))
    key: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    value: orm.Mapped[str] = orm.mapped_column(sa.String(255))


class Service(TimestampMixin, Base):
    """A service of the deployment (Nova's services): one per compute host
    (binary nova-compute) and per control service, created the first time
    services are read. Deleting one is soft (``deleted`` is true) and the
    row stays, so the unique (host, binary) keeps it from being created
    again while the host stays configured."""

    __tablename__ = 'services'
    __table_args__ = (
        sa.UniqueConstraint('host', 'binary',
                            name='uniq_services0host0binary'),
        sa.UniqueConstraint('uuid', name='uniq_services0uuid'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    host: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    binary: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    topic: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    disabled: orm.Mapped[bool] = orm.mapped_column(sa.Boolean,
                                                   default=False)
    disabled_reason: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(255))
    forced_down: orm.Mapped[bool] = orm.mapped_column(sa.Boolean,
                                                      default=False)
    deleted_at: orm.Mapped[datetime.datetime | None] = orm.mapped_column(
        sa.DateTime)
    deleted: orm.Mapped[bool] = orm.mapped_column(sa.Boolean,
                                                  default=False)


class Migration(TimestampMixin, Base):
    """A move of a server between hosts (Nova's migrations): a resize, a
    cold migration, and the live migrations and evacuations to come. The
    status stored is the one the last API call set, at updated_at (or
    created_at); the statuses it then goes through follow from the
    server's task durations (nova_api.compute.migration_records). The
    flavors are copied in, as Nova keeps old_flavor and new_flavor on the
    instance: a revert returns to the old one even once it is deleted."""

    __tablename__ = 'migrations'
    __table_args__ = (
        sa.UniqueConstraint('uuid', name='uniq_migrations0uuid'),
        sa.Index('ix_migrations_server_id', 'server_id'),
        sa.Index('ix_migrations_created_at_id', 'created_at', 'id'),
        sa.Index('ix_migrations_source_compute_dest_compute_status',
                 'source_compute', 'dest_compute', 'status'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    server_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('servers.id', ondelete='CASCADE',
                      name='fk_migrations_server_id_servers'))
    instance_uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    source_compute: orm.Mapped[str | None] = orm.mapped_column(
        sa.String(255))
    dest_compute: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    source_node: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    dest_node: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    dest_host: orm.Mapped[str | None] = orm.mapped_column(sa.String(255))
    # The flavors' internal ids (flavors.id), as Nova shows them.
    old_instance_type_id: orm.Mapped[int | None] = orm.mapped_column(
        sa.Integer)
    new_instance_type_id: orm.Mapped[int | None] = orm.mapped_column(
        sa.Integer)
    # {flavor_ref, name, vcpus, memory_mb, root_gb, ephemeral_gb, swap,
    # extra_specs} of each.
    old_flavor: orm.Mapped[dict | None] = orm.mapped_column(sa.JSON)
    new_flavor: orm.Mapped[dict | None] = orm.mapped_column(sa.JSON)
    # resize, migration, live-migration or evacuation.
    migration_type: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    status: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    project_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    # A live migration's progress (Nova's memory_* and disk_*, bytes).
    memory_total: orm.Mapped[int | None] = orm.mapped_column(sa.BigInteger)
    memory_processed: orm.Mapped[int | None] = orm.mapped_column(
        sa.BigInteger)
    memory_remaining: orm.Mapped[int | None] = orm.mapped_column(
        sa.BigInteger)
    disk_total: orm.Mapped[int | None] = orm.mapped_column(sa.BigInteger)
    disk_processed: orm.Mapped[int | None] = orm.mapped_column(sa.BigInteger)
    disk_remaining: orm.Mapped[int | None] = orm.mapped_column(sa.BigInteger)


class SchedulingLock(Base):
    """A row whose update serialises the creates that must see each
    other: placing servers on hosts and checking quotas. Updating it first
    thing in a transaction takes a row lock on PostgreSQL and MySQL and
    the write lock on SQLite, held until commit."""

    __tablename__ = 'scheduling_locks'
    __table_args__ = (_MYSQL_TABLE_ARGS,)

    name: orm.Mapped[str] = orm.mapped_column(sa.String(255),
                                              primary_key=True)
    generation: orm.Mapped[int] = orm.mapped_column(sa.Integer, default=0)


class ServerGroup(TimestampMixin, Base):
    """A named set of servers that must share a host (affinity) or must
    not (anti-affinity). The API shows ``uuid`` as its id and the policy
    as a one-item list."""

    __tablename__ = 'server_groups'
    __table_args__ = (
        sa.UniqueConstraint('uuid', name='uniq_server_groups0uuid'),
        sa.Index('ix_server_groups_project_id_user_id',
                 'project_id', 'user_id'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
    project_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    user_id: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    name: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    # No CHECK on the values: the API's schemas decide which policies a
    # microversion accepts (2.15 adds the soft ones).
    policy: orm.Mapped[str] = orm.mapped_column(sa.String(255))
    # The policy's rules (2.64), e.g. {"max_server_per_host": 3}.
    rules: orm.Mapped[dict | None] = orm.mapped_column(sa.JSON)

    def __repr__(self):
        return f'<ServerGroup {self.uuid!r} {self.name!r}>'


class ServerGroupMember(TimestampMixin, Base):
    """A server of a group, by uuid. The row goes with its group, and with
    its server when that is deleted (compute.server_groups.remove_member).
    """

    __tablename__ = 'server_group_members'
    __table_args__ = (
        sa.UniqueConstraint(
            'group_id', 'server_uuid',
            name='uniq_server_group_members0group_id0server_uuid'),
        sa.Index('ix_server_group_members_server_uuid', 'server_uuid'),
        _MYSQL_TABLE_ARGS,
    )

    id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer, primary_key=True, autoincrement=True)
    group_id: orm.Mapped[int] = orm.mapped_column(
        sa.Integer,
        sa.ForeignKey('server_groups.id', ondelete='CASCADE',
                      name='fk_server_group_members_group_id_server_groups'))
    server_uuid: orm.Mapped[str] = orm.mapped_column(sa.String(36))
