"""The events as the wire answers them: each as it was sent, with the
code and status of its outcome."""


def create(events, outcomes):
    return {'events': [dict(event, code=outcome.code, status=outcome.status)
                       for event, outcome in zip(events, outcomes)]}
