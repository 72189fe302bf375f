"""Usage reports (Nova's os-simple-tenant-usage): how many hours each
server ran in a period, and what its flavor's vcpus, memory and disk
come to over those hours, summed per project.

A server counts from its launch to its end (when it was deleted, or
reclaimed after a soft delete), clipped to the period; one that never
launched counts nothing, and deleted servers count for the time they
ran. The period ends now at the latest.
"""

import dataclasses
import datetime

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception

# The formats Nova reads start and end in.
_TIME_FORMATS = ('%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%S.%f',
                 '%Y-%m-%d %H:%M:%S.%f')
_HOUR = datetime.timedelta(hours=1)
TERMINATED = 'terminated'


@dataclasses.dataclass(frozen=True)
class ServerUsage:
    server_id: str
    name: str
    project_id: str
    flavor: str
    vcpus: int
    memory_mb: int
    local_gb: int
    hours: float
    started_at: datetime.datetime
    # None while the server exists.
    ended_at: datetime.datetime | None
    # Its vm_state, or TERMINATED once it ended.
    state: str
    # Seconds from its launch to its end, or to now.
    uptime: int


@dataclasses.dataclass(frozen=True)
class ProjectUsage:
    project_id: str
    start: datetime.datetime
    stop: datetime.datetime
    total_hours: float
    total_vcpus_usage: float
    total_memory_mb_usage: float
    total_local_gb_usage: float
    servers: tuple


def period(start, end):
    """(start, stop) of a report from the query's `start` and `end`
    (text, or None: now), as naive UTC; stop is now at the latest.
    Invalid (400) for a time Nova does not read, or a start not before
    the end."""
    start, stop = _parse_time(start), _parse_time(end)
    if not start < stop:
        raise exception.Invalid('Invalid start time. The start time cannot '
                                'occur after the end time.')
    return start, min(stop, timeutils.utcnow())


def _parse_time(text):
    if not text:
        return timeutils.utcnow()
    for time_format in _TIME_FORMATS:
        try:
            return datetime.datetime.strptime(text, time_format)
        except ValueError:
            pass
    raise exception.InvalidStrTime(reason='Datetime is in invalid format')


def report(context, start, stop, project_id=None, limit=None, marker=None):
    """(ProjectUsages, ServerUsages) of the servers (of `project_id`
    unless None) that ran in [start, stop], by project and server uuid:
    at most `limit` servers after the server `marker` (any server, of
    any project, deleted or not; MarkerNotFound (400) if there is
    none)."""
    durations = backend.task_durations()
    now = timeutils.utcnow()
    with db_api.context_manager.reader.connection.using(context):
        after = None if marker is None else _marker_key(context, marker)
        rows = servers_db.get_in_window(context, start, stop, project_id)
        found = servers.assemble(context, rows, durations, now)
        flavors = servers.embedded_flavors(context, found)
    # Ordered here, not by the database's collation, so that the marker
    # is compared the same way.
    usages = sorted((usage for usage in (
        _usage(server, flavors[server.uuid], start, stop, now)
        for server in found) if usage is not None),
        key=lambda usage: (usage.project_id, usage.server_id))
    if after is not None:
        usages = [usage for usage in usages
                  if (usage.project_id, usage.server_id) > after]
    if limit is not None:
        usages = usages[:limit]
    return _by_project(usages, start, stop), usages


def _marker_key(context, marker):
    try:
        row = servers_db.get(context, marker, include_deleted=True)
    except exception.InstanceNotFound:
        raise exception.MarkerNotFound(marker=marker)
    return row.project_id, row.uuid


def _ended_at(server):
    if server.row.terminated_at is not None:
        return server.row.terminated_at
    if server.vm_state == server_states.DELETED:
        # Reclaimed after a soft delete: when its task took it there.
        return server.task_ends_at
    return None


def _usage(server, flavor, start, stop, now):
    """The server's ServerUsage in [start, stop], or None if it did not
    run then."""
    launched_at, ended_at = server.launched_at, _ended_at(server)
    if launched_at is None or launched_at >= stop or (
            ended_at is not None and ended_at <= start):
        return None
    counted = min(stop, ended_at or stop) - max(launched_at, start)
    return ServerUsage(
        server_id=server.uuid, name=server.name,
        project_id=server.project_id, flavor=flavor.name,
        vcpus=flavor.vcpus, memory_mb=flavor.memory_mb,
        local_gb=flavor.root_gb + flavor.ephemeral_gb,
        # A period that starts after now (its stop is now) counts none.
        hours=max(counted / _HOUR, 0.0),
        started_at=launched_at, ended_at=ended_at,
        state=TERMINATED if ended_at is not None else server.vm_state,
        uptime=int(((ended_at or now) - launched_at).total_seconds()))


def _by_project(usages, start, stop):
    by_project = {}
    for usage in usages:
        by_project.setdefault(usage.project_id, []).append(usage)
    return [ProjectUsage(
        project_id=project_id, start=start, stop=stop,
        total_hours=sum(usage.hours for usage in project),
        total_vcpus_usage=sum(usage.vcpus * usage.hours
                              for usage in project),
        total_memory_mb_usage=sum(usage.memory_mb * usage.hours
                                  for usage in project),
        total_local_gb_usage=sum(usage.local_gb * usage.hours
                                 for usage in project),
        servers=tuple(project)) for project_id, project in by_project.items()]
