"""Images: the local catalog Nova's /images API proxies to.

An image is a database row (uuid, name, status, size, min_disk, min_ram,
timestamps) and a dict of properties (its metadata on the wire). What the
image service decides in Nova (filtering, paging, deleting) is decided
here.
"""

import collections

from nova_api.compute import quotas
from nova_api.db import images as db_images
from nova_api import exception

# An image with its properties.
ImageWithProperties = collections.namedtuple('ImageWithProperties',
                                             'image properties')


def is_visible(context, image):
    """The catalog's own images (no owner) are public; an owned image is
    its project's. Administrators see every image."""
    return (context.is_admin or image.owner is None or
            image.owner == context.project_id)


def get_all(context, filters=None, limit=None, marker=None):
    """One page of the images the caller sees (ImageWithProperties)
    matching `filters`.

    filters: name, status, changes_since (datetime), min_ram, min_disk,
    properties ({key: value}); see nova_api.db.images.get_all.
    """
    if not context.is_admin:
        filters = dict(filters or {}, visible_to=context.project_id)
    if marker is not None:
        try:
            _get_visible(context, marker)
        except exception.ImageNotFound:
            raise exception.ImageMarkerNotFound(marker=marker)
    try:
        images = db_images.get_all(context, filters=filters, limit=limit,
                                   marker=marker)
    except exception.MarkerNotFound:
        raise exception.ImageMarkerNotFound(marker=marker)
    properties = db_images.get_properties_for(
        context, [image.id for image in images])
    return [ImageWithProperties(image, properties[image.id])
            for image in images]


def _get_visible(context, uuid):
    image = db_images.get(context, uuid)
    if not is_visible(context, image):
        # The image service does not tell "not yours" from "not there".
        raise exception.ImageNotFound(image_id=uuid)
    return image


def get(context, uuid):
    """The image `uuid` with its properties, or ImageNotFound if it does
    not exist or the caller may not see it."""
    image = _get_visible(context, uuid)
    return ImageWithProperties(image, db_images.get_properties(context, uuid))


def _authorize_change(context, uuid, message=None):
    """Only an administrator or the owning project changes an image; the
    catalog's own images (no owner) are the administrators'. In Nova the
    image service decides this and answers 403."""
    image = _get_visible(context, uuid)
    if context.is_admin or (image.owner is not None and
                            image.owner == context.project_id):
        return
    if message is None:
        raise exception.ImageNotAuthorized(image_id=uuid)
    raise exception.ImageNotAuthorized(message)


def destroy(context, uuid):
    _authorize_change(context, uuid,
                      'You are not allowed to delete the image.')
    db_images.destroy(context, uuid)


def get_metadata(context, uuid):
    """The properties of image `uuid`; ImageNotFound, as for get(), if the
    caller may not see the image."""
    return get(context, uuid).properties


def get_metadata_item(context, uuid, key):
    """The value of property `key`; a plain NotFound if the image has no
    such key (Nova says no more)."""
    metadata = get_metadata(context, uuid)
    if key not in metadata:
        raise exception.NotFound()
    return metadata[key]


def update_metadata(context, uuid, metadata, replace=False):
    """Merge `metadata` into the image's properties (or, with `replace`,
    make it the whole of them) within the metadata limit; return the
    resulting properties."""
    _authorize_change(context, uuid)
    return db_images.update_properties(context, uuid, metadata,
                                       purge=replace,
                                       check=_limit_check(context))


def update_metadata_item(context, uuid, key, meta):
    """Set property `key`, which must be the one key of `meta`."""
    if key not in meta:
        raise exception.BodyURIMismatch()
    _authorize_change(context, uuid)
    db_images.update_properties(context, uuid, {key: meta[key]},
                                check=_limit_check(context))


def delete_metadata_item(context, uuid, key):
    _authorize_change(context, uuid)
    db_images.delete_property(context, uuid, key)


def _limit_check(context):
    """A check of an image's properties against the caller's project's
    `metadata_items` quota, as Nova counts image metadata."""
    limit = quotas.get_limits(context, context.project_id)['metadata_items']

    def check(properties):
        if 0 <= limit < len(properties):
            raise exception.ImageMetadataLimitExceeded()
    return check


# The image properties Nova knows (its ImageMetaProps fields and their
# legacy names): the ones a server's image shows from 2.98. The large
# mappings are never copied to a server.
_KNOWN_PROPERTIES = frozenset((
    'hw_architecture', 'hw_emulation_architecture', 'hw_auto_disk_config',
    'hw_boot_menu', 'hw_cdrom_bus', 'hw_cpu_cores', 'hw_cpu_sockets',
    'hw_cpu_max_cores', 'hw_cpu_max_sockets', 'hw_cpu_max_threads',
    'hw_cpu_policy', 'hw_cpu_thread_policy', 'hw_cpu_realtime_mask',
    'hw_cpu_threads', 'hw_device_id', 'hw_disk_bus', 'hw_disk_type',
    'hw_floppy_bus', 'hw_firmware_type', 'hw_firmware_stateless',
    'hw_input_bus', 'hw_ipxe_boot', 'hw_locked_memory', 'hw_machine_type',
    'hw_mem_encryption', 'hw_mem_encryption_model', 'hw_mem_page_size',
    'hw_numa_nodes', 'hw_numa_cpus', 'hw_numa_mem',
    'hw_pci_numa_affinity_policy', 'hw_pointer_model', 'hw_pmu',
    'hw_qemu_guest_agent', 'hw_rescue_bus', 'hw_rescue_device',
    'hw_rng_model', 'hw_time_hpet', 'hw_serial_port_count', 'hw_scsi_model',
    'hw_video_model', 'hw_video_ram', 'hw_vif_model', 'hw_viommu_model',
    'hw_vm_mode', 'hw_watchdog_action', 'hw_vif_multiqueue_enabled',
    'hw_tpm_model', 'hw_tpm_version', 'hw_ephemeral_encryption',
    'hw_ephemeral_encryption_format', 'hw_ephemeral_encryption_secret_uuid',
    'hw_virtio_packed_ring', 'hw_maxphysaddr_mode', 'hw_maxphysaddr_bits',
    'hw_sound_model', 'hw_usb_model', 'hw_redirected_usb_ports',
    'img_bittorrent', 'img_bdm_v2', 'img_cache_in_nova',
    'img_compression_level', 'img_hv_requested_version', 'img_hv_type',
    'img_config_drive', 'img_linked_clone', 'img_owner_id',
    'img_root_device_name', 'img_use_agent', 'img_version', 'img_signature',
    'img_signature_hash_method', 'img_signature_certificate_uuid',
    'img_signature_key_type', 'img_hide_hypervisor_id', 'os_admin_user',
    'os_command_line', 'os_distro', 'os_require_quiesce', 'os_secure_boot',
    'os_skip_agent_inject_files_at_boot', 'os_skip_agent_inject_ssh',
    'os_type', 'traits_required',
    # Legacy names.
    'architecture', 'owner_id', 'vmware_disktype', 'vmware_image_version',
    'vmware_ostype', 'auto_disk_config', 'ipxe_boot', 'xenapi_device_id',
    'xenapi_image_compression_level', 'vmware_linked_clone',
    'xenapi_use_agent', 'xenapi_skip_agent_inject_ssh',
    'xenapi_skip_agent_inject_files_at_boot', 'cache_in_nova', 'vm_mode',
    'bittorrent', 'bdm_v2', 'root_device_name',
    'hypervisor_version_requires', 'hypervisor_type',
))
# Nova keeps each value of a server's image properties to 255 characters.
_SERVER_PROPERTY_LENGTH = 255


def shown_to_a_server(properties):
    """What of an image's properties a server booted from it shows
    (2.98): those Nova knows, each cut to 255 characters."""
    return {key: value[:_SERVER_PROPERTY_LENGTH]
            for key, value in properties.items() if key in _KNOWN_PROPERTIES}
