"""A known extra spec: its name, possibly with parameters, and the kind
of value it takes."""

import dataclasses
import re

# The optional request group suffix of resources{group}: and trait{group}:.
GROUP = r'([a-zA-Z0-9_-]{1,64})?'


@dataclasses.dataclass
class Spec:
    """`name` may hold {parameters}, each standing for the text matching
    its pattern in `params`, e.g. Spec('hw:numa_cpus.{num}', ...,
    params={'num': r'\\d+'})."""

    name: str
    value: object
    params: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        regex = self.name
        for param, pattern in self.params.items():
            regex = regex.replace('{%s}' % param, '(%s)' % pattern)
        self.regex = re.compile(regex)
        # What comes before the first colon, e.g. "hw" or
        # "resources(...)"; None for a name without a namespace.
        self.namespace = (regex.split(':', 1)[0] if ':' in regex
                          else None)

    def matches(self, name):
        return self.regex.fullmatch(name) is not None

    def check(self, value):
        self.value.check(value)
