"""A server's metadata on the wire."""


def metadata(items):
    return {'metadata': items}


def meta(key, value):
    return {'meta': {key: value}}
