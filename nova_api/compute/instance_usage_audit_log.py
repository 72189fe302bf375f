"""The instance usage audit log (Nova's os-instance_usage_audit_log): how
far the compute hosts' usage audit of a period has got.

No host runs Nova's audit task here (its notifications go nowhere), so
every compute host of the period is one that has not run it. The period
is Nova's default audit period, the last month completed before a time
(now by default): from the first of one month to the first of the next,
at midnight UTC.
"""

import dataclasses
import datetime

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api import exception

# The formats a "before" timestamp is read in: with a fraction of a
# second, or without.
_FORMAT = '%Y-%m-%d %H:%M:%S'
_FORMAT_WITH_FRACTION = _FORMAT + '.%f'
_FIRST_PERIOD_ENDING = datetime.datetime(1, 2, 1)


@dataclasses.dataclass(frozen=True)
class AuditLog:
    period_beginning: datetime.datetime
    period_ending: datetime.datetime
    hosts: tuple
    # The hosts that have not run the audit of the period.
    hosts_not_run: tuple
    hosts_done: int = 0
    hosts_running: int = 0
    total_instances: int = 0
    total_errors: int = 0
    # {host: its audit's record}: none here.
    log: dict = dataclasses.field(default_factory=dict)

    @property
    def overall_status(self):
        done = ('ALL' if self.hosts_done == len(self.hosts)
                else '%d of %d' % (self.hosts_done, len(self.hosts)))
        return '%s hosts done. %d errors.' % (done, self.total_errors)


def before_time(text):
    """The naive UTC time of a "before" timestamp; Invalid (400) for one
    Nova does not read."""
    time_format = _FORMAT_WITH_FRACTION if '.' in text else _FORMAT
    try:
        before = datetime.datetime.strptime(text, time_format)
    except ValueError:
        before = None
    # The earliest times have no completed month before them (Nova's
    # answer there is a 500).
    if before is None or before <= _FIRST_PERIOD_ENDING:
        raise exception.Invalid('Invalid timestamp for date %s' % text)
    return before


def audit_log(before=None):
    """The AuditLog of the last period completed before `before` (now if
    None)."""
    beginning, ending = _last_completed_month(before or timeutils.utcnow())
    hosts = tuple(host.name for host in backend.get_driver().get_hosts())
    return AuditLog(period_beginning=beginning, period_ending=ending,
                    hosts=hosts, hosts_not_run=hosts)


def _last_completed_month(before):
    ending = datetime.datetime(before.year, before.month, 1)
    if ending >= before:
        ending = _month_before(ending)
    return _month_before(ending), ending


def _month_before(first):
    if first.month == 1:
        return first.replace(year=first.year - 1, month=12)
    return first.replace(month=first.month - 1)
