"""Schemas of the removed APIs: anything goes in, nothing succeeds out.

They answer 410 whatever the request says, as Nova does.
"""

query = {}
request = {}
# Never sent: every method raises 410.
response = {'not': {}}
