"""Every api-sample of a served resource against nova_api's answer.

For each resource folder of ``shared/reference/api_samples`` that nova_api
serves, each version folder up to the advertised maximum
(``microversion.MAX_VERSION``; the base folder is 2.1) is one test: it
makes the state the samples need through the API, sends each sample's
request (its ``-req`` body, with this test's ids and unique names) with
the folder's microversion, checks the status and compares the answer with
the response sample by structure (``fixtures.api_samples.differences``).
Raising the maximum tests the next folders with no change here. The few
request samples Nova itself refuses are sent corrected, as
``fixtures.api_sample_errata`` lists each correction with its reason.

``SERVED`` maps every sample file of a served resource to its request, or
lists it in ``not_served`` with the reason; ``NOT_SERVED`` lists the
resources nova_api does not serve. ``test_every_sample_is_mapped`` fails
on a sample that is in neither, so a new sample cannot be forgotten.
"""

import copy
import datetime
import os
import uuid

from oslo_utils import strutils
from oslo_utils import timeutils

from nova_api.api import microversion
from nova_api.compute import hypervisors
from nova_api.compute import services
from nova_api.tests.fixtures import api_samples
from nova_api.tests.fixtures import compute_driver
from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_resize

get = api_samples.get
send = api_samples.send
Resource = api_samples.Resource

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
NETWORK_ID = '3b7f3c5e-0c1b-4f3a-9d55-6f0e8a2c1d40'
HOST = 'compute1'

# Sample values that name things of Nova's test deployment, and what they
# are here.
SAMPLE_VALUES = {
    '70a599e0-31e7-49b7-b260-868f441e862b': CIRROS,
    '3cb9bc59-5699-4588-a4b1-b87f96708bc6': NETWORK_ID,
    'us-west': 'nova',
    '%(availability_zone)s': 'nova',
    'openstack-node-01': HOST,
    'host01': HOST,
    'host1': HOST,
    # Flavor 6 (m1.tiny.specs) of Nova's sample deployment; 1 here.
    '6': '1',
    '48e6a9f6-30af-47e0-bc04-acaed113bb4e': '{server_id}',
    'f3d86fe6-4246-4be8-b87c-eb894626c741': '{group_id}',
    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}':
        '{server_id}',
    'new-server-test': '{unique}',
    'fake_tenant': '{other_project_id}',
    'fake': '{user_id}',
    # The host a live-migration sample names: the one its server is not
    # on.
    '01c0cadef72d47e28a672a76060d492c': '{live_host}',
}


_FAKE_HAS_NO_UPTIME = ('Nova\'s samples are of its fake driver, which '
                       'tells no uptime; the simulated hosts do')
# The hypervisor of HOST, by its uuid (2.53).
_HYPERVISOR = hypervisors.hypervisor_uuid(HOST)
# The samples of 2.53 and 2.88, which name hypervisors by uuid.
_HYPERVISORS_BY_UUID = {
    'hypervisors-list-resp.json': get('/os-hypervisors?limit=1'),
    'hypervisors-detail-resp.json': get('/os-hypervisors/detail?limit=1'),
    'hypervisors-detail-with-servers-resp.json': get(
        '/os-hypervisors/detail?hypervisor_hostname_pattern=compute1'
        '&with_servers=1'),
    'hypervisors-search-resp.json': get(
        '/os-hypervisors?hypervisor_hostname_pattern=compute1'),
    'hypervisors-with-servers-resp.json': get(
        '/os-hypervisors?hypervisor_hostname_pattern=compute1'
        '&with_servers=true'),
    'hypervisors-show-resp.json': get('/os-hypervisors/' + _HYPERVISOR),
    'hypervisors-show-with-servers-resp.json': get(
        '/os-hypervisors/%s?with_servers=1' % _HYPERVISOR),
}
# As on /os-availability-zone/detail.
_NEVER_REPORTS = 'the simulated services never report a time'
# The compute service of HOST, by the uuid its record gets (2.53).
_COMPUTE_SERVICE = '/os-services/' + services.record_uuid(HOST,
                                                          'nova-compute')


def _server_leeway(prefix):
    return api_samples.Leeway(
        maps={prefix + 'metadata': 'metadata keys are the user\'s',
              prefix + 'addresses': 'keys are network labels',
              prefix + 'flavor.extra_specs': 'keys are the flavor\'s',
              prefix + 'image.properties': 'keys are the image\'s',
              prefix + 'scheduler_hints': 'keys are the hints given'},
        empty={
            prefix + 'flavor.extra_specs.*':
                'the server\'s flavor (1) has no extra specs',
            prefix + 'os-extended-volumes:volumes_attached[]':
                'the server has no volume attached',
            prefix + 'server_groups[]': 'the server is in no server group',
            prefix + 'trusted_image_certificates[]':
                'the server was created without certificates',
            prefix + 'tags[]': 'only os-server-tags gives the server tags',
        },
        nullable={
            # Nova stores '' for an image without kernel or ramdisk; the
            # fake instance of its samples from 2.16 on has null.
            prefix + 'OS-EXT-SRV-ATTR:kernel_id': 'the image has no kernel',
            prefix + 'OS-EXT-SRV-ATTR:ramdisk_id': 'the image has no ramdisk',
            prefix + 'locked_reason': 'the sample\'s server was locked '
                                      'with a reason (os-lock-server)',
            prefix + 'description': 'the server has no description',
            prefix + 'trusted_image_certificates':
                'the server was created without certificates',
        })


SERVER_LEEWAY = _server_leeway('server.').merged(
    _server_leeway('servers[].'))
SERVER_ACTIONS = 'server actions other than reboot, os-stop and os-start'
HOST_ACTIONS = ('the compute driver, like libvirt, has no host '
                'maintenance, enabling or power actions: Nova answers 501')
# A usage report since before the samples' servers were made, until now.
_USAGE = '/os-simple-tenant-usage?start=2020-01-01T00:00:00'
_PROJECT_USAGE = ('/os-simple-tenant-usage/{project_id}'
                  '?start=2020-01-01T00:00:00')
BOOT_FROM_VOLUME = ('boot from a volume made from an image: the volume '
                    'service, issue 17')
DOWN_CELL = ('the partial servers (and services) of a cell that is down '
             '(2.69): nova_api has one database, no cells')
# Nova's samples from 2.90 on are a member's view (the hostname attribute
# non-admins see), those before an admin's.
SERVER_PERSONA = {'2.0': 'admin', '2.90': 'member'}
SERVERS = Resource(
    prepare=('server_group', 'servers', 'rebuild_key'),
    persona=SERVER_PERSONA,
    leeway=SERVER_LEEWAY,
    calls={
        'server-get-resp.json': get('/servers/{server_id}'),
        'servers-list-resp.json': get('/servers?limit=1'),
        'servers-details-resp.json': get('/servers/detail?limit=1'),
        'servers-list-status-resp.json': get(
            '/servers?limit=1&status=active&status=error'),
        'v2.73/servers-details-resp.json': get('/servers/detail'),
        'servers-list-with-changes-before.json': get(
            '/servers?changes-before={future}'),
        'servers-details-with-changes-before.json': get(
            '/servers/detail?changes-before={future}'),
        'server-update-resp.json': send(
            'PUT', '/servers/{server_id}', 'server-update-req.json',
            leeway={'2.104': api_samples.Leeway(empty={
                'server.scheduler_hints.*':
                    'Nova made the server of its 2.104 update sample '
                    'without hints (its common create request), the '
                    'server here has those of the 2.100 create sample'})}),
        'server-put-resp.json': send('PUT', '/servers/{server_id}',
                                     'server-put-req.json'),
        'server-create-resp.json': send('POST', '/servers',
                                        'server-create-req.json',
                                        status=202),
        'server-create-req-v237.json': send('POST', '/servers', status=202,
                                            since='2.37'),
        'server-create-req-v257.json': send('POST', '/servers', status=202,
                                            since='2.57'),
        'server-create-req-with-host-and-node.json': send(
            'POST', '/servers', status=202, persona='admin'),
        'server-create-req-with-only-host.json': send(
            'POST', '/servers', status=202, persona='admin'),
        'server-create-req-with-only-node.json': send(
            'POST', '/servers', status=202, persona='admin'),
        'server-groups-post-resp.json': send(
            'POST', '/os-server-groups', 'server-groups-post-req.json',
            sets={'server_group.name': '{unique}'}),
        'server-action-reboot.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-rebuild.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-rebuild-resp.json': send(
            'POST', '/servers/{server_id}/action',
            'server-action-rebuild.json', status=202),
        'server-action-stop.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-start.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-trigger-crash-dump.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        # Before 2.45 the request alone (no body answers), then its
        # answer {"image_id": ...}.
        'server-action-create-image.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-create-image-resp.json': send(
            'POST', '/servers/{server_id}/action',
            'server-action-create-image.json', status=202),
        # Last: they move the server and change its flavor.
        'server-action-resize.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-revert-resize.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-action-confirm-resize.json': [
            send('POST', '/servers/{server_id}/action',
                 'server-action-resize.json', status=202, compare=False),
            send('POST', '/servers/{server_id}/action', status=204)],
    },
    not_served={
        'server-action-addfloatingip-req.json': SERVER_ACTIONS,
        'server-action-removefloatingip-req.json': SERVER_ACTIONS,
        'lock-server-with-reason.json': send(
            'POST', '/servers/{server_id}/action', status=202),
        'server-get-down-cell-resp.json': DOWN_CELL,
        'v2.69/server-get-resp.json': DOWN_CELL,
        'v2.69/servers-list-resp.json': DOWN_CELL,
        'v2.69/servers-details-resp.json': DOWN_CELL,
        # No imageRef: the image is a block device to boot from, made into
        # a volume by the volume service.
        'v2.32/server-create-resp.json': BOOT_FROM_VOLUME,
        'v2.42/server-create-resp.json': BOOT_FROM_VOLUME,
        'v2.67/server-create-resp.json': BOOT_FROM_VOLUME,
    })

FLAVOR_LEEWAY = api_samples.Leeway(
    maps={'flavor.extra_specs': 'keys are the flavor\'s',
          'flavors[].extra_specs': 'keys are the flavor\'s'},
    empty={'flavors[].extra_specs.*': 'flavors of the default set have no '
                                      'extra specs'})

GONE = ('removed from Nova (410 Gone there and here); its samples are of '
        'the versions before')
_ACTIONS = '/servers/{stopped_server_id}/os-instance-actions'


def _shelve_action(request=api_samples.REQUEST_ONLY, compare=True):
    """The sample's action, or another's sent first to make state."""
    return send('POST', '/servers/{server_id}/action', request, status=202,
                compare=compare)


_OFFLOADED = [_shelve_action('os-shelve.json', compare=False),
              _shelve_action('os-shelve-offload.json', compare=False)]

SERVED = {
    'servers': SERVERS,
    'os-lock-server': Resource(
        prepare=('servers',),
        calls={
            'lock-server-with-reason.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'lock-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'unlock-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
        }),
    # Each folder's calls run in this order, on the prepared server.
    'os-pause-server': Resource(
        prepare=('servers',),
        calls={
            'pause-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'unpause-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
        }),
    'os-suspend-server': Resource(
        prepare=('servers',),
        calls={
            'server-suspend.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'server-resume.json': send(
                'POST', '/servers/{server_id}/action', status=202),
        }),
    # Restored, then deleted at once (forceDelete takes any server).
    'os-deferred-delete': Resource(
        prepare=('soft_deleted_server',),
        calls={
            'restore-post-req.json': send(
                'POST', '/servers/{soft_deleted_server_id}/action',
                status=202),
            'force-delete-post-req.json': send(
                'POST', '/servers/{soft_deleted_server_id}/action',
                status=202),
        }),
    'os-shelve': Resource(
        prepare=('servers',),
        calls={
            'os-shelve.json': _shelve_action(),
            'os-unshelve.json': _shelve_action(),
            'os-shelve-offload.json': [
                _shelve_action('os-shelve.json', compare=False),
                _shelve_action()],
            # The samples naming a zone or a host unshelve an offloaded
            # server: each offloads it first.
            **{name: _OFFLOADED + [_shelve_action()] for name in (
                'os-unshelve-az.json', 'os-unshelve-unpin-az.json',
                'os-unshelve-az-host.json',
                'os-unshelve-host-and-unpin-az.json',
                'os-unshelve-host.json')},
        }),
    'os-migrate-server': Resource(
        prepare=('servers',),
        calls={
            # First: the server is back on compute1 at once.
            'live-migrate-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'migrate-server.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'v2.56/migrate-server-null.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            # Another server: the first is VERIFY_RESIZE by now.
            'v2.56/migrate-server.json': send(
                'POST', '/servers/{first_server_id}/action', status=202,
                sets={'migrate.host': 'compute2'}),
        }),
    # A live migration of server_id runs (prepared); the other server is
    # the one each folder's live-migrate sample moves.
    'server-migrations': Resource(
        prepare=('servers', 'running_live_migration'),
        leeway=api_samples.Leeway(nullable={
            '%s.disk_%s_bytes' % (prefix, amount):
                'the simulated hosts share their storage: no disk is '
                'copied'
            for prefix in ('migration', 'migrations[]')
            for amount in ('total', 'processed', 'remaining')}),
        calls={
            'migrations-index.json': get('/servers/{server_id}/migrations'),
            'migrations-get.json': get(
                '/servers/{server_id}/migrations/{migration_id}'),
            'live-migrate-server.json': send(
                'POST', '/servers/{first_server_id}/action', status=202),
            'v2.22/force_complete.json': send(
                'POST', '/servers/{server_id}/migrations/{migration_id}'
                '/action', status=202),
        }),
    # Two servers on compute1, whose service is down; the one named
    # {server_id} goes where the scheduler says, the other to compute2.
    'os-evacuate': Resource(
        prepare=('evacuable_servers',),
        calls={
            'server-evacuate-find-host-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'server-evacuate-find-host-req.json', status=200),
            'server-evacuate-resp.json': send(
                'POST', '/servers/{first_server_id}/action',
                'server-evacuate-req.json', status=200,
                sets={'evacuate.host': 'compute2'}),
            'server-evacuate-find-host-req.json': send(
                'POST', '/servers/{server_id}/action', status=200),
            'server-evacuate-req.json': send(
                'POST', '/servers/{first_server_id}/action', status=200,
                sets={'evacuate.host': 'compute2'}),
        },
        # The base folder's requests are sent with its responses.
        not_served={'v2.1/server-evacuate-find-host-req.json': 'sent for '
                    'server-evacuate-find-host-resp.json',
                    'v2.1/server-evacuate-req.json': 'sent for '
                    'server-evacuate-resp.json'}),
    'os-migrations': Resource(
        prepare=('migrations',),
        calls={
            'migrations-get.json': get('/os-migrations'),
            'migrations-get-with-limit.json': get('/os-migrations?limit=1'),
            'migrations-get-with-marker.json': get(
                '/os-migrations?marker={migration_uuid}'),
            'migrations-get-with-changes-since.json': get(
                '/os-migrations?changes-since={before_migrations}'),
            'migrations-get-with-changes-before.json': get(
                '/os-migrations?changes-before={future}'),
            'migrations-get-with-user-or-project-id.json': get(
                '/os-migrations?user_id={user_id}&project_id={project_id}'),
        },
        leeway=api_samples.Leeway(optional={
            'migrations[].links': 'only an in-progress live migration has '
                                  'links; these are resizes'})),
    'os-admin-password': Resource(
        prepare=('servers',),
        calls={
            'admin-password-change-password.json': send(
                'POST', '/servers/{server_id}/action', status=202),
        }),
    'os-console-output': Resource(
        prepare=('servers',),
        calls={
            'console-output-post-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'console-output-post-req.json'),
        }),
    'os-remote-consoles': Resource(
        prepare=('servers',),
        persona='member',
        calls={
            'get-vnc-console-post-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'get-vnc-console-post-req.json'),
            'get-spice-console-post-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'get-spice-console-post-req.json'),
            'get-serial-console-post-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'get-serial-console-post-req.json'),
            # Nova refuses both since its Hyper-V driver went.
            'get-rdp-console-post-req.json': send(
                'POST', '/servers/{server_id}/action', status=400),
            'create-rdp-console-req.json': send(
                'POST', '/servers/{server_id}/remote-consoles', status=400),
            'create-vnc-console-resp.json': send(
                'POST', '/servers/{server_id}/remote-consoles',
                'create-vnc-console-req.json'),
            'create-mks-console-resp.json': send(
                'POST', '/servers/{server_id}/remote-consoles',
                'create-mks-console-req.json'),
            'create-spice-direct-console-resp.json': send(
                'POST', '/servers/{server_id}/remote-consoles',
                'create-spice-direct-console-req.json'),
        },
        not_served={
            'get-rdp-console-post-resp.json':
                'RDP consoles went with Nova\'s Hyper-V driver: Nova '
                'answers 400',
        }),
    'os-console-auth-tokens': Resource(
        prepare=('servers', 'console_token'),
        calls={
            'create-serial-console-req.json': send(
                'POST', '/servers/{server_id}/remote-consoles'),
            'create-spice-direct-console-req.json': send(
                'POST', '/servers/{server_id}/remote-consoles'),
            'get-console-connect-info-get-resp.json': get(
                '/os-console-auth-tokens/{console_token}'),
        },
        leeway=api_samples.Leeway(nullable={
            'console.internal_access_path':
                'the simulated hypervisor\'s consoles have no internal '
                'access path, as libvirt\'s'})),
    'os-rescue': Resource(
        prepare=('servers',),
        calls={
            'server-rescue.json': send(
                'POST', '/servers/{server_id}/action',
                'server-rescue-req.json'),
            'server-get-resp-rescue.json': get('/servers/{server_id}'),
            'server-unrescue-req.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'server-get-resp-unrescue.json': get('/servers/{server_id}'),
            'server-rescue-req-with-image-ref.json': send(
                'POST', '/servers/{server_id}/action'),
        },
        persona='member',
        leeway=SERVER_LEEWAY),
    'os-create-backup': Resource(
        prepare=('servers',),
        calls={
            'create-backup-req.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'create-backup-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'create-backup-req.json', status=202),
        }),
    'os-multiple-create': Resource(
        calls={
            'multiple-create-post-resp.json': send(
                'POST', '/servers', 'multiple-create-post-req.json',
                status=202),
            'multiple-create-no-resv-post-resp.json': send(
                'POST', '/servers', 'multiple-create-no-resv-post-req.json',
                status=202),
        }),
    'servers-sort': Resource(
        prepare=('servers',),
        calls={'server-sort-keys-list-resp.json': get(
            '/servers?sort_key=display_name&sort_dir=asc')}),
    'server-ips': Resource(
        prepare=('servers',),
        leeway=api_samples.Leeway(maps={'addresses': 'network labels'}),
        calls={
            'server-ips-resp.json': get('/servers/{server_id}/ips'),
            'server-ips-network-resp.json': get(
                '/servers/{server_id}/ips/{network}'),
        }),
    'server-metadata': Resource(
        prepare=('servers',),
        leeway=api_samples.Leeway(maps={'metadata': 'the user\'s keys',
                                        'meta': 'the user\'s key'}),
        calls={
            'server-metadata-all-resp.json': [
                send('POST', '/servers/{server_id}/metadata',
                     'server-metadata-all-req.json'),
                send('PUT', '/servers/{server_id}/metadata',
                     'server-metadata-all-req.json'),
                get('/servers/{server_id}/metadata')],
            'server-metadata-resp.json': [
                send('PUT', '/servers/{server_id}/metadata/foo',
                     'server-metadata-req.json'),
                get('/servers/{server_id}/metadata/foo')],
        }),
    'os-admin-actions': Resource(
        prepare=('servers',),
        calls={
            'admin-actions-reset-server-state.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'admin-actions-inject-network-info.json': send(
                'POST', '/servers/{server_id}/action', status=202),
        },
        not_served={'admin-actions-reset-network.json': GONE}),
    'os-preserve-ephemeral-rebuild': Resource(
        prepare=('servers',),
        calls={
            'server-action-rebuild-preserve-ephemeral.json': send(
                'POST', '/servers/{server_id}/action', status=202),
            'server-action-rebuild-preserve-ephemeral-resp.json': send(
                'POST', '/servers/{server_id}/action',
                'server-action-rebuild-preserve-ephemeral.json',
                status=202),
        }),
    'os-instance-actions': Resource(
        prepare=('stopped_server',),
        persona='member',
        calls={
            'instance-actions-list-resp.json': get(_ACTIONS),
            'instance-action-get-resp.json': get(
                _ACTIONS + '/{stop_request_id}', persona='admin'),
            'instance-action-get-non-admin-resp.json': get(
                _ACTIONS + '/{stop_request_id}'),
            'instance-actions-list-with-limit-resp.json': get(
                _ACTIONS + '?limit=1'),
            'instance-actions-list-with-marker-resp.json': get(
                _ACTIONS + '?marker={stop_request_id}'),
            'instance-actions-list-with-changes-since.json': get(
                _ACTIONS + '?changes-since={before_stop}'),
            'instance-actions-list-with-changes-before.json': get(
                _ACTIONS + '?changes-before={future}'),
        }),
    'os-server-diagnostics': Resource(
        prepare=('servers',),
        calls={'server-diagnostics-get-resp.json': get(
            '/servers/{server_id}/diagnostics')}),
    'os-server-topology': Resource(
        prepare=('numa_server',),
        calls={
            'servers-topology-resp.json': get(
                '/servers/{numa_server_id}/topology'),
            'servers-topology-resp-user.json': get(
                '/servers/{numa_server_id}/topology', persona='member'),
        }),
    'os-server-external-events': Resource(
        prepare=('servers',),
        calls={
            # The sample's "test-event" is no event name Nova takes.
            'event-create-req.json': send(
                'POST', '/os-server-external-events', status=400),
            'event-create-resp.json': send(
                'POST', '/os-server-external-events',
                'event-create-req.json',
                sets={'events.0.name': 'network-changed',
                      'events.0.server_uuid': '{server_id}'}),
        }),
    'os-simple-tenant-usage': Resource(
        prepare=('servers',),
        calls={
            'simple-tenant-usage-get.json': get(_USAGE),
            'simple-tenant-usage-get-detail.json': get(
                _USAGE + '&detailed=1'),
            'simple-tenant-usage-get-specific.json': get(_PROJECT_USAGE),
            # Two servers: a page of one has a next link.
            'v2.40/simple-tenant-usage-get.json': get(_USAGE + '&limit=1'),
            'v2.40/simple-tenant-usage-get-all.json': get(
                _USAGE + '&detailed=1'),
            'v2.40/simple-tenant-usage-get-detail.json': get(
                _USAGE + '&detailed=1&limit=1'),
            'v2.40/simple-tenant-usage-get-specific.json': get(
                _PROJECT_USAGE + '&limit=1'),
        }),
    'os-hosts': Resource(
        calls={
            'hosts-list-resp.json': get('/os-hosts'),
            'host-get-resp.json': get('/os-hosts/' + HOST),
        },
        not_served={
            name: HOST_ACTIONS for name in (
                'host-put-maintenance-req.json',
                'host-put-maintenance-resp.json', 'host-get-reboot.json',
                'host-get-shutdown.json', 'host-get-startup.json')}),
    'os-instance-usage-audit-log': Resource(
        leeway=api_samples.Leeway(
            maps={'instance_usage_audit_logs.log': 'keys are host names',
                  'instance_usage_audit_log.log': 'keys are host names'},
            empty={'instance_usage_audit_logs.log.*':
                       'no host runs the usage audit here',
                   'instance_usage_audit_log.log.*':
                       'no host runs the usage audit here'}),
        calls={
            'inst-usage-audit-log-index-get-resp.json': get(
                '/os-instance_usage_audit_log'),
            'inst-usage-audit-log-show-get-resp.json': get(
                '/os-instance_usage_audit_log/2012-07-01%2000:00:00'),
        }),
    'os-server-password': Resource(
        prepare=('keyed_server',),
        calls={'get-password-resp.json': get(
            '/servers/{keyed_server_id}/os-server-password')}),
    'os-server-tags': Resource(
        prepare=('servers',),
        persona='member',
        leeway=SERVER_LEEWAY,
        calls={
            'server-tags-put-all-resp.json': send(
                'PUT', '/servers/{server_id}/tags',
                'server-tags-put-all-req.json'),
            'server-tags-index-resp.json': get('/servers/{server_id}/tags'),
            'server-tags-show-details-resp.json': get(
                '/servers/{server_id}'),
            'servers-tags-details-resp.json': get('/servers/detail'),
        }),
    'flavors': Resource(
        prepare=('flavor',),
        leeway=FLAVOR_LEEWAY,
        calls={
            'flavor-get-resp.json': get('/flavors/{flavor_id}'),
            'flavors-list-resp.json': get('/flavors'),
            'flavors-detail-resp.json': get('/flavors/detail'),
        }),
    'flavor-manage': Resource(
        prepare=('flavor', 'bare_flavor'),
        leeway=FLAVOR_LEEWAY,
        calls={
            'flavor-create-post-resp.json': send(
                'POST', '/flavors', 'flavor-create-post-req.json',
                sets={'flavor.id': '{unique}', 'flavor.name': '{unique}'}),
            'flavor-update-resp.json': send(
                'PUT', '/flavors/{bare_flavor_id}',
                'flavor-update-req.json'),
        }),
    'flavor-access': Resource(
        calls={
            'flavor-create-req.json': send(
                'POST', '/flavors', sets={'flavor.id': '{access_flavor_id}',
                                          'flavor.name': '{unique}'}),
            'v2.7/flavor-access-add-tenant-req.json': send(
                'POST', '/flavors/{access_flavor_id}/action', status=409),
            'flavor-access-add-tenant-resp.json': send(
                'POST', '/flavors/{access_flavor_id}/action',
                'flavor-access-add-tenant-req.json'),
            'flavor-access-list-resp.json': get(
                '/flavors/{access_flavor_id}/os-flavor-access'),
            'flavor-access-remove-tenant-resp.json': send(
                'POST', '/flavors/{access_flavor_id}/action',
                'flavor-access-remove-tenant-req.json'),
        }),
    'flavor-extra-specs': Resource(
        prepare=('flavor',),
        leeway=api_samples.Leeway(maps={'extra_specs': 'the specs\' keys'}),
        calls={
            'flavor-extra-specs-create-resp.json': send(
                'POST', '/flavors/{flavor_id}/os-extra_specs',
                'flavor-extra-specs-create-req.json'),
            'flavor-extra-specs-list-resp.json': get(
                '/flavors/{flavor_id}/os-extra_specs'),
            'flavor-extra-specs-get-resp.json': get(
                '/flavors/{flavor_id}/os-extra_specs/hw:numa_nodes'),
            'flavor-extra-specs-update-resp.json': send(
                'PUT', '/flavors/{flavor_id}/os-extra_specs/hw:numa_nodes',
                'flavor-extra-specs-update-req.json'),
        }),
    'os-keypairs': Resource(
        prepare=('keypairs',),
        calls={
            'keypairs-post-resp.json': send(
                'POST', '/os-keypairs', 'keypairs-post-req.json',
                status={'2.0': 200, '2.2': 201},
                sets={'keypair.name': '{unique}'}),
            'v2.92/keypairs-post-req.json': send(
                'POST', '/os-keypairs', status=400,
                sets={'keypair.name': '{unique}'}),
            'keypairs-import-post-resp.json': send(
                'POST', '/os-keypairs', 'keypairs-import-post-req.json',
                status={'2.0': 200, '2.2': 201},
                sets={'keypair.name': '{unique}'}),
            'keypairs-get-resp.json': get('/os-keypairs/{keypair}'),
            'keypairs-list-resp.json': get(
                '/os-keypairs?marker={keypair_marker}&limit=1'),
            'keypairs-list-user1-resp.json': get(
                '/os-keypairs?user_id={member_user_id}'
                '&marker={member_keypair_marker}'),
            'keypairs-list-user2-resp.json': get(
                '/os-keypairs?user_id={member_user_id}'
                '&marker={member_keypair_marker}&limit=1'),
        }),
    # In the order that gives each sample's state: the show before any
    # host, the list with one, the rest after it is removed again.
    'os-aggregates': Resource(
        calls={
            'aggregate-post-resp.json': send(
                'POST', '/os-aggregates', 'aggregate-post-req.json',
                sets={'aggregate.name': '{unique}'},
                capture={'aggregate_id': 'aggregate.id'}),
            'aggregates-get-resp.json': get('/os-aggregates/{aggregate_id}'),
            'aggregates-add-host-post-resp.json': send(
                'POST', '/os-aggregates/{aggregate_id}/action',
                'aggregate-add-host-post-req.json',
                sets={'add_host.host': HOST}),
            'aggregates-list-get-resp.json': get('/os-aggregates'),
            'aggregates-remove-host-post-resp.json': send(
                'POST', '/os-aggregates/{aggregate_id}/action',
                'aggregate-remove-host-post-req.json',
                sets={'remove_host.host': HOST}),
            'aggregates-metadata-post-resp.json': send(
                'POST', '/os-aggregates/{aggregate_id}/action',
                'aggregate-metadata-post-req.json'),
            'aggregate-update-post-resp.json': send(
                'PUT', '/os-aggregates/{aggregate_id}',
                'aggregate-update-post-req.json',
                sets={'aggregate.name': '{unique}'}),
            'v2.81/aggregate-images-post-req.json': send(
                'POST', '/os-aggregates/{aggregate_id}/images', status=202),
        },
        leeway=api_samples.Leeway(
            maps={'aggregate.metadata': 'metadata keys are the caller\'s',
                  'aggregates[].metadata':
                      'metadata keys are the caller\'s'})),
    'os-server-groups': Resource(
        prepare=('server_group',),
        calls={
            'server-groups-post-resp.json': send(
                'POST', '/os-server-groups', 'server-groups-post-req.json',
                sets={'server_group.name': '{unique}'}),
            'server-groups-get-resp.json': get(
                '/os-server-groups/{group_id}'),
            'server-groups-list-resp.json': get('/os-server-groups'),
        }),
    'os-quota-sets': Resource(
        calls={
            'quotas-show-get-resp.json': get(
                '/os-quota-sets/{member_project_id}'),
            'quotas-show-defaults-get-resp.json': get(
                '/os-quota-sets/{member_project_id}/defaults'),
            'quotas-show-detail-get-resp.json': get(
                '/os-quota-sets/{member_project_id}/detail'),
            'quotas-update-post-resp.json': send(
                'PUT', '/os-quota-sets/{member_project_id}',
                'quotas-update-post-req.json'),
            'quotas-update-force-post-resp.json': send(
                'PUT', '/os-quota-sets/{member_project_id}',
                'quotas-update-force-post-req.json'),
            'user-quotas-show-get-resp.json': get(
                '/os-quota-sets/{member_project_id}'
                '?user_id={member_user_id}'),
            'user-quotas-update-post-resp.json': send(
                'PUT', '/os-quota-sets/{member_project_id}'
                '?user_id={member_user_id}',
                'user-quotas-update-post-req.json'),
        }),
    'os-quota-class-sets': Resource(
        calls={
            'quota-classes-show-get-resp.json': get(
                '/os-quota-class-sets/test_class'),
            'quota-classes-update-post-resp.json': send(
                'PUT', '/os-quota-class-sets/test_class',
                'quota-classes-update-post-req.json'),
        }),
    'limits': Resource(
        calls={'limit-get-resp.json': get('/limits', persona='member')}),
    'images': Resource(
        leeway=api_samples.Leeway(
            maps={'metadata': 'keys are the image\'s',
                  'meta': 'the key is the image\'s',
                  'image.metadata': 'keys are the image\'s',
                  'images[].metadata': 'keys are the image\'s'}),
        calls={
            'image-metadata-get-resp.json': get(
                '/images/{image_id}/metadata'),
            'image-metadata-post-resp.json': send(
                'POST', '/images/{image_id}/metadata',
                'image-metadata-post-req.json'),
            'image-meta-key-get.json': get(
                '/images/{image_id}/metadata/kernel_id'),
            'image-meta-key-put-resp.json': send(
                'PUT', '/images/{image_id}/metadata/auto_disk_config',
                'image-meta-key-put-req.json'),
            'image-metadata-put-resp.json': send(
                'PUT', '/images/{image_id}/metadata',
                'image-metadata-put-req.json'),
            'images-list-get-resp.json': get('/images'),
            'images-details-get-resp.json': get('/images/detail'),
            'image-get-resp.json': get('/images/{image_id}'),
        }),
    'os-availability-zone': Resource(
        calls={
            'availability-zone-list-resp.json': get('/os-availability-zone'),
            'availability-zone-detail-resp.json': get(
                '/os-availability-zone/detail'),
        },
        leeway=api_samples.Leeway(
            maps={'availabilityZoneInfo[].hosts': 'keys are host names',
                  'availabilityZoneInfo[].hosts.*': 'keys are services'})),
    'os-hypervisors': Resource(
        prepare=('hosted_server',),
        calls={
            'hypervisors-list-resp.json': get('/os-hypervisors'),
            'hypervisors-detail-resp.json': get('/os-hypervisors/detail'),
            'hypervisors-show-resp.json': get('/os-hypervisors/1'),
            'hypervisors-statistics-resp.json': get(
                '/os-hypervisors/statistics'),
            'hypervisors-uptime-resp.json': get('/os-hypervisors/1/uptime'),
            'hypervisors-search-resp.json': get(
                '/os-hypervisors/compute/search'),
            'hypervisors-with-servers-resp.json': get(
                '/os-hypervisors/compute1/servers'),
            'hypervisors-without-servers-resp.json': get(
                '/os-hypervisors/compute2/servers'),
            'v2.33/hypervisors-list-resp.json': get(
                '/os-hypervisors?limit=1'),
            'v2.33/hypervisors-detail-resp.json': get(
                '/os-hypervisors/detail?limit=1'),
            **{'%s/%s' % (folder, name): call
               for folder in ('v2.53', 'v2.88')
               for name, call in _HYPERVISORS_BY_UUID.items()},
            'v2.53/hypervisors-uptime-resp.json': get(
                '/os-hypervisors/%s/uptime' % _HYPERVISOR),
            'v2.53/hypervisors-statistics-resp.json': get(
                '/os-hypervisors/statistics'),
            'v2.53/hypervisors-without-servers-resp.json': get(
                '/os-hypervisors?hypervisor_hostname_pattern=compute2'
                '&with_servers=false'),
        },
        leeway=api_samples.Leeway(nullable={
            'hypervisor.uptime': _FAKE_HAS_NO_UPTIME,
            'hypervisors[].uptime': _FAKE_HAS_NO_UPTIME})),
    'os-services': Resource(
        calls={
            'services-list-get-resp.json': get('/os-services'),
            'service-enable-put-resp.json': send(
                'PUT', '/os-services/enable', 'service-enable-put-req.json'),
            'service-disable-put-resp.json': send(
                'PUT', '/os-services/disable',
                'service-disable-put-req.json'),
            'service-disable-log-put-resp.json': send(
                'PUT', '/os-services/disable-log-reason',
                'service-disable-log-put-req.json'),
            'service-force-down-put-resp.json': send(
                'PUT', '/os-services/force-down',
                'service-force-down-put-req.json'),
            'v2.53/service-enable-put-resp.json': send(
                'PUT', _COMPUTE_SERVICE, 'service-enable-put-req.json'),
            'v2.53/service-disable-put-resp.json': send(
                'PUT', _COMPUTE_SERVICE, 'service-disable-put-req.json'),
            'v2.53/service-disable-log-put-resp.json': send(
                'PUT', _COMPUTE_SERVICE, 'service-disable-log-put-req.json'),
            'v2.53/service-force-down-put-resp.json': send(
                'PUT', _COMPUTE_SERVICE, 'service-force-down-put-req.json'),
        },
        not_served={'v2.69/services-list-get-resp.json': DOWN_CELL},
        leeway=api_samples.Leeway(nullable={
            'services[].updated_at': _NEVER_REPORTS,
            'service.updated_at': _NEVER_REPORTS})),
    'versions': Resource(
        calls={
            'versions-get-resp.json': get('/', raw_url=True),
            'v2-version-get-resp.json': get('/v2/', raw_url=True),
            'v21-version-get-resp.json': get('/v2.1/', raw_url=True),
        }),
}

# The resources nova_api does not serve yet, with the issue bringing them.
_WAITING = {
    'hosts and moves, issue 15': (
        'os-baremetal-nodes',),
    'the network service, issue 16': (
        'os-attach-interfaces', 'os-floating-ip-pools', 'os-floating-ips',
        'os-multinic', 'os-networks', 'os-networks-associate',
        'os-security-groups', 'os-tenant-networks'),
    'the volume service, issue 17': (
        'os-assisted-volume-snapshots', 'os-snapshots',
        'os-volume_attachments', 'os-volumes'),
    'no issue yet': ('extension-info', 'os-server-shares'),
}
NOT_SERVED = {name: 'not served yet: ' + waiting
              for waiting, names in _WAITING.items() for name in names}
NOT_SERVED['os-quota-sets-noop'] = (
    'the samples of Nova\'s noop quota driver: nova_api counts quotas')
for _name in ('os-agents', 'os-cells', 'os-certificates', 'os-cloudpipe',
              'os-fixed-ips', 'os-floating-ip-dns', 'os-floating-ips-bulk',
              'os-fping', 'os-security-group-default-rules', 'consoles',
              'os-virtual-interfaces'):
    NOT_SERVED[_name] = GONE


def _version(text):
    return microversion.APIVersionRequest(text)


def _need_the_samples(test):
    if os.path.isdir(api_samples.SAMPLES_DIR):
        return
    missing = ("Nova's api_samples are not at %s: check the project out with "
               "shared/ beside it (shared/reference/api_samples)."
               % api_samples.SAMPLES_DIR)
    # CI checks the project out with shared/; there a missing reference is
    # a broken checkout, not a reason to test less.
    if strutils.bool_from_string(os.environ.get('CI')):
        test.fail(missing)
    test.skipTest(missing)


class APISamplesTestV2(base.APITestCase):
    """The base folders on /v2; the /v2.1 subclass adds every vX.Y folder
    up to the maximum. The test methods are added below the classes."""

    def setUp(self):
        super().setUp()
        _need_the_samples(self)
        self.skip_if_remote('creates servers and sets how long tasks take')
        self.conf.config(group='simulated', build_seconds=0,
                         reboot_seconds=0, stop_seconds=0, start_seconds=0,
                         pause_seconds=0, unpause_seconds=0,
                         suspend_seconds=0, resume_seconds=0,
                         shelve_seconds=0, shelve_offload_seconds=0,
                         unshelve_seconds=0, rescue_seconds=0,
                         unrescue_seconds=0, change_password_seconds=0,
                         rebuild_seconds=0, snapshot_seconds=0,
                         soft_delete_seconds=0, restore_seconds=0,
                         resize_seconds=0, revert_resize_seconds=0,
                         live_migration_seconds=0)
        # Shelved servers stay on their host until shelveOffload.
        self.conf.config(shelved_offload_time=-1)
        # Every console service (os-remote-consoles).
        for group in ('spice', 'serial_console', 'mks'):
            self.conf.config(enabled=True, group=group)
        self.state = {
            'project_id': self.project_id('admin'),
            'user_id': self.user_id('admin'),
            'member_project_id': self.project_id('member'),
            'member_user_id': self.user_id('member'),
            'other_project_id': self.project_id('other'),
            'image_id': CIRROS,
            'network': 'private',
            # The server of prepare_servers is on compute2.
            'live_host': HOST,
            'access_flavor_id': uuid.uuid4().hex[:8],
            'future': (datetime.datetime.now(datetime.timezone.utc) +
                       datetime.timedelta(hours=1)).strftime(
                           '%Y-%m-%dT%H:%M:%SZ'),
        }

    def wire_version(self, version):
        """The header to send at `version`: none on /v2."""
        return version if self.is_v21 else None

    def call_version(self, version):
        return version if self.is_v21 else '2.0'

    def persona_at(self, resource, call, version):
        persona = call.persona or SERVED[resource].persona
        return api_samples.at_version(persona,
                                      self.call_version(version))

    def check_folder(self, resource, version):
        spec = SERVED[resource]
        to_run = self.calls_of(resource, version)
        if not to_run:
            self.skipTest('every sample of %s at %s is of a route nova_api '
                          'does not serve' % (resource, version))
        self.problems = []
        for name in spec.prepare:
            persona = api_samples.at_version(spec.persona,
                                             self.call_version(version))
            getattr(self, 'prepare_' + name)(persona, version)
        problems = ['%s at %s: the state the samples need: %s' % (
            resource, version, problem) for problem in self.problems]
        for name, calls in to_run:
            for call in calls if isinstance(calls, list) else [calls]:
                problems.extend('%s/%s at %s: %s' % (
                    resource, name, version, problem)
                    for problem in self.check_call(resource, name, call,
                                                   version, spec.leeway))
        if problems:
            self.fail('\n'.join(problems))

    def calls_of(self, resource, version):
        """[(sample file, calls)] of `resource` that run at `version`."""
        folder = dict(api_samples.folders(resource))[version]
        here = api_samples.files(folder)
        found = []
        for key, calls in SERVED[resource].calls.items():
            folder_only, _, name = key.rpartition('/')
            since = [c.since for c in (
                calls if isinstance(calls, list) else [calls])][0]
            in_folder = 'v%s/%s' % (version, name)
            if since:
                runs = since == version and self.is_v21
            elif folder_only:
                runs = folder_only == 'v' + version and name in here
            else:
                runs = name in here and in_folder not in SERVED[
                    resource].calls
            if runs and in_folder not in SERVED[resource].not_served:
                found.append((name, calls))
        return found

    def request_body(self, resource, name, call, version):
        request = call.request
        if request == api_samples.REQUEST_ONLY:
            request = name
        if request is None:
            return None
        body = api_samples.load(resource, version, request)
        if body is None:
            raise AssertionError('no %s up to %s' % (request, version))
        state = dict(self.state, unique='s-' + uuid.uuid4().hex[:12])
        body = api_samples.substituted(copy.deepcopy(body), state,
                                      SAMPLE_VALUES)
        for dotted, template in call.sets.items():
            api_samples.set_at(body, dotted, template.format(**state))
        return body

    def check_call(self, resource, name, call, version, leeway):
        body = self.request_body(resource, name, call, version)
        path = call.path.format(**self.state)
        persona = self.persona_at(resource, call, version)
        resp = self.api(call.method, path, body, persona=persona,
                        version=self.wire_version(version),
                        raw_url=call.raw_url)
        expected = api_samples.at_version(call.status,
                                          self.call_version(version))
        if resp.status != expected:
            why = ''
            if resp.status >= 400:
                why = ': ' + api_samples.fault_message(resp)
            return ['%s %s answered %s, not %s%s' % (
                call.method, path, resp.status, expected, why)]
        for key, dotted in call.capture.items():
            self.state[key] = api_samples.dig(resp.json(), dotted)
        if call.request == api_samples.REQUEST_ONLY or not call.compare:
            return []
        sample = api_samples.load(resource, version, name)
        extra = api_samples.at_version(call.leeway,
                                       self.call_version(version))
        if extra is not None:
            leeway = leeway.merged(extra)
        return api_samples.differences(sample, resp.json(), leeway)

    # The state the samples need, made through the API.

    def create(self, path, body, persona='admin', version=None):
        resp = self.api('POST', path, body, persona=persona,
                        version=self.wire_version(version))
        self.assertIn(resp.status, (200, 201, 202), resp)
        return resp.json()

    def prepare_servers(self, persona, version):
        """Two servers made from the base create sample (so that a list
        with limit=1 has a next link); server_id is the newest, made with
        the scheduler hints of the create sample of `version` (its
        same_host is the first server, its group the prepared one), as
        the samples' server has them."""
        server = api_samples.load('servers', '2.1',
                                  'server-create-req.json')['server']
        hints = api_samples.load('servers', version, 'server-create-req.json'
                                 ).get('OS-SCH-HNT:scheduler_hints')
        for name, with_hints in (('first-sample-server', False),
                                 ('sample-server', True)):
            body = {'server': api_samples.substituted(
                dict(server, name=name), self.state, SAMPLE_VALUES)}
            if with_hints and hints:
                body['OS-SCH-HNT:scheduler_hints'] = api_samples.substituted(
                    hints, self.state, SAMPLE_VALUES)
            self.state['server_id'] = self.create(
                '/servers', body, persona)['server']['id']
            if not with_hints:
                # On compute1, the second on compute2.
                self.state['first_server_id'] = self.state['server_id']

    def prepare_hosted_server(self, persona, version):
        """A server on HOST, none on the other host (the hypervisors
        with and without servers)."""
        self.create('/servers', {'server': {
            'name': 'test_server1', 'imageRef': CIRROS, 'flavorRef': '1',
            'availability_zone': 'nova:' + HOST}}, persona)

    def prepare_stopped_server(self, persona, version):
        """A server created and then stopped (the actions of the
        os-instance-actions samples): stopped_server_id, the stop's
        stop_request_id, and before_stop, a time between the two."""
        self.state['stopped_server_id'] = self.create('/servers', {
            'server': {'name': 'stopped', 'imageRef': CIRROS,
                       'flavorRef': '1'}}, persona)['server']['id']
        self.state['before_stop'] = datetime.datetime.now(
            datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')
        resp = self.api('POST', '/servers/%s/action'
                        % self.state['stopped_server_id'], {'os-stop': None},
                        persona=persona, version=self.wire_version(version))
        self.assertEqual(202, resp.status, resp)
        self.state['stop_request_id'] = resp.header('x-openstack-request-id')

    def prepare_migrations(self, persona, version):
        """Two servers resized (two migration records): migration_uuid,
        the newest record's, and before_migrations, a time before
        both."""
        self.state['before_migrations'] = datetime.datetime.now(
            datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')
        for name in ('first-migrated', 'migrated'):
            server_id = self.create('/servers', {'server': {
                'name': name, 'imageRef': CIRROS, 'flavorRef': '1'}},
                persona)['server']['id']
            resp = self.api('POST', '/servers/%s/action' % server_id,
                            {'resize': {'flavorRef': '2'}}, persona=persona,
                            version=self.wire_version(version))
            self.assertEqual(202, resp.status, resp)
        if not self.is_v21:
            return
        resp = self.api('GET', '/os-migrations', persona=persona,
                        version='2.59')
        self.assertEqual(200, resp.status, resp)
        self.state['migration_uuid'] = resp.json()['migrations'][0]['uuid']

    def prepare_evacuable_servers(self, persona, version):
        """Two servers on HOST (first_server_id, server_id), whose compute
        service then stops reporting."""
        for key in ('first_server_id', 'server_id'):
            self.state[key] = self.create('/servers', {'server': {
                'name': key, 'imageRef': CIRROS, 'flavorRef': '1',
                'availability_zone': 'nova:' + HOST}}, persona)['server']['id']
        self.useFixture(compute_driver.ComputeDriver(
            test_server_resize.Compute1DownDriver()))
    def prepare_running_live_migration(self, persona, version):
        """server_id live-migrated to compute1 and running (4 of its 8
        simulated seconds have passed, time frozen): migration_id; the
        first server (on compute1) is the one the samples move, to
        live_host."""
        self.conf.config(live_migration_seconds=8, group='simulated')
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        resp = self.api('POST', '/servers/%s/action' % self.state[
            'server_id'], {'os-migrateLive': {
                'host': None, 'block_migration': 'auto'}}, persona=persona,
            version='2.25')
        self.assertEqual(202, resp.status, resp)
        timeutils.advance_time_seconds(4)
        resp = self.api('GET', '/servers/%s/migrations'
                        % self.state['server_id'], persona=persona,
                        version='2.23')
        self.assertEqual(200, resp.status, resp)
        [migration] = resp.json()['migrations']
        self.assertEqual('running', migration['status'])
        self.state['migration_id'] = migration['id']
        self.state['live_host'] = 'compute2'

    def prepare_soft_deleted_server(self, persona, version):
        """A server deleted with [DEFAULT] reclaim_instance_interval set:
        soft_deleted_server_id."""
        self.conf.config(reclaim_instance_interval=3600)
        server_id = self.create('/servers', {'server': {
            'name': 'soft-deleted', 'imageRef': CIRROS,
            'flavorRef': '1'}}, persona)['server']['id']
        resp = self.api('DELETE', '/servers/' + server_id, persona=persona,
                        version=self.wire_version(version))
        self.assertEqual(204, resp.status, resp)
        self.state['soft_deleted_server_id'] = server_id

    def prepare_keyed_server(self, persona, version):
        """A server with a keypair, whose guest posts its password."""
        key = self.create('/os-keypairs', {'keypair': {'name': 'pw-key'}},
                          persona)
        self.state['keyed_server_id'] = self.create('/servers', {'server': {
            'name': 'keyed', 'imageRef': CIRROS, 'flavorRef': '1',
            'key_name': key['keypair']['name']}}, persona)['server']['id']

    def prepare_numa_server(self, persona, version):
        """A member's server whose flavor asks for the sample's NUMA
        topology: two nodes of two dedicated vCPUs (one core of two
        threads each), 1024 and 2048 MB, small pages."""
        flavor_id = uuid.uuid4().hex[:8]
        self.create('/flavors', {'flavor': {
            'name': 'numa-flavor', 'ram': 3072, 'vcpus': 4, 'disk': 1,
            'id': flavor_id}})
        self.create('/flavors/%s/os-extra_specs' % flavor_id, {
            'extra_specs': {
                'hw:numa_nodes': '2', 'hw:cpu_policy': 'dedicated',
                'hw:cpu_threads': '2', 'hw:mem_page_size': 'small',
                'hw:numa_cpus.0': '0-1', 'hw:numa_cpus.1': '2-3',
                'hw:numa_mem.0': '1024', 'hw:numa_mem.1': '2048'}})
        self.state['numa_server_id'] = self.create('/servers', {'server': {
            'name': 'numa', 'imageRef': CIRROS, 'flavorRef': flavor_id}},
            'member')['server']['id']

    def prepare_flavor(self, persona, version):
        """A flavor with extra specs, and a description where there can
        be one."""
        flavor_id = uuid.uuid4().hex[:8]
        flavor = {'name': 'sample-flavor', 'ram': 1024, 'vcpus': 2,
                  'disk': 10, 'id': flavor_id}
        resp = None
        if self.is_v21 and _version(version) >= _version('2.55'):
            resp = self.api('POST', '/flavors', {'flavor': dict(
                flavor, description='a flavor of the sample tests')},
                version=version)
            if resp.status != 200:
                self.problems.append('POST /flavors with a description '
                                     'answered %s' % resp.status)
        if resp is None or resp.status != 200:
            self.create('/flavors', {'flavor': flavor})
        self.create('/flavors/%s/os-extra_specs' % flavor_id, {
            'extra_specs': {'hw:cpu_policy': 'shared',
                            'hw:numa_nodes': '1'}})
        self.state['flavor_id'] = flavor_id

    def prepare_bare_flavor(self, persona, version):
        """A flavor without extra specs, as the sample's m1.tiny that
        flavor-update changes."""
        flavor_id = uuid.uuid4().hex[:8]
        self.create('/flavors', {'flavor': {
            'name': 'bare-flavor', 'ram': 512, 'vcpus': 1, 'disk': 1,
            'id': flavor_id}})
        self.state['bare_flavor_id'] = flavor_id

    def prepare_keypairs(self, persona, version):
        """Three keypairs each for the admin and the member, in name
        order; the marker of a page is the second."""
        for persona, prefix in (('admin', ''), ('member', 'member_')):
            names = ['k-%s-%s' % (letter, uuid.uuid4().hex[:8])
                     for letter in 'abc']
            for name in names:
                self.create('/os-keypairs', {'keypair': {'name': name}},
                            persona=persona)
            self.state[prefix + 'keypair'] = names[0]
            self.state[prefix + 'keypair_marker'] = names[1]

    def prepare_rebuild_key(self, persona, version):
        """The key pair the rebuild samples (2.54 on) name."""
        self.create('/os-keypairs', {'keypair': {'name': 'new-key'}},
                    persona)

    def prepare_console_token(self, persona, version):
        """console_token: the token of a console of the prepared server
        made by `persona`, spice-direct from 2.99 (whose lookup shows a
        TLS port), serial before."""
        remote_console = ({'protocol': 'spice', 'type': 'spice-direct'}
                          if _version(version) >= _version('2.99') else
                          {'protocol': 'serial', 'type': 'serial'})
        url = self.create('/servers/%s/remote-consoles'
                          % self.state['server_id'],
                          {'remote_console': remote_console}, persona,
                          version)['remote_console']['url']
        self.state['console_token'] = url.rsplit('=', 1)[1]

    def prepare_server_group(self, persona, version):
        """A group made by `persona` from the create sample of `version`
        (its policy or policies, and rules from 2.64)."""
        body = api_samples.load('os-server-groups', version,
                                'server-groups-post-req.json')
        body['server_group']['name'] = 'sample-group'
        group = self.create('/os-server-groups', body, persona, version)
        self.state['group_id'] = group['server_group']['id']

    def test_every_sample_is_mapped(self):
        """Each sample folder is served or listed as not served, and each
        sample file of a served one is mapped or listed."""
        unknown = []
        for resource in api_samples.resources():
            if resource in NOT_SERVED:
                continue
            if resource not in SERVED:
                unknown.append(resource + '/')
                continue
            spec = SERVED[resource]
            known = set(spec.calls) | set(spec.not_served)
            for calls in spec.calls.values():
                for call in calls if isinstance(calls, list) else [calls]:
                    known.add(call.request)
            for version, folder in api_samples.folders(resource):
                for name in api_samples.files(folder):
                    if not known & {name, 'v%s/%s' % (version, name)}:
                        unknown.append('%s/v%s/%s' % (resource, version,
                                                      name))
        self.assertEqual([], unknown, 'samples neither mapped nor listed '
                                      'as not served')

    def test_every_mapped_sample_exists(self):
        """No mapping outlives its sample (a renamed or moved file)."""
        stale = []
        for resource, spec in SERVED.items():
            present = set()
            for version, folder in api_samples.folders(resource):
                for name in api_samples.files(folder):
                    present |= {name, 'v%s/%s' % (version, name)}
            stale.extend('%s/%s' % (resource, key)
                         for key in list(spec.calls) + list(spec.not_served)
                         if key not in present)
        self.assertEqual([], stale)


class APISamplesTestV21(base.V21, APISamplesTestV2):
    pass


def _test_name(resource, version):
    return 'test_%s_v%s' % (resource.replace('-', '_'),
                            version.replace('.', '_'))


def _add_folder_tests():
    if not os.path.isdir(api_samples.SAMPLES_DIR):
        return
    for resource in SERVED:
        for version, folder in api_samples.folders(resource):
            if (_version(version) > microversion.MAX_VERSION or
                    not api_samples.files(folder)):
                continue
            owner = (APISamplesTestV2 if version == api_samples.BASE_VERSION
                     else APISamplesTestV21)

            def test(self, resource=resource, version=version):
                self.check_folder(resource, version)
            test.__name__ = _test_name(resource, version)
            setattr(owner, test.__name__, test)


_add_folder_tests()
