"""Flavor extra specs on the wire.

Create and update echo the request's specs as sent (numbers stay numbers,
as in Nova); reads return the stored strings, sorted by key.
"""


def index(specs):
    return {'extra_specs': dict(sorted(specs.items()))}


def show(key, value):
    return {key: value}


def created(specs):
    return {'extra_specs': specs}


def updated(specs):
    return dict(specs)
