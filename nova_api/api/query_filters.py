"""Turning list filters from the query string into values, with Nova's 400
("Invalid minRam filter [x]") for one that does not parse."""

from oslo_utils import timeutils

from nova_api import exception


def integer(name, value):
    try:
        return int(value)
    except ValueError:
        raise exception.InvalidFilter(name=name, value=value)


def timestamp(name, value):
    """An ISO 8601 time as a naive UTC datetime."""
    try:
        return timeutils.normalize_time(timeutils.parse_isotime(value))
    except ValueError:
        raise exception.InvalidFilter(name=name, value=value)
