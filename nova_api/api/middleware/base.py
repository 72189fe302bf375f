"""What every filter of ours shares: wrapping the next app, paste factory."""


class Middleware:
    """A paste filter wrapping `application`."""

    def __init__(self, application):
        self.application = application

    @classmethod
    def factory(cls, global_config, **local_config):
        return cls
