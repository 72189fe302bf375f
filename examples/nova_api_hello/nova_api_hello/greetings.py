"""The domain of the plugin: greetings addressed to a project.

This is where a real plugin calls its backend or database. Names here are
internal (``code``, ``text``); the view decides what they are called on
the wire.
"""

import collections

from nova_api import exception

Greeting = collections.namedtuple('Greeting', 'code language text project_id')

# code -> (language, template)
_CATALOGUE = {
    'de': ('German', 'Hallo, Projekt %s!'),
    'en': ('English', 'Hello, project %s!'),
    'es': ('Spanish', '¡Hola, proyecto %s!'),
    'fr': ('French', 'Bonjour, projet %s !'),
}


class GreetingNotFound(exception.NotFound):
    msg_fmt = 'Greeting %(code)s could not be found.'


def _greeting(code, project_id):
    language, template = _CATALOGUE[code]
    return Greeting(code, language, template % project_id, project_id)


def get_all(project_id, language=None):
    """Every greeting for `project_id`, optionally only in `language`."""
    return [_greeting(code, project_id) for code in sorted(_CATALOGUE)
            if language is None or _CATALOGUE[code][0] == language]


def get(project_id, code):
    """The greeting `code` for `project_id`; GreetingNotFound if unknown."""
    if code not in _CATALOGUE:
        raise GreetingNotFound(code=code)
    return _greeting(code, project_id)
