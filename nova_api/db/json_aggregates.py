"""JSON aggregates, spelled as each database spells them, and JSON
values read in one call each.

A list of servers reads each server's metadata in the same statement as
the servers, as a correlated subquery that aggregates the child rows into
one JSON value per server: one round trip and one decoded value per
server instead of a row per item.

    json_object_agg(k, v)   {k: v, ...}, NULL over no rows
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


class DecodedJSON(types.UserDefinedType):
    """A JSON value read in one call (an aggregate's, or a JSON column
    read through sa.type_coerce).

    sa.JSON's result processing takes two or three Python calls per value
    (the dialect's wrapper, JSON's, the deserializer), and a list reads
    two JSON values for each of up to [api] max_limit servers.
    """

    cache_ok = True

    def result_processor(self, dialect, coltype):
        return _decode


class json_object_agg(functions.GenericFunction):
    """An object of each row's (key, value), as a JSON object."""

    type = DecodedJSON()
    inherit_cache = True


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


@compiler.compiles(json_object_agg)
def _compile_object_agg(element, sql_compiler, **kw):
    return _spelling(_OBJECT_AGG, element, sql_compiler, **kw)
