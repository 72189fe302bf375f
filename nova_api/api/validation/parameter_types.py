"""Reusable JSON-Schema fragments for request bodies and query strings."""

import copy
import re
import unicodedata

# The largest value a signed 32-bit database integer column holds.
DB_MAX_INT = 0x7FFFFFFF


def single_param(schema):
    """A query parameter given once (query values arrive as lists)."""
    wrapped = copy.deepcopy(schema)
    return {'type': 'array', 'items': wrapped, 'minItems': 1, 'maxItems': 1}


def multi_params(schema):
    """A query parameter that may be repeated."""
    return {'type': 'array', 'items': copy.deepcopy(schema)}


# A query string with no parameters of its own: whatever is sent is
# ignored (removed before the controller sees it), as Nova ignores the
# unknown query parameters of these routes at our microversions.
no_query_parameters = {
    'type': 'object',
    'properties': {},
    'additionalProperties': True,
}

# The same from 2.102, where Nova refuses every unknown query parameter
# (400 "Additional properties are not allowed ...").
strict_no_query_parameters = dict(no_query_parameters,
                                  additionalProperties=False)

boolean = {
    'type': ['boolean', 'string'],
    'enum': [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on',
             'YES', 'Yes', 'yes',
             False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off',
             'NO', 'No', 'no'],
}

non_negative_integer = {
    'type': ['integer', 'string'],
    'pattern': '^[0-9]*$',
    'minimum': 0,
    'minLength': 1,
}

positive_integer = {
    'type': ['integer', 'string'],
    'pattern': '^[0-9]*$',
    'minimum': 1,
    'minLength': 1,
}

# limit and marker of a paged list; each may be repeated (the last
# counts).
pagination_parameters = {
    'limit': multi_params(non_negative_integer),
    'marker': multi_params({'type': 'string'}),
}

name = {
    'type': 'string', 'minLength': 1, 'maxLength': 255,
    'format': 'name',
}

name_with_leading_trailing_spaces = {
    'type': 'string', 'minLength': 1, 'maxLength': 255,
    'format': 'name_with_leading_trailing_spaces',
}

# An availability zone's name: a name without ':'.
az_name = dict(name, format='az_name')

az_name_with_leading_trailing_spaces = dict(
    name, format='az_name_with_leading_trailing_spaces')

# A host name or FQDN (compute hosts, guest hostnames). Underscores are
# allowed, as real hosts have them.
fqdn = {
    'type': 'string',
    'pattern': '^[a-zA-Z0-9-._]*$',
    'minLength': 1,
    'maxLength': 255,
}

image_id = {'type': 'string', 'format': 'uuid'}

project_id = {
    'type': 'string', 'minLength': 1, 'maxLength': 255,
    'pattern': '^[a-zA-Z0-9-]*$',
}

user_id = {
    'type': 'string', 'minLength': 1, 'maxLength': 255,
}

# Flavor sizes: integers, or strings of digits, up to the database's limit.
flavor_param_positive = {
    'type': ['integer', 'string'],
    'pattern': '^[0-9]+$',
    'minimum': 1,
    'maximum': DB_MAX_INT,
}

flavor_param_non_negative = dict(flavor_param_positive, minimum=0)

# Key/value metadata (flavor extra specs, server and image metadata):
# string values.
metadata_key = '^[a-zA-Z0-9-_:. ]{1,255}$'

metadata = {
    'type': 'object',
    'patternProperties': {
        metadata_key: {'type': 'string', 'maxLength': 255},
    },
    'additionalProperties': False,
}

# Metadata whose null values delete their keys (aggregates).
metadata_with_null = copy.deepcopy(metadata)
metadata_with_null['patternProperties'][metadata_key]['type'] = [
    'string', 'null']

# The {"meta": {key: value}} of PUT .../metadata/{key}: exactly one item.
metadata_item = dict(copy.deepcopy(metadata),
                     minProperties=1, maxProperties=1)


def _is_printable(char):
    # Letters, marks, numbers, punctuation, symbols and horizontal spaces.
    category = unicodedata.category(char)
    return not category.startswith('C') and (
        category == 'Zs' or not category.startswith('Z'))


def _printable_ranges():
    """The printable characters below U+FFFF as the inside of a regex
    character class, in ranges: Nova's description pattern, which its
    error messages quote in full."""
    ranges = []
    for code in range(0xFFFF):
        if not _is_printable(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ''.join(
        re.escape(chr(low)) if low == high else
        '%s-%s' % (re.escape(chr(low)), re.escape(chr(high)))
        for low, high in ranges)


# Printable text (descriptions): Nova's pattern, which its error messages
# quote in full.
PRINTABLE = '^[%s]*$' % _printable_ranges()

# The "links" of a full page of a collection: the next page's URL.
next_links = {
    'type': 'array',
    'items': {
        'type': 'object',
        'properties': {
            'href': {'type': 'string', 'format': 'uri'},
            'rel': {'type': 'string', 'enum': ['next']},
        },
        'required': ['href', 'rel'],
        'additionalProperties': False,
    },
    'minItems': 1,
    'maxItems': 1,
}

# A timestamp as Nova writes most of them in responses: naive UTC with
# microseconds, no zone suffix (not RFC 3339's date-time: no offset).
naive_timestamp = {
    'type': 'string',
    'pattern': r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$',
}
