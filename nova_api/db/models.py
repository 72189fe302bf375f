"""SQLAlchemy models: the tables behind flavors and key pairs.

Constraint and index names are spelled out so that every backend (SQLite,
PostgreSQL, MySQL) ends up with the same names and migrations can refer to
them. Unique constraints follow oslo.db's ``uniq_<table>0<col>0<col>``
convention, from which ``DBDuplicateEntry.columns`` is parsed on PostgreSQL
and MySQL.
"""

import datetime

from oslo_utils import timeutils
import sqlalchemy as sa
from sqlalchemy import orm

KEYPAIR_TYPES = ('ssh', 'x509')


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
