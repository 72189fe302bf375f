"""/servers/{server_id}/tags (2.26), tags in the server views (2.26),
the tag filters of server lists (2.26) and tags at create (2.52).

Messages are the real Nova's where it answers them without a booted
server (body and query validation, the unknown server, the routes
before 2.26), else those of Nova's source (its tags controller and
database API).
"""

from urllib import parse

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-server-tags:%s'
NO_RESOURCE = 'The resource could not be found.'
TAG_PATTERN = "'^[^,/]*$'"
# The server of os-server-tags/v2.26/server-tags-show-details-resp.json
# as a member sees it, less what other versions add (2.19 description).
SAMPLE_SERVER_FIELDS = {
    'tags', 'accessIPv4', 'accessIPv6', 'addresses', 'created', 'flavor',
    'hostId', 'id', 'image', 'links', 'metadata', 'name', 'progress',
    'status', 'tenant_id', 'updated', 'key_name', 'user_id', 'locked',
    'config_drive', 'OS-DCF:diskConfig', 'OS-EXT-AZ:availability_zone',
    'OS-EXT-STS:power_state', 'OS-EXT-STS:task_state',
    'OS-EXT-STS:vm_state', 'os-extended-volumes:volumes_attached',
    'OS-SRV-USG:launched_at', 'OS-SRV-USG:terminated_at',
    'security_groups'}
OTHER_VERSIONS_FIELDS = {'description'}


def invalid_tag(tag, reason):
    return ("Tag '%s' is invalid. It must be a non empty string without "
            "characters '/' and ','. Validation error message: %s"
            % (tag, reason))


def tags_unexpected(tags, networks=False):
    """The refusal of a create with tags; `networks`: sent at a version
    that requires them (2.37), as post_server sends them."""
    server = {'name': 's1', 'imageRef': test_servers.CIRROS,
              'flavorRef': '1'}
    if networks:
        server['networks'] = 'auto'
    server['tags'] = tags
    return ("Invalid input for field/attribute server. Value: %s. "
            "Additional properties are not allowed ('tags' was unexpected)"
            % server)


def no_mapping(server_id):
    return 'Instance %s has no mapping to a cell.' % server_id


def in_state(action, server_id, vm_state):
    return ("Cannot '%s' instance %s while it is in vm_state %s"
            % (action, server_id, vm_state))


class ServerTagsTestV2(test_servers.ServerHelpers, base.APITestCase):
    """On /v2 (2.0) there are no tag routes."""

    def tags_path(self, server_id, tag=None):
        path = '/servers/%s/tags' % server_id
        if tag is None:
            return path
        return path + '/' + parse.quote(tag, safe='')

    def test_no_tag_routes_before_2_26(self):
        server_id = self.create()
        for method, path, body in (
                ('GET', self.tags_path(server_id), None),
                ('PUT', self.tags_path(server_id), {'tags': ['a']}),
                ('DELETE', self.tags_path(server_id), None),
                ('GET', self.tags_path(server_id, 'a'), None),
                ('PUT', self.tags_path(server_id, 'a'), None),
                ('DELETE', self.tags_path(server_id, 'a'), None)):
            resp = self.api(method, path, body, persona='member')
            self.assertFault(resp, 404, NO_RESOURCE)

    def test_no_tags_in_the_server_views_before_2_26(self):
        server_id = self.create()
        self.assertNotIn('tags', self.show(server_id))
        resp = self.api('GET', '/servers/detail', persona='member')
        self.assertNotIn('tags', resp.json()['servers'][0])
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'name': 'renamed'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertNotIn('tags', resp.json()['server'])

    def test_create_takes_no_tags_before_2_52(self):
        resp = self.post_server(tags=['a'])
        if self.is_v21:
            self.assertFault(resp, 400, tags_unexpected(['a']))
        else:
            # /v2 drops what it does not know.
            self.assertEqual(202, resp.status, resp)


class ServerTagsTestV21(base.V21, ServerTagsTestV2):

    def tags(self, server_id, persona='member'):
        resp = self.api('GET', self.tags_path(server_id), persona=persona,
                        version='2.26')
        self.assertEqual(200, resp.status, resp)
        return resp.json()['tags']

    def put_tags(self, server_id, tags, persona='member'):
        resp = self.api('PUT', self.tags_path(server_id), {'tags': tags},
                        persona=persona, version='2.26')
        self.assertEqual(200, resp.status, resp)
        return resp.json()['tags']

    def tag_request(self, method, server_id, tag, persona='member',
                    body=None, version='2.26'):
        return self.api(method, self.tags_path(server_id, tag), body,
                        persona=persona, version=version)

    # -- the routes at 2.25 and 2.26 --

    def test_no_tag_routes_at_2_25(self):
        server_id = self.create()
        for method, path in (('GET', self.tags_path(server_id)),
                             ('DELETE', self.tags_path(server_id)),
                             ('GET', self.tags_path(server_id, 'a')),
                             ('PUT', self.tags_path(server_id, 'a')),
                             ('DELETE', self.tags_path(server_id, 'a'))):
            resp = self.api(method, path, persona='member', version='2.25')
            self.assertFault(resp, 404, NO_RESOURCE)
            self.assertVersionHeaders(resp, '2.25')
        resp = self.api('PUT', self.tags_path(server_id), {'tags': ['a']},
                        persona='member', version='2.25')
        self.assertFault(resp, 404, NO_RESOURCE)

    def test_samples(self):
        server_id = self.create()
        # server-tags-put-all-req.json / -resp.json
        resp = self.api('PUT', self.tags_path(server_id),
                        {'tags': ['tag1', 'tag2']}, persona='member',
                        version='2.26')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.26')
        self.assertEqual({'tags': ['tag1', 'tag2']}, resp.json())
        # server-tags-index-resp.json
        resp = self.api('GET', self.tags_path(server_id), persona='member',
                        version='2.26')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'tags': ['tag1', 'tag2']}, resp.json())
        # server-tags-show-details-resp.json
        server = self.show(server_id, version='2.26')
        self.assertEqual(['tag1', 'tag2'], server['tags'])
        self.assertEqual(SAMPLE_SERVER_FIELDS - OTHER_VERSIONS_FIELDS,
                         set(server) - OTHER_VERSIONS_FIELDS)
        # servers-tags-details-resp.json
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.26')
        self.assertEqual(200, resp.status, resp)
        [listed] = resp.json()['servers']
        self.assertEqual(['tag1', 'tag2'], listed['tags'])
        self.assertEqual(SAMPLE_SERVER_FIELDS - OTHER_VERSIONS_FIELDS,
                         set(listed) - OTHER_VERSIONS_FIELDS)

    def test_a_new_server_has_no_tags(self):
        server_id = self.create()
        self.assertEqual([], self.tags(server_id))
        self.assertEqual([], self.show(server_id, version='2.26')['tags'])

    def test_check_one_tag(self):
        server_id = self.create()
        self.put_tags(server_id, ['a'])
        resp = self.tag_request('GET', server_id, 'a')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.26')
        resp = self.tag_request('GET', server_id, 'b')
        self.assertFault(resp, 404, "Server %s has no tag 'b'" % server_id)

    def test_add_one_tag(self):
        server_id = self.create()
        resp = self.tag_request('PUT', server_id, 'new tag')
        self.assertEqual(201, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual(
            self.link('/servers/%s/tags/new tag' % server_id, 'member'),
            resp.header('Location'))
        self.assertEqual('text/html; charset=UTF-8',
                         resp.header('Content-Type'))
        self.assertVersionHeaders(resp, '2.26')
        # Already there: nothing changes.
        resp = self.tag_request('PUT', server_id, 'new tag')
        self.assertEqual(204, resp.status, resp)
        self.assertIsNone(resp.header('Location'))
        self.assertEqual(['new tag'], self.tags(server_id))

    def test_replace_all_tags(self):
        server_id = self.create()
        self.put_tags(server_id, ['b', 'a'])
        # Duplicates count once; tags come back in the order of their
        # names.
        self.assertEqual(['a', 'c', 'z'],
                         self.put_tags(server_id, ['z', 'c', 'a', 'c']))
        self.assertEqual(['a', 'c', 'z'], self.tags(server_id))
        self.assertEqual([], self.put_tags(server_id, []))
        self.assertEqual([], self.tags(server_id))

    def test_delete_one_tag(self):
        server_id = self.create()
        self.put_tags(server_id, ['a', 'b'])
        resp = self.tag_request('DELETE', server_id, 'a')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual(['b'], self.tags(server_id))
        resp = self.tag_request('DELETE', server_id, 'a')
        self.assertFault(resp, 404,
                         "Instance %s has no tag 'a'" % server_id)

    def test_delete_all_tags(self):
        server_id = self.create()
        self.put_tags(server_id, ['a', 'b'])
        resp = self.api('DELETE', self.tags_path(server_id),
                        persona='member', version='2.26')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual([], self.tags(server_id))
        resp = self.api('DELETE', self.tags_path(server_id),
                        persona='member', version='2.26')
        self.assertEqual(204, resp.status, resp)

    def test_tags_at_their_limits(self):
        server_id = self.create()
        tags = ['%02d%s' % (n, 'x' * 58) for n in range(50)]
        self.assertEqual(tags, self.put_tags(server_id, tags))
        unicode_tag = 'caf\u00e9 \u2603'
        self.put_tags(server_id, [unicode_tag])
        self.assertEqual([unicode_tag], self.tags(server_id))
        punctuation = ' !"#$%&()*+-.:;<=>?@[]^_`{|}~'
        resp = self.tag_request('PUT', server_id, punctuation)
        self.assertEqual(201, resp.status, resp)
        self.assertEqual(
            self.link('/servers/%s/tags/%s' % (server_id, punctuation),
                      'member'), resp.header('Location'))
        resp = self.tag_request('GET', server_id, punctuation)
        self.assertEqual(204, resp.status, resp)

    def test_location_of_a_tag_outside_ascii(self):
        # The URL's tag is what the WSGI server decoded (as Nova reads
        # it); its Location is quoted, to be a valid header.
        server_id = self.create()
        resp = self.tag_request('PUT', server_id, 'caf\u00e9')
        self.assertEqual(201, resp.status, resp)
        [stored] = self.tags(server_id)
        self.assertEqual(
            self.link('/servers/%s/tags/%s' % (server_id, parse.quote(stored)),
                      'member'), resp.header('Location'))
        self.assertTrue(resp.header('Location').isascii())

    # -- bad input --

    def test_replace_bad_bodies(self):
        server_id = self.create()
        too_many = ['t%d' % n for n in range(1, 52)]
        for body, message in (
                ({'tags': ['a,b']}, "Invalid input for field/attribute 0. "
                 "Value: a,b. 'a,b' does not match %s" % TAG_PATTERN),
                ({'tags': ['a/b']}, "Invalid input for field/attribute 0. "
                 "Value: a/b. 'a/b' does not match %s" % TAG_PATTERN),
                ({'tags': ['']}, "Invalid input for field/attribute 0. "
                 "Value: . '' should be non-empty"),
                ({'tags': ['x' * 61]}, "Invalid input for field/attribute 0. "
                 "Value: %s. '%s' is too long" % ('x' * 61, 'x' * 61)),
                ({'tags': [1]}, "Invalid input for field/attribute 0. "
                 "Value: 1. 1 is not of type 'string'"),
                ({'tags': 'a'}, "Invalid input for field/attribute tags. "
                 "Value: a. 'a' is not of type 'array'"),
                ({'tags': too_many}, "Invalid input for field/attribute "
                 "tags. Value: %s. %s is too long" % (too_many, too_many)),
                ({}, "'tags' is a required property"),
                ({'tags': [], 'x': 1}, "Additional properties are not "
                 "allowed ('x' was unexpected)")):
            resp = self.api('PUT', self.tags_path(server_id), body,
                            persona='member', version='2.26')
            self.assertFault(resp, 400, message)
        self.assertEqual([], self.tags(server_id))

    def test_add_a_bad_tag(self):
        server_id = self.create()
        long_tag = 'x' * 61
        for tag, reason in (
                ('a,b', "'a,b' does not match %s" % TAG_PATTERN),
                (long_tag, "'%s' is too long" % long_tag),
                # The pattern is checked first.
                (',' * 61, "'%s' does not match %s" % (',' * 61,
                                                       TAG_PATTERN))):
            resp = self.tag_request('PUT', server_id, tag)
            self.assertFault(resp, 400, invalid_tag(tag, reason))
        self.assertEqual([], self.tags(server_id))

    def test_add_takes_no_body(self):
        server_id = self.create()
        resp = self.tag_request('PUT', server_id, 'a', body={})
        self.assertFault(resp, 400, "{} is not of type 'null'")
        self.assertEqual([], self.tags(server_id))

    def test_fifty_tags_at_most(self):
        server_id = self.create()
        tags = ['t%02d' % n for n in range(50)]
        self.put_tags(server_id, tags)
        limit = 'The number of tags exceeded the per-server limit 50'
        resp = self.tag_request('PUT', server_id, 'one-more')
        self.assertFault(resp, 400, limit)
        # Even a tag the server has, as in Nova.
        resp = self.tag_request('PUT', server_id, 't00')
        self.assertFault(resp, 400, limit)
        self.assertEqual(tags, self.tags(server_id))

    # -- server states --

    def test_changes_need_a_server_at_rest(self):
        self.durations(build=NEVER)
        server_id = self.create()
        for method, path, body, action in (
                ('PUT', self.tags_path(server_id), {'tags': ['a']},
                 'update tags'),
                ('DELETE', self.tags_path(server_id), None, 'delete tags'),
                ('PUT', self.tags_path(server_id, 'a'), None, 'update tag'),
                ('DELETE', self.tags_path(server_id, 'a'), None,
                 'delete tag')):
            resp = self.api(method, path, body, persona='member',
                            version='2.26')
            self.assertFault(resp, 409, in_state(action, server_id,
                                                 'building'))
        # Reads do not look at the state.
        self.assertEqual([], self.tags(server_id))
        resp = self.tag_request('GET', server_id, 'a')
        self.assertFault(resp, 404, "Server %s has no tag 'a'" % server_id)

    def test_the_state_is_checked_before_the_tag(self):
        self.durations(build=NEVER)
        server_id = self.create()
        resp = self.tag_request('PUT', server_id, 'a,b')
        self.assertFault(resp, 409, in_state('update tag', server_id,
                                             'building'))
        resp = self.tag_request('DELETE', server_id, 'missing')
        self.assertFault(resp, 409, in_state('delete tag', server_id,
                                             'building'))

    def test_changes_on_a_stopped_server_during_a_task(self):
        self.durations(stop=0, reboot=NEVER)
        server_id = self.create()
        resp = self.action(server_id, {'os-stop': None})
        self.assertEqual(202, resp.status, resp)
        resp = self.action(server_id, {'reboot': {'type': 'HARD'}})
        self.assertEqual(202, resp.status, resp)
        # Nova checks the vm_state only, not the task.
        self.assertEqual(['a'], self.put_tags(server_id, ['a']))
        resp = self.tag_request('PUT', server_id, 'b')
        self.assertEqual(201, resp.status, resp)
        resp = self.tag_request('DELETE', server_id, 'a')
        self.assertEqual(204, resp.status, resp)

    # -- which server, and who may --

    def test_unknown_server(self):
        for method, path, body in (
                ('GET', self.tags_path(MISSING), None),
                ('PUT', self.tags_path(MISSING), {'tags': ['a']}),
                ('DELETE', self.tags_path(MISSING), None),
                ('GET', self.tags_path(MISSING, 'a'), None),
                ('PUT', self.tags_path(MISSING, 'a'), None),
                ('DELETE', self.tags_path(MISSING, 'a'), None)):
            resp = self.api(method, path, body, persona='member',
                            version='2.26')
            self.assertFault(resp, 404, no_mapping(MISSING))

    def test_deleted_server(self):
        server_id = self.create()
        self.put_tags(server_id, ['a'])
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        for method, path, body in (
                ('GET', self.tags_path(server_id), None),
                ('PUT', self.tags_path(server_id), {'tags': ['a']}),
                ('DELETE', self.tags_path(server_id), None),
                ('GET', self.tags_path(server_id, 'a'), None),
                ('PUT', self.tags_path(server_id, 'a'), None),
                ('DELETE', self.tags_path(server_id, 'a'), None)):
            resp = self.api(method, path, body, persona='member',
                            version='2.26')
            self.assertFault(resp, 404,
                             test_servers.not_found(server_id))

    def test_another_projects_server_is_refused_by_its_rule(self):
        # Nova finds the server in any project first, then checks the
        # rule against the server's project.
        server_id = self.create()
        for method, path, body, rule in (
                ('GET', self.tags_path(server_id), None, 'index'),
                ('PUT', self.tags_path(server_id), {'tags': ['a']},
                 'update_all'),
                ('DELETE', self.tags_path(server_id), None, 'delete_all'),
                ('GET', self.tags_path(server_id, 'a'), None, 'show'),
                ('PUT', self.tags_path(server_id, 'a'), None, 'update'),
                ('DELETE', self.tags_path(server_id, 'a'), None,
                 'delete')):
            resp = self.api(method, path, body, persona='other',
                            version='2.26')
            self.assertFault(resp, 403,
                             test_servers.policy_refusal(RULE % rule))
        self.assertEqual([], self.tags(server_id))

    def test_admin_changes_a_members_tags(self):
        server_id = self.create()
        self.assertEqual(['a'], self.put_tags(server_id, ['a'], 'admin'))
        resp = self.tag_request('PUT', server_id, 'b', persona='admin')
        self.assertEqual(201, resp.status, resp)
        self.assertEqual(['a', 'b'], self.tags(server_id, 'admin'))
        self.assertEqual(['a', 'b'], self.tags(server_id))

    def test_rules_can_be_changed(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'update': '!', RULE % 'index': '!'})
        resp = self.tag_request('PUT', server_id, 'a')
        self.assertFault(resp, 403,
                         test_servers.policy_refusal(RULE % 'update'))
        resp = self.api('GET', self.tags_path(server_id), persona='member',
                        version='2.26')
        self.assertFault(resp, 403,
                         test_servers.policy_refusal(RULE % 'index'))
        self.assertEqual(['a'], self.put_tags(server_id, ['a']))

    # -- the server views --

    def test_tags_in_the_server_views_from_2_26(self):
        server_id = self.create()
        self.put_tags(server_id, ['b', 'a'])
        self.assertNotIn('tags', self.show(server_id, version='2.25'))
        self.assertEqual(['a', 'b'],
                         self.show(server_id, version='2.26')['tags'])
        self.assertEqual(['a', 'b'], self.show(
            server_id, 'admin', version=self.max_version())['tags'])
        for version, shown in (('2.25', False), ('2.26', True)):
            resp = self.api('GET', '/servers/detail', persona='member',
                            version=version)
            self.assertEqual(shown, 'tags' in resp.json()['servers'][0])
            # A list entry is a summary at every version.
            resp = self.api('GET', '/servers', persona='member',
                            version=version)
            self.assertNotIn('tags', resp.json()['servers'][0])
        # Update answers them too (its shorter view before 2.75).
        for version, shown in (('2.25', False), ('2.26', True)):
            resp = self.api('PUT', '/servers/' + server_id,
                            {'server': {'name': 'renamed'}},
                            persona='member', version=version)
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(shown, 'tags' in resp.json()['server'])
        self.assertEqual(['a', 'b'], resp.json()['server']['tags'])

    def test_each_listed_server_shows_its_own_tags(self):
        first = self.create(name='first')
        second = self.create(name='second')
        self.create(name='third')
        self.put_tags(first, ['one'])
        self.put_tags(second, ['two', 'deux'])
        resp = self.api('GET', '/servers/detail?sort_key=display_name&'
                        'sort_dir=asc', persona='member', version='2.26')
        self.assertEqual(
            [('first', ['one']), ('second', ['deux', 'two']), ('third', [])],
            [(s['name'], s['tags']) for s in resp.json()['servers']])

    def test_a_deleted_servers_tags_are_gone(self):
        server_id = self.create()
        self.put_tags(server_id, ['a'])
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        resp = self.api('GET', '/servers/detail?deleted=True&all_tenants=1',
                        version='2.26')
        self.assertEqual(200, resp.status, resp)
        [server] = [s for s in resp.json()['servers'] if s['id'] == server_id]
        self.assertEqual([], server['tags'])
        resp = self.api('GET', '/servers?deleted=True&all_tenants=1&tags=a',
                        version='2.26')
        self.assertEqual([], resp.json()['servers'])

    # -- list filters --

    def listed(self, query, version='2.26', path='/servers'):
        resp = self.api('GET', '%s?sort_key=display_name&sort_dir=asc&%s'
                        % (path, query), persona='member', version=version)
        self.assertEqual(200, resp.status, resp)
        return [server['name'] for server in resp.json()['servers']]

    def test_tag_filters(self):
        for name, tags in (('ab', ['a', 'b']), ('a', ['a']),
                           ('bc', ['b', 'c']), ('none', [])):
            self.put_tags(self.create(name=name), tags)
        for query, names in (
                ('tags=a', ['a', 'ab']),
                ('tags=a,b', ['ab']),
                ('tags=a,c', []),
                ('tags-any=a,c', ['a', 'ab', 'bc']),
                ('tags-any=c', ['bc']),
                ('not-tags=a,b', ['a', 'bc', 'none']),
                ('not-tags=a', ['bc', 'none']),
                ('not-tags-any=a,c', ['none']),
                ('not-tags-any=x', ['a', 'ab', 'bc', 'none']),
                # Combined, they all apply.
                ('tags=b&tags-any=a,x', ['ab']),
                ('tags-any=a,b&not-tags-any=c', ['a', 'ab']),
                ('tags=b&not-tags=a,b', ['bc']),
                # An empty name matches no tag.
                ('tags=a,', []),
                ('not-tags=a,', ['a', 'ab', 'bc', 'none']),
                ('tags-any=a,', ['a', 'ab']),
                # Given twice, the last one counts.
                ('tags=c&tags=a', ['a', 'ab'])):
            self.assertEqual(names, self.listed(query), query)
            self.assertEqual(names, self.listed(query, path='/servers/detail'),
                             query)

    def test_tag_filters_are_ignored_before_2_26(self):
        self.put_tags(self.create(name='tagged'), ['a'])
        self.create(name='untagged')
        for query in ('tags=x', 'tags-any=x', 'not-tags=a', 'not-tags-any=a'):
            self.assertEqual(['tagged', 'untagged'],
                             self.listed(query, version='2.25'), query)
            # Administrators may use any filter, but these are not ones.
            resp = self.api('GET', '/servers?' + query, version='2.25')
            self.assertEqual(200, resp.status, resp)

    def test_tag_filters_are_regular_expressions_to_the_schema(self):
        for name in ('tags', 'tags-any', 'not-tags', 'not-tags-any'):
            for value, shown in (('%5B', '['), ('', '')):
                resp = self.api('GET', '/servers/detail?%s=%s'
                                % (name, value), persona='member',
                                version='2.26')
                self.assertFault(resp, 400, "Invalid input for query "
                                 "parameters %s. Value: %s. '%s' is not a "
                                 "'regex'" % (name, shown, shown))

    # -- create (2.52) --

    def test_create_with_tags_at_2_52(self):
        resp = self.post_server(version='2.52', tags=['tag1', 'tag2', 'tag1'])
        self.assertEqual(202, resp.status, resp)
        # server-create-resp.json of v2.52: no tags in the answer.
        self.assertEqual(test_servers.CREATE_FIELDS,
                         set(resp.json()['server']))
        server_id = resp.json()['server']['id']
        self.assertEqual(['tag1', 'tag2'], self.tags(server_id))
        self.assertEqual(['tag1', 'tag2'],
                         self.show(server_id, version='2.52')['tags'])
        self.assertEqual(['s1'], self.listed('tags=tag2'))

    def test_create_with_tags_before_2_52(self):
        resp = self.post_server(version='2.51', tags=['a'])
        self.assertFault(resp, 400, tags_unexpected(['a'], networks=True))

    def test_create_with_bad_tags(self):
        too_many = ['t%d' % n for n in range(1, 52)]
        for tags, message in (
                (['a,b'], "Invalid input for field/attribute 0. Value: a,b. "
                 "'a,b' does not match %s" % TAG_PATTERN),
                ('x', "Invalid input for field/attribute tags. Value: x. "
                 "'x' is not of type 'array'"),
                (too_many, "Invalid input for field/attribute tags. Value: "
                 "%s. %s is too long" % (too_many, too_many))):
            resp = self.post_server(version='2.52', tags=tags)
            self.assertFault(resp, 400, message)

    def test_create_with_no_tags(self):
        resp = self.post_server(version='2.52', tags=[])
        self.assertEqual(202, resp.status, resp)
        self.assertEqual([], self.tags(resp.json()['server']['id']))

    def test_servers_created_together_each_have_the_tags(self):
        resp = self.post_server(version='2.52', name='many', min_count=2,
                                tags=['x'])
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(['many-1', 'many-2'], self.listed('tags=x'))
