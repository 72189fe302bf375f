"""JSON aggregate functions, spelled as each database spells them.

A list of servers reads each server's addresses and metadata in the same
statement as the servers, as correlated subqueries that aggregate the
child rows into one JSON value per server: one round trip and one
decoded value per server instead of a row per address and item.

    json_array_agg(a, b)    [[a, b], ...]  one array per row, any order
    json_object_agg(k, v)   {k: v, ...}

Both are NULL over no rows, as SQL aggregates are. SQLite before 3.44
and MySQL cannot order an aggregate's input, so callers that need an
order put a column to sort by in each array.
"""

import orjson
from sqlalchemy import exc as sa_exc
from sqlalchemy.ext import compiler
from sqlalchemy.sql import functions
from sqlalchemy import types


def _decode(value):
    # psycopg2 and psycopg decode JSON themselves; the SQLite and MySQL
    # drivers hand over its text.
    if value.__class__ is str or value.__class__ is bytes:
        return orjson.loads(value)
    return value


class AggregatedJSON(types.UserDefinedType):
    """An aggregate's JSON value, decoded in one call per value.

    sa.JSON's result processing takes two or three Python calls per value
    (the dialect's wrapper, JSON's, the deserializer), and a list reads
    two aggregates for each of up to [api] max_limit servers.
    """

    cache_ok = True

    def result_processor(self, dialect, coltype):
        return _decode


class json_array_agg(functions.GenericFunction):
    """An array of each row's arguments, as a JSON array."""

    type = AggregatedJSON()
    inherit_cache = True


class json_object_agg(functions.GenericFunction):
    """An object of each row's (key, value), as a JSON object."""

    type = AggregatedJSON()
    inherit_cache = True


_ARRAY_AGG = {
    'sqlite': 'json_group_array(json_array(%s))',
    'postgresql': 'json_agg(json_build_array(%s))',
    'mysql': 'JSON_ARRAYAGG(JSON_ARRAY(%s))',
    'mariadb': 'JSON_ARRAYAGG(JSON_ARRAY(%s))',
}
_OBJECT_AGG = {
    'sqlite': 'json_group_object(%s)',
    'postgresql': 'json_object_agg(%s)',
    'mysql': 'JSON_OBJECTAGG(%s)',
    'mariadb': 'JSON_OBJECTAGG(%s)',
}


def _spelling(spellings, element, sql_compiler, **kw):
    dialect = sql_compiler.dialect.name
    if dialect not in spellings:
        raise sa_exc.CompileError('%s has no spelling for %s'
                                  % (element.name, dialect))
    return spellings[dialect] % sql_compiler.process(element.clauses, **kw)


@compiler.compiles(json_array_agg)
def _compile_array_agg(element, sql_compiler, **kw):
    return _spelling(_ARRAY_AGG, element, sql_compiler, **kw)


@compiler.compiles(json_object_agg)
def _compile_object_agg(element, sql_compiler, **kw):
    return _spelling(_OBJECT_AGG, element, sql_compiler, **kw)
