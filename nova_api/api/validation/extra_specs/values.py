"""What an extra spec's value may be, and Nova's 400 when it is not.

Each kind checks the string form of a value (numbers in a request are
checked as the strings they are stored as) and raises ValidationError
with the message Nova gives from microversion 2.86.
"""

import dataclasses
import re

from oslo_utils import strutils

from nova_api import exception


def _refuse(reason):
    raise exception.ValidationError(detail='Validation failed; %s.' % reason)


@dataclasses.dataclass(frozen=True)
class Boolean:
    """"true", "1", "yes", "on" ... or their opposites, in any case."""

    def check(self, value):
        try:
            strutils.bool_from_string(value, strict=True)
        except ValueError:
            _refuse("'%s' is not a valid boolean-like value" % value)


@dataclasses.dataclass(frozen=True)
class Integer:
    """A whole number as Python's int() reads it, within the bounds."""

    minimum: int | None = None
    maximum: int | None = None

    def check(self, value):
        try:
            number = int(value)
        except ValueError:
            _refuse("'%s' is not a valid integer value" % value)
        # The bounds name the number read, not the string sent.
        if self.maximum is not None and number > self.maximum:
            _refuse("'%d' is greater than the max value of '%d'"
                    % (number, self.maximum))
        if self.minimum is not None and number < self.minimum:
            _refuse("'%d' is less than the min value of '%d'"
                    % (number, self.minimum))


@dataclasses.dataclass(frozen=True)
class Text:
    """Any string, or one of `choices`, or one matching all of `pattern`."""

    choices: tuple = ()
    pattern: str | None = None

    def check(self, value):
        if self.pattern is not None:
            if re.fullmatch(self.pattern, value) is None:
                _refuse("'%s' is not of the format '%s'"
                        % (value, self.pattern))
        elif self.choices and value not in self.choices:
            _refuse("'%s' is not one of: %s"
                    % (value, ', '.join(self.choices)))


def one_of(*choices):
    return Text(choices=choices)


def matching(pattern):
    return Text(pattern=pattern)


ANY_TEXT = Text()
BOOLEAN = Boolean()
INTEGER = Integer()
NON_NEGATIVE = Integer(minimum=0)
POSITIVE = Integer(minimum=1)
