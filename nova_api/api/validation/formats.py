"""Custom JSON-Schema formats ("name", "uuid" ...) and their checker."""

import base64
import binascii
import re
import unicodedata

import jsonschema
from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api import exception

FORMAT_CHECKER = jsonschema.FormatChecker()

_NAME_RULE = 'printable characters. Can not start or end with whitespace.'
_NAME_WITH_SPACES_RULE = 'printable characters with at least one non space ' \
                         'character'
_AZ_NAME_RULE = 'printable characters except :.Can not start or end with ' \
                'whitespace.'
_AZ_NAME_WITH_SPACES_RULE = 'printable characters except :, with at least ' \
                            'one non space character'


class InvalidName(exception.Invalid):
    msg_fmt = ("An invalid 'name' value was provided. The name must be: "
               "%(reason)s")


def _is_printable(text):
    return all(unicodedata.category(char)[0] != 'C' for char in text)


def _is_space(char):
    return char.isspace() or unicodedata.category(char)[0] == 'Z'


@FORMAT_CHECKER.checks('name', raises=InvalidName)
def check_name(instance):
    if not isinstance(instance, str):
        return True
    if (_is_printable(instance) and
            not (instance and (_is_space(instance[0]) or
                               _is_space(instance[-1])))):
        return True
    raise InvalidName(reason=_NAME_RULE)


@FORMAT_CHECKER.checks('name_with_leading_trailing_spaces',
                       raises=InvalidName)
def check_name_with_spaces(instance):
    """The /v2 name rule: spaces allowed at the ends, not only spaces."""
    if not isinstance(instance, str):
        return True
    if _is_printable(instance) and not all(_is_space(c) for c in instance):
        return True
    raise InvalidName(reason=_NAME_WITH_SPACES_RULE)


@FORMAT_CHECKER.checks('az_name', raises=InvalidName)
def check_az_name(instance):
    """A zone name: a name without ':' (which separates zone and host)."""
    return _check_az_name(instance, check_name, _AZ_NAME_RULE)


@FORMAT_CHECKER.checks('az_name_with_leading_trailing_spaces',
                       raises=InvalidName)
def check_az_name_with_spaces(instance):
    return _check_az_name(instance, check_name_with_spaces,
                          _AZ_NAME_WITH_SPACES_RULE)


def _check_az_name(instance, check, rule):
    try:
        if not isinstance(instance, str) or (
                ':' not in instance and check(instance)):
            return True
    except InvalidName:
        pass
    raise InvalidName(reason=rule)


@FORMAT_CHECKER.checks('uuid')
def check_uuid(instance):
    if not isinstance(instance, str):
        return True
    return uuidutils.is_uuid_like(instance)


@FORMAT_CHECKER.checks('base64')
def check_base64(instance):
    """user_data and personality contents: base64 as Nova decodes it
    (characters outside the alphabet, such as spaces, are skipped)."""
    if not isinstance(instance, str):
        return True
    try:
        base64.b64decode(instance.encode('utf-8'))
    except (binascii.Error, ValueError):
        return False
    return True


@FORMAT_CHECKER.checks('date-time')
def check_date_time(instance):
    """ISO 8601 as Nova parses it (changes-since), without depending on
    which optional validators jsonschema finds installed."""
    if not isinstance(instance, str):
        return True
    try:
        timeutils.parse_isotime(instance)
    except ValueError:
        return False
    return True


@FORMAT_CHECKER.checks('regex')
def check_regex(instance):
    """A Python regular expression; Nova refuses the empty one too."""
    if not isinstance(instance, str):
        return True
    if not instance:
        return False
    try:
        re.compile(instance)
    except re.error:
        return False
    return True
