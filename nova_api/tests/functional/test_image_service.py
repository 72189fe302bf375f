"""/image: the read-only image service (Glance v2) endpoint over the local
catalog, as the image service's API reference and its clients see it."""

import datetime

from keystonemiddleware import auth_token  # noqa: F401 (registers its options)
from oslo_config import fixture as config_fixture
from paste import deploy
import testtools
import webob

from nova_api.api import app as app_module
from nova_api import conf as nova_conf
from nova_api import context as nova_context
from nova_api.db import images as db_images
from nova_api.tests.fixtures import database
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
UBUNTU = '6f1e2a4b-5c7d-4e8f-a0b1-c2d3e4f5a602'
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
# Newest first.
CATALOG = [DEBIAN, UBUNTU, CIRROS]
MISSING = 'f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e'
# The fields of the API reference's image-show-response.json (os_hidden
# and the reference's other response parameters included).
IMAGE_FIELDS = sorted([
    'checksum', 'container_format', 'created_at', 'disk_format', 'file',
    'id', 'min_disk', 'min_ram', 'name', 'os_hash_algo', 'os_hash_value',
    'os_hidden', 'owner', 'protected', 'schema', 'self', 'size', 'status',
    'tags', 'updated_at', 'virtual_size', 'visibility'])
CIRROS_PROPERTIES = {'architecture': 'x86_64', 'hw_disk_bus': 'virtio',
                     'os_distro': 'cirros', 'os_version': '0.6.2'}


class ImageServiceTest(base.APITestCase):

    def get(self, path, persona='admin', accept='application/json'):
        return self.api('GET', '/image' + path, persona=persona,
                        headers={'Accept': accept}, raw_url=True)

    def ids(self, resp):
        self.assertEqual(200, resp.status, resp)
        return [image['id'] for image in resp.json()['images']]

    def assertGlanceError(self, resp, code, message):
        """webob's error body, as the image service answers a JSON
        client."""
        self.assertEqual(code, resp.status, resp)
        body = resp.json()
        self.assertEqual(['code', 'message', 'title'], sorted(body))
        self.assertTrue(body['code'].startswith('%d ' % code))
        self.assertIn(message, body['message'])

    def test_version_document_needs_no_token(self):
        for path in ('/image', '/image/'):
            resp = self.client.request('GET', path, None, {})
            self.assertEqual(300, resp.status, path)
            self.assertEqual('application/json',
                             resp.header('Content-Type').split(';')[0])
            versions = resp.json()['versions']
            self.assertEqual([{'rel': 'self',
                               'href': self.host_url + '/image/v2/'}],
                             versions[0]['links'])
            self.assertEqual(
                ['CURRENT'] + ['SUPPORTED'] * (len(versions) - 1),
                [v['status'] for v in versions])
            self.assertEqual('v2.0', versions[-1]['id'])
            self.assertTrue(all(v['id'].startswith('v2.')
                                for v in versions))

    def test_api_needs_a_token(self):
        resp = self.client.request('GET', '/image/v2/images', None, {})
        self.assertEqual(401, resp.status)

    def test_list(self):
        resp = self.get('/v2/images')
        body = resp.json()
        self.assertEqual(CATALOG, self.ids(resp))
        self.assertEqual(('/v2/images', '/v2/schemas/images'),
                         (body['first'], body['schema']))
        self.assertNotIn('next', body)
        cirros = body['images'][2]
        self.assertEqual(sorted(IMAGE_FIELDS + list(CIRROS_PROPERTIES)),
                         sorted(cirros))

    def test_show(self):
        image = self.get('/v2/images/%s' % CIRROS).json()
        expected = dict(CIRROS_PROPERTIES, **{
            'id': CIRROS, 'name': 'cirros-0.6.2-x86_64-disk',
            'status': 'active', 'visibility': 'public', 'size': 21430272,
            'virtual_size': None, 'min_disk': 0, 'min_ram': 0,
            'disk_format': 'qcow2', 'container_format': 'bare',
            'checksum': None, 'os_hash_algo': None, 'os_hash_value': None,
            'owner': None, 'protected': False, 'os_hidden': False,
            'tags': [], 'created_at': '2023-05-30T10:00:00Z',
            'updated_at': '2023-05-30T10:00:00Z',
            'self': '/v2/images/%s' % CIRROS,
            'file': '/v2/images/%s/file' % CIRROS,
            'schema': '/v2/schemas/image'})
        self.assertEqual(expected, image)

    def test_show_as_a_member(self):
        resp = self.get('/v2/images/%s' % UBUNTU, persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual(('public', {'architecture': 'x86_64',
                                     'os_distro': 'ubuntu',
                                     'os_version': '24.04',
                                     'os_admin_user': 'ubuntu'}),
                         (resp.json()['visibility'],
                          {k: resp.json()[k] for k in (
                              'architecture', 'os_distro', 'os_version',
                              'os_admin_user')}))

    def test_show_unknown_image_is_404(self):
        for image_id in (MISSING, 'not-a-uuid'):
            resp = self.get('/v2/images/%s' % image_id)
            self.assertGlanceError(resp, 404,
                                   'No image found with ID %s' % image_id)

    def test_404_as_plain_text_by_default(self):
        resp = self.get('/v2/images/%s' % MISSING, accept='*/*')
        self.assertEqual(404, resp.status)
        self.assertIn(b'No image found with ID %s' % MISSING.encode(),
                      resp.body)

    def test_unknown_path_is_404_and_other_methods_405(self):
        for path in ('/v2/images/', '/v2/schemas/image', '/v3/images'):
            self.assertEqual(404, self.get(path).status, path)
        for method, path in (('POST', '/v2/images'),
                             ('DELETE', '/v2/images/%s' % CIRROS)):
            resp = self.api(method, '/image' + path, raw_url=True)
            self.assertEqual(405, resp.status, path)
            self.assertEqual('GET', resp.header('Allow'))

    def test_filters(self):
        cases = (
            ('name=cirros-0.6.2-x86_64-disk', [CIRROS]),
            ('name=cirros', []),
            ('status=active', CATALOG),
            ('status=queued', []),
            ('visibility=public', CATALOG),
            ('visibility=all', CATALOG),
            ('visibility=private', []),
            ('visibility=shared', []),
            ('id=%s' % UBUNTU, [UBUNTU]),
            ('id=in:%s,%s,%s' % (CIRROS, MISSING, DEBIAN), [DEBIAN, CIRROS]),
            ('name=in:"debian-12-genericcloud-amd64",'
             'cirros-0.6.2-x86_64-disk', [DEBIAN, CIRROS]),
            ('os_distro=ubuntu', [UBUNTU]),
            ('os_admin_user=debian&architecture=x86_64', [DEBIAN]),
            ('os_hidden=true', []),
            ('os_hidden=False', CATALOG),
            ('member_status=all', CATALOG),
            ('status=active&visibility=public&limit=2', [DEBIAN, UBUNTU]),
        )
        for query, expected in cases:
            self.assertEqual(expected, self.ids(self.get(
                '/v2/images?' + query)), query)

    def test_invalid_filters_are_400(self):
        cases = (
            ('visibility=everyone', 'Invalid visibility value: everyone'),
            ('os_hidden=maybe', "Invalid value 'maybe' for 'os_hidden' "
                                "filter. Valid values are 'true' or "
                                "'false'."),
            ('member_status=any', 'Invalid status: any'),
            ('limit=two', 'limit param must be an integer'),
            ('limit=-1', 'limit param must be positive'),
            ('marker=%s' % MISSING, 'No image found with ID %s' % MISSING),
            ('sort_key=name', 'does not support the sort_key parameter'),
            ('id=in:"%s' % CIRROS, 'The quote is not closed.'),
        )
        for query, message in cases:
            self.assertGlanceError(self.get('/v2/images?' + query), 400,
                                   message)

    def test_paging(self):
        first = self.get('/v2/images?limit=2&status=active').json()
        self.assertEqual([DEBIAN, UBUNTU], [i['id'] for i in first['images']])
        self.assertEqual('/v2/images?limit=2&status=active', first['first'])
        self.assertEqual(
            '/v2/images?limit=2&status=active&marker=%s' % UBUNTU,
            first['next'])
        # The links are relative to the image endpoint.
        second = self.get(first['next']).json()
        self.assertEqual([CIRROS], [i['id'] for i in second['images']])
        self.assertEqual('/v2/images?limit=2&status=active', second['first'])
        self.assertNotIn('next', second)

        last = self.get('/v2/images?limit=1&marker=%s' % UBUNTU).json()
        self.assertEqual([CIRROS], [i['id'] for i in last['images']])
        self.assertIn('next', last)
        self.assertEqual(
            [], self.ids(self.get('/v2/images?limit=1&marker=%s' % CIRROS)))
        empty = self.get('/v2/images?limit=0').json()
        self.assertEqual([], empty['images'])
        self.assertNotIn('next', empty)

    def test_limit_defaults_to_25_and_is_capped_at_1000(self):
        self.skip_if_remote('creates images in the database')
        self.create_images(26, owner=None)
        self.assertEqual(25, len(self.ids(self.get('/v2/images'))))
        self.assertEqual(29, len(self.ids(self.get('/v2/images?limit=5000'))))

    def create_images(self, count, owner):
        context = nova_context.get_admin_context()
        created = []
        for number in range(count):
            uuid = '00000000-0000-4000-8000-%012d' % number
            db_images.create(context, {
                'uuid': uuid, 'name': 'image-%d' % number, 'status': 'active',
                'size': 1, 'min_disk': 0, 'min_ram': 0,
                'disk_format': 'raw', 'container_format': 'bare',
                'owner': owner,
                'created_at': datetime.datetime(2025, 1, 1, 0, 0, number),
                'updated_at': datetime.datetime(2025, 1, 1, 0, 0, number)},
                {'purpose': 'test'})
            created.append(uuid)
        # Newest first.
        return created[::-1]

    def test_private_images_are_their_owners(self):
        self.skip_if_remote('creates images in the database')
        member_project = client_module.persona('member')[2]
        private = self.create_images(3, owner=member_project)

        # The owner and administrators see them; another project does not,
        # in lists or by id.
        for persona in ('member', 'admin'):
            self.assertEqual(private + CATALOG,
                             self.ids(self.get('/v2/images', persona)))
            self.assertEqual(private, self.ids(self.get(
                '/v2/images?visibility=private', persona)))
        self.assertEqual(CATALOG,
                         self.ids(self.get('/v2/images', 'other')))
        self.assertEqual([], self.ids(self.get(
            '/v2/images?visibility=private', 'other')))
        shown = self.get('/v2/images/%s' % private[0], 'member').json()
        self.assertEqual(('private', member_project, 'test'),
                         (shown['visibility'], shown['owner'],
                          shown['purpose']))
        self.assertGlanceError(
            self.get('/v2/images/%s' % private[0], 'other'), 404,
            'No image found with ID %s' % private[0])
        self.assertGlanceError(
            self.get('/v2/images?marker=%s' % private[0], 'other'), 400,
            'No image found with ID %s' % private[0])

        # A page of another project's list fills up past the images it
        # cannot see.
        page = self.get('/v2/images?limit=2', 'other').json()
        self.assertEqual([DEBIAN, UBUNTU], [i['id'] for i in page['images']])
        self.assertEqual('/v2/images?limit=2&marker=%s' % UBUNTU,
                         page['next'])


class ImageServiceKeystonePipelineTest(testtools.TestCase):
    """With [api] auth_strategy = keystone, /image/v2 is guarded by
    keystonemiddleware and /image stays open, as on the image service."""

    def setUp(self):
        super().setUp()
        base.init_conf()
        conf = self.useFixture(config_fixture.Config(nova_conf.CONF))
        conf.config(auth_strategy='keystone', group='api')
        conf.config(www_authenticate_uri='http://127.0.0.1:5000/v3',
                    group='keystone_authtoken')
        self.useFixture(database.Database())
        self.app = deploy.loadapp(
            'config:%s' % app_module.find_paste_config(),
            name='osapi_compute')

    def test_api_needs_a_token_and_versions_do_not(self):
        resp = webob.Request.blank('/image/v2/images').get_response(self.app)
        self.assertEqual(401, resp.status_int)
        self.assertIn('WWW-Authenticate', resp.headers)
        resp = webob.Request.blank('/image').get_response(self.app)
        self.assertEqual(300, resp.status_int)
