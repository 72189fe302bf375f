"""Greetings on the wire: internal names become API names here only."""


def _summary(greeting):
    return {
        'id': greeting.code,
        'language': greeting.language,
        'message': greeting.text,
    }


def index(greetings):
    return {'greetings': [_summary(greeting) for greeting in greetings]}


def show(greeting):
    body = _summary(greeting)
    body['project_id'] = greeting.project_id
    return {'greeting': body}
