"""An image's metadata on the wire: its properties, sorted by key."""


def metadata(properties):
    return {'metadata': dict(sorted(properties.items()))}


def meta(key, value):
    return {'meta': {key: value}}
