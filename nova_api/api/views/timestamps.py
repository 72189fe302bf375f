"""Timestamps on the wire as Nova writes most of them (its database
objects serialised): naive UTC with microseconds, no zone suffix."""

_TIME_FORMAT = '%Y-%m-%dT%H:%M:%S.%f'


def with_microseconds(value):
    """2018-04-25T01:26:29.585618, or None for None."""
    return value.strftime(_TIME_FORMAT) if value is not None else None
