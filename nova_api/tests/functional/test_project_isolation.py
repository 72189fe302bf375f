"""One project's private resources are invisible to another project.

Every route the route walk knows (test_route_table.REQUESTS, with its
valid bodies) is sent by a member of another project against the member
project's own ids: a private image (with a property), a server, a
keypair, a server group, a private flavor the project was given, the
project's quotas. No request naming one of them answers 2xx (Nova answers
404 as for a missing one, or 403 where a rule or the image service
refuses), and no 2xx body shows one of their ids.
"""

import datetime
import re

from nova_api.api import microversion
from nova_api import context as nova_context
from nova_api.db import images as db_images
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module
from nova_api.tests.functional import test_route_table as route_walk

_PRIVATE_IMAGE = '5e1f7a2c-3b4d-4e6f-8a9b-0c1d2e3f4a5b'
_PRIVATE_PROPERTY = 'isolation_secret'
_CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
_KEYPAIR = 'isolation-key'
# Routes naming a project whose answer is no project's own data: the
# default quotas are the cloud's, and Nova lets anyone read them.
_NOT_PRIVATE = frozenset([('GET', '/os-quota-sets/{tenant_id}/defaults')])
# The first part of a route's URL -> the owned thing its variables name.
_OWNED_BY_COLLECTION = {
    'images': 'image', 'servers': 'server', 'flavors': 'flavor',
    'os-keypairs': 'keypair', 'os-server-groups': 'server_group',
    'os-quota-sets': 'project',
}


class ProjectIsolationTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote('creates a private image in the database')
        self.owner_project = client_module.persona('member')[2]
        self.owned = {
            'image': self._create_private_image(),
            'server': self._create('POST', '/servers', {'server': {
                'name': 'isolation', 'imageRef': _CIRROS,
                'flavorRef': '1'}}, 'server')['id'],
            'keypair': self._create('POST', '/os-keypairs', {'keypair': {
                'name': _KEYPAIR}}, 'keypair')['name'],
            'server_group': self._create('POST', '/os-server-groups', {
                'server_group': {'name': 'isolation',
                                 'policies': ['affinity']}},
                'server_group')['id'],
            'flavor': self._create_private_flavor(),
            'project': self.owner_project,
        }

    def _create(self, method, path, body, key, persona='member'):
        resp = self.api(method, path, body, persona=persona)
        self.assertIn(resp.status, (200, 201, 202), resp)
        return resp.json()[key]

    def _create_private_image(self):
        context = nova_context.get_admin_context()
        now = datetime.datetime(2025, 1, 1)
        db_images.create(context, {
            'uuid': _PRIVATE_IMAGE, 'name': 'isolation-private',
            'status': 'active', 'size': 1, 'min_disk': 0, 'min_ram': 0,
            'disk_format': 'raw', 'container_format': 'bare',
            'owner': self.owner_project, 'created_at': now,
            'updated_at': now}, {_PRIVATE_PROPERTY: 'x'})
        return _PRIVATE_IMAGE

    def _create_private_flavor(self):
        flavor = self._create('POST', '/flavors', {'flavor': {
            'name': 'isolation-private', 'ram': 512, 'vcpus': 1, 'disk': 1,
            'os-flavor-access:is_public': False}}, 'flavor', 'admin')
        resp = self.api('POST', '/flavors/%s/action' % flavor['id'],
                        {'addTenantAccess': {'tenant': self.owner_project}})
        self.assertEqual(200, resp.status, resp)
        return flavor['id']

    def _versions(self):
        if not self.is_v21:
            return [microversion.LEGACY_V2]
        return [microversion.MIN_VERSION, microversion.MAX_VERSION]

    def _owned_path(self, route, call):
        """The route's URL naming the owner's thing, with the call's query;
        None if the route names no owned thing."""
        path = route.partition(' ')[0]
        collection = path.split('/')[1]
        owned = _OWNED_BY_COLLECTION.get(collection)
        if owned is None or '{' not in path:
            return None
        # The first variable is the owned thing; a second one is the key
        # or label within it that the route walk's request names.
        first, *rest = re.findall(r'\{[^}]+\}', path)
        named = path.replace(first, self.owned[owned], 1)
        call_parts = call.path.split('?')[0].split('/')
        for variable in rest:
            position = path.split('/').index(variable)
            value = call_parts[position]
            if collection == 'images' and variable == '{id}':
                value = _PRIVATE_PROPERTY
            named = named.replace(variable, value, 1)
        query = call.path.partition('?')[2]
        return named + ('?' + query if query else '')

    def _requests(self, version):
        """(method, route, path, body) of each route walk request at
        `version` that names an owned thing, in the walk's order (writes
        before reads before deletes)."""
        routes = sorted(route_walk.REQUESTS, key=lambda route: (
            route_walk.WALK_ORDER.get(route[0], 0), route[1]))
        for method, route in routes:
            call = route_walk.request_at((method, route), version)
            if call is None:
                continue
            path = self._owned_path(route, call)
            if path is not None and (method, route) not in _NOT_PRIVATE:
                yield method, route, path, call.body

    def _owned_ids(self):
        return [str(value) for name, value in self.owned.items()
                if name != 'project']

    def test_another_project_gets_no_2xx_for_a_private_resource(self):
        sent = 0
        for version in self._versions():
            for method, route, path, body in self._requests(version):
                resp = self.api(method, path, body, persona='other',
                                version=None if version.is_legacy_v2()
                                else str(version))
                what = '%s %s (%s) at %s: %r' % (method, path, route,
                                                 version, resp)
                self.assertNotEqual(2, resp.status // 100, what)
                self.assertIn(resp.status, (400, 403, 404, 409), what)
                sent += 1
        self.assertGreater(sent, 0, 'no request named an owned resource')

    def test_another_projects_lists_show_no_private_resource(self):
        for version in self._versions():
            for (method, route), call in sorted(route_walk.REQUESTS.items()):
                if method != 'GET' or '{' in route:
                    continue
                resp = self.api(method, call.path, persona='other',
                                version=None if version.is_legacy_v2()
                                else str(version))
                if resp.status // 100 != 2:
                    continue
                for owned_id in self._owned_ids():
                    self.assertNotIn(owned_id.encode(), resp.body,
                                     '%s %s at %s' % (method, call.path,
                                                      version))

    def test_the_owner_reaches_the_private_image_metadata(self):
        for path in ('/images/%s/metadata' % _PRIVATE_IMAGE,
                     '/images/%s/metadata/%s' % (_PRIVATE_IMAGE,
                                                 _PRIVATE_PROPERTY)):
            resp = self.api('GET', path, persona='member')
            self.assertEqual(200, resp.status, resp)

    def test_private_image_metadata_is_not_found_for_another_project(self):
        for path in ('/images/%s/metadata' % _PRIVATE_IMAGE,
                     '/images/%s/metadata/%s' % (_PRIVATE_IMAGE,
                                                 _PRIVATE_PROPERTY)):
            resp = self.api('GET', path, persona='other')
            self.assertFault(resp, 404, 'Image not found.')

    def test_another_project_cannot_boot_from_private_image_or_flavor(self):
        for image, flavor in ((_PRIVATE_IMAGE, '1'),
                              (_CIRROS, self.owned['flavor'])):
            resp = self.api('POST', '/servers', {'server': {
                'name': 'isolation', 'imageRef': image,
                'flavorRef': flavor}}, persona='other')
            self.assertEqual(400, resp.status, resp)
            self.assertFault(resp, 400)


class ProjectIsolationTestV21(base.V21, ProjectIsolationTestV2):
    pass


class ProjectIsolationTestV2NoProjectId(ProjectIsolationTestV2):
    project_in_url = False


class ProjectIsolationTestV21ProjectId(base.V21, ProjectIsolationTestV2):
    project_in_url = True
