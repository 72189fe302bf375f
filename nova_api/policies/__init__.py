"""Policy defaults, one module per resource, with Nova's rule names."""

import itertools

from nova_api.policies import admin_actions
from nova_api.policies import admin_password
from nova_api.policies import aggregates
from nova_api.policies import availability_zones
from nova_api.policies import base
from nova_api.policies import console_auth_tokens
from nova_api.policies import console_output
from nova_api.policies import crash_dump
from nova_api.policies import create_backup
from nova_api.policies import create_image
from nova_api.policies import deferred_delete
from nova_api.policies import evacuate
from nova_api.policies import flavor_access
from nova_api.policies import flavor_extra_specs
from nova_api.policies import flavors
from nova_api.policies import hosts
from nova_api.policies import hypervisors
from nova_api.policies import instance_actions
from nova_api.policies import instance_usage_audit_log
from nova_api.policies import keypairs
from nova_api.policies import limits
from nova_api.policies import lock_server
from nova_api.policies import migrate_server
from nova_api.policies import migrations
from nova_api.policies import pause_server
from nova_api.policies import quota_classes
from nova_api.policies import quota_sets
from nova_api.policies import remote_consoles
from nova_api.policies import rescue
from nova_api.policies import server_groups
from nova_api.policies import server_ips
from nova_api.policies import server_diagnostics
from nova_api.policies import server_external_events
from nova_api.policies import server_metadata
from nova_api.policies import server_password
from nova_api.policies import server_tags
from nova_api.policies import server_topology
from nova_api.policies import servers
from nova_api.policies import services
from nova_api.policies import suspend_server
from nova_api.policies import shelve
from nova_api.policies import simple_tenant_usage


def list_rules():
    """Every default rule (entry point oslo.policy.policies)."""
    return list(itertools.chain(
        base.list_rules(),
        flavors.list_rules(),
        flavor_access.list_rules(),
        flavor_extra_specs.list_rules(),
        keypairs.list_rules(),
        quota_sets.list_rules(),
        quota_classes.list_rules(),
        limits.list_rules(),
        availability_zones.list_rules(),
        aggregates.list_rules(),
        servers.list_rules(),
        services.list_rules(),
        hypervisors.list_rules(),
        lock_server.list_rules(),
        admin_actions.list_rules(),
        pause_server.list_rules(),
        suspend_server.list_rules(),
        shelve.list_rules(),
        migrate_server.list_rules(),
        evacuate.list_rules(),
        migrations.list_rules(),
        rescue.list_rules(),
        admin_password.list_rules(),
        console_output.list_rules(),
        crash_dump.list_rules(),
        create_image.list_rules(),
        create_backup.list_rules(),
        deferred_delete.list_rules(),
        remote_consoles.list_rules(),
        console_auth_tokens.list_rules(),
        server_metadata.list_rules(),
        server_ips.list_rules(),
        server_password.list_rules(),
        server_groups.list_rules(),
        server_tags.list_rules(),
        instance_actions.list_rules(),
        server_diagnostics.list_rules(),
        server_topology.list_rules(),
        server_external_events.list_rules(),
        simple_tenant_usage.list_rules(),
        instance_usage_audit_log.list_rules(),
        hosts.list_rules(),
    ))
