"""/images and /images/{image_id}/metadata: the local image catalog
through Nova's image API, checked against api_samples/images/."""

from nova_api.tests.functional import base

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
UBUNTU = '6f1e2a4b-5c7d-4e8f-a0b1-c2d3e4f5a602'
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
# Newest first.
CATALOG = [DEBIAN, UBUNTU, CIRROS]
NAMES = {
    CIRROS: 'cirros-0.6.2-x86_64-disk',
    UBUNTU: 'ubuntu-24.04-server-cloudimg-amd64',
    DEBIAN: 'debian-12-genericcloud-amd64',
}
CIRROS_METADATA = {'architecture': 'x86_64', 'hw_disk_bus': 'virtio',
                   'os_distro': 'cirros', 'os_version': '0.6.2'}
GLANCE = 'http://127.0.0.1:9292'
MISSING = 'f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e'
NOT_FOUND = 'Image not found.'
METADATA_LIMIT = 'Image metadata limit exceeded'
_KEY_PATTERN = "'^[a-zA-Z0-9-_:. ]{1,255}$'"

# The fields of api_samples/images/images-list-get-resp.json,
# images-details-get-resp.json and image-get-resp.json (OS-DCF:diskConfig
# only when the image has the auto_disk_config property).
SUMMARY_FIELDS = ['id', 'links', 'name']
LINK_RELS = ['self', 'bookmark', 'alternate']
DETAIL_FIELDS = sorted([
    'OS-EXT-IMG-SIZE:size', 'created', 'id', 'links', 'metadata', 'minDisk',
    'minRam', 'name', 'progress', 'status', 'updated'])
DISK_CONFIG_DETAIL_FIELDS = sorted(DETAIL_FIELDS + ['OS-DCF:diskConfig'])

# api_samples/images/image-meta*.json: the samples' image starts with the
# metadata of image-metadata-get-resp.json.
SAMPLE_METADATA = {'architecture': 'x86_64', 'auto_disk_config': 'True',
                   'kernel_id': 'nokernel', 'ramdisk_id': 'nokernel'}
METADATA_SAMPLES = (
    # image-metadata-post-{req,resp}.json
    ('POST', None,
     {'metadata': {'kernel_id': 'False', 'Label': 'UpdatedImage'}},
     {'metadata': {'Label': 'UpdatedImage', 'architecture': 'x86_64',
                   'auto_disk_config': 'True', 'kernel_id': 'False',
                   'ramdisk_id': 'nokernel'}}),
    # image-metadata-put-{req,resp}.json
    ('PUT', None,
     {'metadata': {'auto_disk_config': 'True', 'Label': 'Changed'}},
     {'metadata': {'Label': 'Changed', 'auto_disk_config': 'True'}}),
    # image-meta-key-put-{req,resp}.json
    ('PUT', 'auto_disk_config',
     {'meta': {'auto_disk_config': 'False'}},
     {'meta': {'auto_disk_config': 'False'}}),
)


class ImagesTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote("expects nova_api's seeded image catalog")

    def links(self, image_id, persona='admin'):
        path = '/images/' + image_id
        return [
            {'rel': 'self', 'href': self.link(path, persona)},
            {'rel': 'bookmark', 'href': self.bookmark(path, persona)},
            {'rel': 'alternate', 'type': 'application/vnd.openstack.image',
             'href': '%s/images/%s' % (GLANCE, image_id)},
        ]

    def cirros(self, persona='admin'):
        return {
            'id': CIRROS,
            'name': NAMES[CIRROS],
            'OS-EXT-IMG-SIZE:size': 21430272,
            'created': '2023-05-30T10:00:00Z',
            'updated': '2023-05-30T10:00:00Z',
            'minDisk': 0,
            'minRam': 0,
            'metadata': CIRROS_METADATA,
            'progress': 100,
            'status': 'ACTIVE',
            'links': self.links(CIRROS, persona),
        }

    def ids(self, resp):
        self.assertEqual(200, resp.status, resp)
        return [image['id'] for image in resp.json()['images']]

    # -- lists --

    def test_list_matches_the_sample(self):
        resp = self.api('GET', '/images', persona='member')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        body = resp.json()
        self.assertEqual(['images'], list(body))
        self.assertEqual(
            [{'id': image_id, 'name': NAMES[image_id],
              'links': self.links(image_id, 'member')}
             for image_id in CATALOG], body['images'])
        for image in body['images']:
            self.assertEqual(SUMMARY_FIELDS, sorted(image))
            self.assertEqual(LINK_RELS,
                             [link['rel'] for link in image['links']])

    def test_detail_matches_the_sample(self):
        resp = self.api('GET', '/images/detail', persona='member')
        self.assertEqual(200, resp.status)
        images = resp.json()['images']
        self.assertEqual(CATALOG, [image['id'] for image in images])
        self.assertEqual(self.cirros('member'), images[2])
        debian, ubuntu, cirros = images
        self.assertEqual(DISK_CONFIG_DETAIL_FIELDS, sorted(debian))
        self.assertEqual('AUTO', debian['OS-DCF:diskConfig'])
        for image in (ubuntu, cirros):
            self.assertEqual(DETAIL_FIELDS, sorted(image))
        self.assertEqual((512, 4, 597000192),
                         (ubuntu['minRam'], ubuntu['minDisk'],
                          ubuntu['OS-EXT-IMG-SIZE:size']))

    def test_show_matches_the_sample(self):
        resp = self.api('GET', '/images/' + CIRROS, persona='member')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'image': self.cirros('member')}, resp.json())
        resp = self.api('GET', '/images/' + DEBIAN)
        self.assertEqual(DISK_CONFIG_DETAIL_FIELDS,
                         sorted(resp.json()['image']))

    def test_show_unknown_image_is_404(self):
        for image_id in (MISSING, 'not-a-uuid'):
            resp = self.api('GET', '/images/' + image_id)
            self.assertFault(resp, 404, NOT_FOUND)

    def test_alternate_link_uses_the_configured_image_service(self):
        self.skip_if_remote()
        self.conf.config(api_servers=['https://glance.example.com:9292/'],
                         group='glance')
        resp = self.api('GET', '/images/' + CIRROS)
        self.assertEqual(
            'https://glance.example.com:9292/images/' + CIRROS,
            resp.json()['image']['links'][2]['href'])

    def test_filters(self):
        for query, expected in (
                ('name=' + NAMES[UBUNTU], [UBUNTU]),
                ('name=nothing', []),
                ('status=ACTIVE', CATALOG),
                ('status=active', CATALOG),
                ('status=saving', []),
                ('changes-since=2024-04-25T12:00:00Z', [DEBIAN, UBUNTU]),
                ('changes-since=2024-05-01', [DEBIAN]),
                ('changes-since=2030-01-01T00:00:00', []),
                ('minRam=512', [DEBIAN, UBUNTU]),
                ('minRam=513', []),
                ('minDisk=3', [DEBIAN, UBUNTU]),
                ('minDisk=4', [UBUNTU]),
                ('property-os_distro=cirros', [CIRROS]),
                ('property-architecture=x86_64&minDisk=4', [UBUNTU]),
                ('property-os_distro=nothing', []),
                ('type=snapshot', []),
                ('server=' + CIRROS, []),
                ('unknown=ignored', CATALOG)):
            for collection in ('/images', '/images/detail'):
                resp = self.api('GET', '%s?%s' % (collection, query))
                self.assertEqual(expected, self.ids(resp), query)

    def test_type_and_server_filter_on_properties(self):
        server_id = '7d7a5f4e-2b3c-4d5e-8f90-a1b2c3d4e5f6'
        resp = self.api('POST', '/images/%s/metadata' % UBUNTU, {
            'metadata': {'image_type': 'snapshot',
                         'instance_uuid': server_id}})
        self.assertEqual(200, resp.status)
        for query in ('type=snapshot', 'server=' + server_id,
                      'server=http://host/v2.1/servers/' + server_id):
            resp = self.api('GET', '/images?' + query)
            self.assertEqual([UBUNTU], self.ids(resp), query)
        # A snapshot names its server.
        resp = self.api('GET', '/images/' + UBUNTU)
        self.assertEqual(
            {'id': server_id,
             'links': [
                 {'rel': 'self',
                  'href': self.link('/servers/' + server_id)},
                 {'rel': 'bookmark',
                  'href': self.bookmark('/servers/' + server_id)}]},
            resp.json()['image']['server'])

    def test_bad_filter_values_are_400(self):
        for query, message in (
                ('minRam=abc', 'Invalid minRam filter [abc]'),
                ('minDisk=1.5', 'Invalid minDisk filter [1.5]'),
                ('changes-since=yesterday',
                 'Invalid changes-since filter [yesterday]')):
            for collection in ('/images', '/images/detail'):
                resp = self.api('GET', '%s?%s' % (collection, query))
                self.assertFault(resp, 400, message)

    def test_limit_and_marker(self):
        for collection in ('/images', '/images/detail'):
            resp = self.api('GET', collection + '?limit=2')
            self.assertEqual([DEBIAN, UBUNTU], self.ids(resp))
            self.assertEqual(
                [{'rel': 'next',
                  'href': self.link('%s?limit=2&marker=%s'
                                    % (collection, UBUNTU))}],
                resp.json()['images_links'])
            resp = self.api('GET', '%s?limit=2&marker=%s'
                            % (collection, UBUNTU))
            self.assertEqual([CIRROS], self.ids(resp))
            self.assertNotIn('images_links', resp.json())
            resp = self.api('GET', '%s?marker=%s' % (collection, DEBIAN))
            self.assertEqual([UBUNTU, CIRROS], self.ids(resp))

    def test_limit_is_capped_by_max_limit(self):
        self.skip_if_remote()
        self.conf.config(max_limit=1, group='api')
        resp = self.api('GET', '/images?limit=5')
        self.assertEqual([DEBIAN], self.ids(resp))
        self.assertIn('images_links', resp.json())

    def test_unknown_marker_is_400(self):
        for collection in ('/images', '/images/detail'):
            resp = self.api('GET', '%s?marker=%s' % (collection, MISSING))
            self.assertFault(resp, 400, 'marker [%s] not found' % MISSING)

    def test_bad_limit_is_400(self):
        for name, value, error in (
                ('limit', '0', '0 is less than the minimum of 1'),
                ('limit', '-1', "'-1' does not match '^[0-9]*$'"),
                ('limit', 'abc', "'abc' does not match '^[0-9]*$'"),
                ('page_size', 'x', "'x' does not match '^[0-9]*$'"),
                ('offset', '-2', "'-2' does not match '^[0-9]*$'")):
            for collection in ('/images', '/images/detail'):
                resp = self.api('GET', '%s?%s=%s'
                                % (collection, name, value))
                self.assertFault(
                    resp, 400, 'Invalid input for query parameters %s. '
                    'Value: %s. %s' % (name, value, error))

    def test_page_size_and_offset_are_accepted_and_ignored(self):
        resp = self.api('GET', '/images?page_size=1&offset=1')
        self.assertEqual(CATALOG, self.ids(resp))

    # -- delete --

    def test_delete(self):
        resp = self.api('DELETE', '/images/' + UBUNTU)
        self.assertEqual(204, resp.status)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        self.assertFault(self.api('GET', '/images/' + UBUNTU), 404, NOT_FOUND)
        self.assertEqual([DEBIAN, CIRROS], self.ids(self.api('GET',
                                                             '/images')))
        resp = self.api('DELETE', '/images/' + UBUNTU)
        self.assertFault(resp, 404, NOT_FOUND)

    def test_member_may_not_delete_the_catalogs_images(self):
        resp = self.api('DELETE', '/images/' + UBUNTU, persona='member')
        self.assertFault(resp, 403, 'You are not allowed to delete the image.')
        self.assertEqual(200, self.api('GET', '/images/' + UBUNTU).status)

    def test_member_may_not_change_the_catalogs_metadata(self):
        message = 'Not authorized for image %s.' % CIRROS
        for method, key, body in (
                ('POST', None, {'metadata': {'a': 'b'}}),
                ('PUT', None, {'metadata': {'a': 'b'}}),
                ('PUT', 'a', {'meta': {'a': 'b'}}),
                ('DELETE', 'os_distro', None)):
            resp = self.api(method, self.metadata_path(key=key), body,
                            persona='member')
            self.assertFault(resp, 403, message)
        self.assertEqual(CIRROS_METADATA, self.metadata())

    def test_delete_unknown_image_is_404(self):
        resp = self.api('DELETE', '/images/' + MISSING)
        self.assertFault(resp, 404, NOT_FOUND)

    # -- metadata --

    def metadata_path(self, image_id=CIRROS, key=None):
        path = '/images/%s/metadata' % image_id
        return path + '/' + key if key else path

    def metadata(self, image_id=CIRROS):
        resp = self.api('GET', self.metadata_path(image_id))
        self.assertEqual(200, resp.status, resp)
        return resp.json()['metadata']

    def test_metadata_index_and_show(self):
        resp = self.api('GET', self.metadata_path(), persona='member')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'metadata': CIRROS_METADATA}, resp.json())
        resp = self.api('GET', self.metadata_path(key='os_distro'),
                        persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual({'meta': {'os_distro': 'cirros'}}, resp.json())

    def test_metadata_samples(self):
        resp = self.api('PUT', self.metadata_path(),
                        {'metadata': SAMPLE_METADATA})
        self.assertEqual(200, resp.status)
        self.assertEqual({'metadata': SAMPLE_METADATA}, resp.json())
        # image-metadata-get-resp.json, image-meta-key-get.json
        self.assertEqual(SAMPLE_METADATA, self.metadata())
        resp = self.api('GET', self.metadata_path(key='kernel_id'))
        self.assertEqual({'meta': {'kernel_id': 'nokernel'}}, resp.json())
        for method, key, request, response in METADATA_SAMPLES:
            resp = self.api(method, self.metadata_path(key=key), request)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.1')
            self.assertEqual(response, resp.json())
        self.assertEqual({'Label': 'Changed', 'auto_disk_config': 'False'},
                         self.metadata())
        resp = self.api('GET', '/images/' + CIRROS)
        self.assertEqual('MANUAL', resp.json()['image']['OS-DCF:diskConfig'])

    def test_metadata_change_updates_the_image(self):
        resp = self.api('PUT', self.metadata_path(key='os_version'),
                        {'meta': {'os_version': '0.6.3'}})
        self.assertEqual(200, resp.status)
        image = self.api('GET', '/images/' + CIRROS).json()['image']
        self.assertEqual('0.6.3', image['metadata']['os_version'])
        self.assertNotEqual(image['created'], image['updated'])
        resp = self.api('GET', '/images?changes-since=2025-01-01')
        self.assertEqual([CIRROS], self.ids(resp))

    def test_metadata_delete(self):
        resp = self.api('DELETE', self.metadata_path(key='os_distro'))
        self.assertEqual(204, resp.status)
        self.assertEqual(b'', resp.body)
        expected = dict(CIRROS_METADATA)
        del expected['os_distro']
        self.assertEqual(expected, self.metadata())

    def test_metadata_unknown_key_is_404(self):
        resp = self.api('GET', self.metadata_path(key='nothing'))
        self.assertFault(resp, 404, 'The resource could not be found.')
        resp = self.api('DELETE', self.metadata_path(key='nothing'))
        self.assertFault(resp, 404, 'Invalid metadata key')

    def test_metadata_of_unknown_image_is_404(self):
        for method, key, body in (
                ('GET', None, None),
                ('POST', None, {'metadata': {'a': 'b'}}),
                ('PUT', None, {'metadata': {'a': 'b'}}),
                ('GET', 'a', None),
                ('PUT', 'a', {'meta': {'a': 'b'}}),
                ('DELETE', 'a', None)):
            resp = self.api(method, self.metadata_path(MISSING, key), body)
            self.assertFault(resp, 404, NOT_FOUND)

    def test_metadata_update_key_must_match_the_url(self):
        resp = self.api('PUT', self.metadata_path(key='a'),
                        {'meta': {'b': '1'}})
        self.assertFault(resp, 400, 'Request body and URI mismatch')
        # Checked before the image is looked up, as in Nova.
        resp = self.api('PUT', self.metadata_path(MISSING, 'a'),
                        {'meta': {'b': '1'}})
        self.assertFault(resp, 400, 'Request body and URI mismatch')

    def test_metadata_update_takes_exactly_one_key(self):
        resp = self.api('PUT', self.metadata_path(key='a'),
                        {'meta': {'a': '1', 'b': '2'}})
        self.assertFault(
            resp, 400, "Invalid input for field/attribute meta. Value: "
                       "{'a': '1', 'b': '2'}. {'a': '1', 'b': '2'} has too "
                       "many properties")
        resp = self.api('PUT', self.metadata_path(key='a'), {'meta': {}})
        self.assertFault(resp, 400, "Invalid input for field/attribute meta."
                                    " Value: {}. {} should be non-empty")

    def test_metadata_bad_bodies_are_400(self):
        for method, key, body, message in (
                ('POST', None, {}, "'metadata' is a required property"),
                ('PUT', None, {}, "'metadata' is a required property"),
                ('PUT', 'a', {}, "'meta' is a required property"),
                ('POST', None, {'metadata': []},
                 "Invalid input for field/attribute metadata. Value: []. "
                 "[] is not of type 'object'"),
                ('POST', None, {'metadata': {'a': 1}},
                 "Invalid input for field/attribute a. Value: 1. "
                 "1 is not of type 'string'"),
                ('PUT', None, {'metadata': {'a': 'x' * 256}},
                 "Invalid input for field/attribute a. Value: %s. '%s' is "
                 "too long" % ('x' * 256, 'x' * 256)),
                ('POST', None, None, "None is not of type 'object'")):
            resp = self.api(method, self.metadata_path(key=key), body)
            self.assertFault(resp, 400, message)
        self.assertEqual(CIRROS_METADATA, self.metadata())

    def test_metadata_limit_is_the_projects_metadata_items_quota(self):
        quota_path = '/os-quota-sets/' + self.project_id('admin')
        limit = {'metadata_items': len(CIRROS_METADATA)}
        resp = self.api('PUT', quota_path, {'quota_set': limit})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', quota_path)
        resp = self.api('POST', self.metadata_path(),
                        {'metadata': {'one-more': 'v'}})
        self.assertFault(resp, 403, METADATA_LIMIT)
        self.assertEqual(CIRROS_METADATA, self.metadata())

    def test_metadata_limit(self):
        full = {'key%03d' % n: 'v' for n in range(128)}
        resp = self.api('PUT', self.metadata_path(), {'metadata': full})
        self.assertEqual(200, resp.status)
        for method, key, body in (
                ('POST', None, {'metadata': {'one-more': 'v'}}),
                ('PUT', 'one-more', {'meta': {'one-more': 'v'}}),
                ('PUT', None, {'metadata': dict(full, extra='v')})):
            resp = self.api(method, self.metadata_path(key=key), body)
            self.assertFault(resp, 403, METADATA_LIMIT)
        self.assertEqual(full, self.metadata())
        # Changing an existing key stays within the limit.
        resp = self.api('PUT', self.metadata_path(key='key000'),
                        {'meta': {'key000': 'w'}})
        self.assertEqual(200, resp.status)


class ImagesTestV21(base.V21, ImagesTestV2):

    def test_invalid_metadata_keys_are_400(self):
        for key in ('bad/key', 'k' * 256):
            metadata = {key: 'x'}
            resp = self.api('POST', self.metadata_path(),
                            {'metadata': metadata})
            self.assertFault(
                resp, 400, "Invalid input for field/attribute metadata. "
                "Value: %s. '%s' does not match any of the regexes: %s"
                % (metadata, key, _KEY_PATTERN))
        self.assertEqual(CIRROS_METADATA, self.metadata())

    def test_undefined_top_level_property_is_400(self):
        for method, key, body in (
                ('POST', None, {'metadata': {}, 'colour': 'blue'}),
                ('PUT', None, {'metadata': {}, 'colour': 'blue'}),
                ('PUT', 'a', {'meta': {'a': 'b'}, 'colour': 'blue'})):
            resp = self.api(method, self.metadata_path(key=key), body)
            self.assertFault(
                resp, 400, "Additional properties are not allowed ('colour' "
                           "was unexpected)")

    def test_same_behaviour_at_2_10(self):
        resp = self.api('GET', '/images/' + CIRROS, version='2.10')
        self.assertEqual({'image': self.cirros()}, resp.json())
        self.assertVersionHeaders(resp, '2.10')
        resp = self.api('POST', self.metadata_path(),
                        {'metadata': {'a': 'b'}}, version='2.10')
        self.assertEqual(dict(CIRROS_METADATA, a='b'),
                         resp.json()['metadata'])
        resp = self.api('DELETE', self.metadata_path(key='a'),
                        version='2.10')
        self.assertEqual(204, resp.status)
        self.assertVersionHeaders(resp, '2.10')

    def assertGone(self, method, path, version, body=None):
        resp = self.api(method, path, body, version=version)
        self.assertFault(resp, 404, 'The resource could not be found.')
        self.assertVersionHeaders(resp, version)

    def test_images_end_at_2_35(self):
        resp = self.api('GET', '/images', version='2.35')
        self.assertEqual(200, resp.status, resp)
        for version in ('2.36', '2.39', 'latest'):
            header = self.max_version() if version == 'latest' else version
            for method, path in (('GET', '/images'),
                                 ('GET', '/images/detail'),
                                 ('GET', '/images/' + CIRROS),
                                 ('GET', '/images/' + MISSING + '?foo=1'),
                                 ('DELETE', '/images/' + DEBIAN)):
                resp = self.api(method, path, version=version)
                self.assertFault(resp, 404,
                                 'The resource could not be found.')
                self.assertVersionHeaders(resp, header)
        # The delete at 2.36 deleted nothing.
        resp = self.api('GET', '/images/' + DEBIAN, version='2.35')
        self.assertEqual(200, resp.status, resp)

    def test_image_metadata_ends_at_2_38(self):
        resp = self.api('GET', self.metadata_path(), version='2.38')
        self.assertEqual(200, resp.status, resp)
        item = self.metadata_path(key='architecture')
        for method, path, body in (
                ('GET', self.metadata_path(), None),
                ('POST', self.metadata_path(), {'metadata': {'a': 'b'}}),
                ('PUT', self.metadata_path(), {'metadata': {'a': 'b'}}),
                ('GET', item, None),
                ('PUT', item, {'meta': {'architecture': 'arm'}}),
                ('DELETE', item, None),
                # The version decides before the body is checked.
                ('POST', self.metadata_path(), {'x': 1})):
            self.assertGone(method, path, '2.39', body)
        resp = self.api('GET', self.metadata_path(), version='2.38')
        self.assertEqual(CIRROS_METADATA, resp.json()['metadata'])
        # A body that is not JSON is refused first, as in Nova.
        resp = self.api('POST', self.metadata_path(), b'{bad',
                        version='2.39')
        self.assertFault(resp, 400, 'Malformed request body')


class ImagesTestV2Relaxed(base.APITestCase):
    """/v2 drops what its schemas do not define."""

    def setUp(self):
        super().setUp()
        self.skip_if_remote("expects nova_api's seeded image catalog")

    def test_undefined_properties_are_dropped(self):
        resp = self.api('POST', '/images/%s/metadata' % CIRROS,
                        {'metadata': {'a': 'b'}, 'colour': 'blue'})
        self.assertEqual(200, resp.status)
        self.assertEqual('b', resp.json()['metadata']['a'])
