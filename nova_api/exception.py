"""Domain exceptions.

Each exception carries the HTTP status it maps to; ``nova_api.api.faults``
turns any of them into Nova's fault body in one place, so controllers never
build error responses by hand.
"""


class NovaAPIException(Exception):
    """Base of every error the domain layer raises on purpose."""

    msg_fmt = "An unknown exception occurred."
    code = 500
    headers = {}
    safe = False

    def __init__(self, message=None, **kwargs):
        self.kwargs = kwargs
        if message is None:
            message = self.msg_fmt % kwargs
        self.message = str(message)
        super().__init__(self.message)

    def format_message(self):
        return self.message


class Invalid(NovaAPIException):
    msg_fmt = "Bad Request - Invalid Parameters"
    code = 400
    safe = True


class ValidationError(Invalid):
    msg_fmt = "%(detail)s"


class InvalidInput(Invalid):
    msg_fmt = "Invalid input received: %(reason)s"


class InvalidSortKey(Invalid):
    msg_fmt = "Sort key supplied was not valid."


class MarkerNotFound(Invalid):
    msg_fmt = "Marker %(marker)s could not be found."


class ProjectIdMismatch(Invalid):
    msg_fmt = ("Malformed request URL: URL's project_id '%(url)s' doesn't "
               "match Context's project_id '%(context)s'")


class InvalidAPIVersionString(Invalid):
    msg_fmt = ("API Version String %(version)s is of invalid format. Must "
               "be of format MajorNum.MinorNum.")


class InvalidContentType(NovaAPIException):
    msg_fmt = "Unsupported Content-Type"
    code = 415
    safe = True


class Forbidden(NovaAPIException):
    msg_fmt = "Forbidden"
    code = 403
    safe = True


class PolicyNotAuthorized(Forbidden):
    msg_fmt = "Policy doesn't allow %(action)s to be performed."


class NotFound(NovaAPIException):
    msg_fmt = "The resource could not be found."
    code = 404
    safe = True


class FlavorNotFound(NotFound):
    msg_fmt = "Flavor %(flavor_id)s could not be found."


class FlavorExtraSpecsNotFound(NotFound):
    msg_fmt = ("Flavor %(flavor_id)s has no extra specs with key "
               "%(extra_specs_key)s.")


class FlavorAccessNotFound(NotFound):
    msg_fmt = ("Flavor access not found for %(flavor_id)s / "
               "%(project_id)s combination.")


class KeypairNotFound(NotFound):
    msg_fmt = "Keypair %(name)s not found for user %(user_id)s"


class VersionNotFoundForAPIMethod(NotFound):
    # Nova says no more than for a method that does not exist.
    msg_fmt = "The resource could not be found."


class Conflict(NovaAPIException):
    msg_fmt = "Conflict"
    code = 409
    safe = True


class FlavorExists(Conflict):
    msg_fmt = "Flavor with name %(name)s already exists."


class FlavorIdExists(Conflict):
    msg_fmt = "Flavor with ID %(flavor_id)s already exists."


class FlavorAccessExists(Conflict):
    msg_fmt = ("Flavor access already exists for flavor %(flavor_id)s "
               "and project %(project_id)s combination.")


class KeyPairExists(Conflict):
    msg_fmt = "Key pair '%(key_name)s' already exists."


class Gone(NovaAPIException):
    msg_fmt = "This resource is no longer available."
    code = 410
    safe = True


class OverQuota(NovaAPIException):
    msg_fmt = "Quota exceeded: %(reason)s"
    code = 403
    safe = True


class MicroversionNotSupported(NovaAPIException):
    """406; the response still names the version that was asked for."""

    msg_fmt = ("Version %(req_ver)s is not supported by the API. Minimum is "
               "%(min_ver)s and maximum is %(max_ver)s.")
    code = 406
    safe = True

    def __init__(self, version, **kwargs):
        self.version = version
        super().__init__(**kwargs)


class DatabaseUnavailable(NovaAPIException):
    msg_fmt = "The database is not available. Please try again later."
    code = 503
    safe = True


class InvalidKeypair(Invalid):
    msg_fmt = "Keypair data is invalid: %(reason)s"


class KeypairLimitExceeded(OverQuota):
    msg_fmt = "Quota exceeded, too many key pairs."


class InvalidFilter(Invalid):
    msg_fmt = "Invalid %(name)s filter [%(value)s]"


class FlavorMarkerNotFound(MarkerNotFound):
    msg_fmt = "marker [%(marker)s] not found"


class StringTooLong(Invalid):
    msg_fmt = "%(name)s has %(length)d characters, more than %(max_length)d."


class BodyURIMismatch(Invalid):
    msg_fmt = "Request body and URI mismatch"


class PublicFlavorAccessList(NotFound):
    msg_fmt = "Access list not available for public flavors."


class PublicFlavorAccessConflict(Conflict):
    msg_fmt = "Can not add access to a public flavor."


class ResourcesOverQuota(OverQuota):
    msg_fmt = "Quota exceeded for resources: %(overs)s"


class QuotaLimitBelowUsage(Invalid):
    msg_fmt = ("Quota limit %(limit)s for %(resource)s must be greater than "
               "or equal to already used and reserved %(minimum)s.")


class QuotaLimitAboveMaximum(Invalid):
    msg_fmt = ("Quota limit %(limit)s for %(resource)s must be less than or "
               "equal to %(maximum)s.")


class ImageNotFound(NotFound):
    # What Nova's images API answers, whatever the id.
    msg_fmt = "Image not found."


class ImagePropertyNotFound(NotFound):
    msg_fmt = "Invalid metadata key"


class ImageExists(Conflict):
    msg_fmt = "Image %(image_id)s already exists."


class ImageMarkerNotFound(Invalid):
    msg_fmt = "marker [%(marker)s] not found"


class ImageMetadataLimitExceeded(Forbidden):
    msg_fmt = "Image metadata limit exceeded"


class ImageNotAuthorized(Forbidden):
    msg_fmt = "Not authorized for image %(image_id)s."


class InstanceInvalidState(Conflict):
    # The message Nova's API answers, not its compute layer's.
    msg_fmt = ("Cannot '%(action)s' instance %(server_id)s while it is in "
               "%(attr)s %(state)s")


class InstanceNotReady(Conflict):
    msg_fmt = "Instance %(instance_id)s is not ready"


class InstanceNotFound(NotFound):
    msg_fmt = "Instance %(instance_id)s could not be found."


class InstanceActionNotFound(NotFound):
    msg_fmt = "Action %(request_id)s not found"


class ServerMetadataNotFound(NotFound):
    msg_fmt = "Metadata item was not found"


class InstanceMappingNotFound(NotFound):
    # Nova's tags API looks the server up in its cell mappings first.
    msg_fmt = "Instance %(uuid)s has no mapping to a cell."


class ServerTagNotFound(NotFound):
    # The tag check (GET .../tags/{tag}) words it with "Server".
    msg_fmt = "Server %(server_id)s has no tag '%(tag)s'"


class InstanceTagNotFound(NotFound):
    msg_fmt = "Instance %(instance_id)s has no tag '%(tag)s'"


class InvalidServerTag(Invalid):
    msg_fmt = ("Tag '%(tag)s' is invalid. It must be a non empty string "
               "without characters '/' and ','. Validation error message: "
               "%(reason)s")


class TooManyServerTags(Invalid):
    msg_fmt = "The number of tags exceeded the per-server limit %(limit)d"


class InstanceIsLocked(Conflict):
    msg_fmt = "Instance %(instance_uuid)s is locked"


class NetworkNotOfInstance(NotFound):
    msg_fmt = "Instance is not a member of specified network"


# Server create: what Nova answers when a reference in the request does
# not resolve (400), or the request asks for more than the quota (403).
class InvalidFlavorRef(Invalid):
    msg_fmt = "Flavor %(flavor_id)s could not be found."


class InvalidImageRef(Invalid):
    msg_fmt = "Can not find requested image"


class ImageNotActive(Invalid):
    msg_fmt = "Image %(image_id)s is not active."


class FlavorMemoryTooSmall(Invalid):
    msg_fmt = "Flavor's memory is too small for requested image."


class FlavorDiskSmallerThanImage(Invalid):
    msg_fmt = ("Flavor's disk is too small for requested image. Flavor disk "
               "is %(flavor_size)i bytes, image is %(image_size)i bytes.")


class FlavorDiskSmallerThanMinDisk(Invalid):
    msg_fmt = ("Flavor's disk is smaller than the minimum size specified in "
               "image metadata. Flavor disk is %(flavor_size)i bytes, "
               "minimum size is %(image_min_disk)i bytes.")


class BootFromVolumeRequiredForZeroDiskFlavor(Forbidden):
    msg_fmt = ("Only volume-backed servers are allowed for flavors with "
               "zero disk.")


class InvalidKeyName(Invalid):
    msg_fmt = "Invalid key_name provided."


class AvailabilityZoneNotAvailable(Invalid):
    msg_fmt = "The requested availability zone is not available"


class ComputeHostNotFound(Invalid):
    msg_fmt = "Compute host %(host)s could not be found."


class NetworkNotFound(Invalid):
    msg_fmt = "Network %(network_id)s could not be found."


class PortNotFound(Invalid):
    msg_fmt = "Port id %(port_id)s could not be found."


class FixedIpNotFoundForAddress(Invalid):
    msg_fmt = "Fixed IP not found for address %(address)s."


class FixedIpAlreadyInUse(Invalid):
    msg_fmt = ("Fixed IP address %(address)s is already in use on instance "
               "%(instance_uuid)s.")


class InvalidFixedIpAndMaxCountRequest(Invalid):
    msg_fmt = "Failed to launch instances: %(reason)s"


class CertificateValidationFailed(Invalid):
    msg_fmt = ("Image signature certificate validation failed for "
               "certificate: %(cert_uuid)s. %(reason)s")


class NoMoreFixedIps(Invalid):
    msg_fmt = "No fixed IP addresses available for network: %(net)s"


class SecurityGroupNotFound(Invalid):
    msg_fmt = "Security group %(security_group_id)s not found."


class MetadataLimitExceeded(OverQuota):
    msg_fmt = "Maximum number of metadata items exceeds %(allowed)d"


class TooManyInstances(OverQuota):
    msg_fmt = ("Quota exceeded for %(overs)s: Requested %(req)s, but "
               "already used %(used)s of %(allowed)s %(overs)s")


class ServerMarkerNotFound(Invalid):
    msg_fmt = "marker [%(marker)s] not found"


class InstanceInvalidStateForAction(Conflict):
    # What Nova's API answers when the refusing state has no value (a
    # server never launched).
    msg_fmt = "Instance %(server_id)s is in an invalid state for '%(action)s'"


class InstanceGroupNotFound(NotFound):
    msg_fmt = "Instance group %(group_uuid)s could not be found."


class ServerGroupHintNotFound(Invalid):
    """The group a server create names in its scheduler hints does not
    exist (or is another project's): Nova answers 400, not 404."""

    msg_fmt = "Instance group %(group_uuid)s could not be found."


class RulesNotSupported(Invalid):
    msg_fmt = "Only anti-affinity policy supports rules."


class ServerGroupLimitExceeded(OverQuota):
    msg_fmt = "Quota exceeded, too many server groups."


class GroupMemberLimitExceeded(OverQuota):
    msg_fmt = "Quota exceeded, too many servers in group"


class OnsetFileLimitExceeded(OverQuota):
    msg_fmt = "Personality file limit exceeded"


class OnsetFilePathLimitExceeded(OnsetFileLimitExceeded):
    msg_fmt = "Personality file path exceeds maximum %(allowed)s"


class OnsetFileContentLimitExceeded(OnsetFileLimitExceeded):
    msg_fmt = "Personality file content exceeds maximum %(allowed)s"


class UnshelveInstanceInvalidState(Conflict):
    msg_fmt = ('Specifying an availability zone or a host when unshelving '
               'server "%(instance_uuid)s" with status "%(state)s" is not '
               'supported. The server status must be SHELVED_OFFLOADED.')


class UnshelveHostNotInAZ(Conflict):
    msg_fmt = ('Host "%(host)s" is not in the availability zone '
               '"%(availability_zone)s".')


class UnsupportedRescueImage(Invalid):
    msg_fmt = "Requested rescue image '%(image)s' is not supported"


class FeatureNotSupported(NovaAPIException):
    # What Nova answers when the compute driver lacks the feature.
    msg_fmt = "The requested functionality is not supported."
    code = 501
    safe = True


class ConsoleTypeInvalid(Invalid):
    msg_fmt = "Invalid console type %(console_type)s"


class ConsoleTypeUnavailable(Invalid):
    msg_fmt = "Unavailable console type %(console_type)s."


class ConsoleTokenNotFound(NotFound):
    msg_fmt = "Token not found"


class ConsoleRequestRefused(Invalid):
    # What Nova answers (webob's default 400 text) for a token lookup
    # before 2.31 and for the removed os-getRDPConsole action.
    msg_fmt = ("The server could not comply with the request since it is "
               "either malformed or otherwise incorrect.")


class AggregateNotFound(NotFound):
    msg_fmt = "Aggregate %(aggregate_id)s could not be found."


class AggregateNameExists(Conflict):
    msg_fmt = "Aggregate %(aggregate_name)s already exists."


class AggregateHostExists(Conflict):
    msg_fmt = "Aggregate %(aggregate_id)s already has host %(host)s."


class AggregateComputeHostNotFound(NotFound):
    # ComputeHostNotFound's message, which os-aggregates answers with 404.
    msg_fmt = "Compute host %(host)s could not be found."


class AggregateHostNotRemovable(NotFound):
    # Nova's one answer for an unknown aggregate, an unknown host and a
    # host the aggregate does not have.
    msg_fmt = "Cannot remove host %(host)s in aggregate %(aggregate_id)s"


class InvalidAggregateActionAdd(Conflict):
    msg_fmt = ("Cannot add host to aggregate %(aggregate_id)s. "
               "Reason: %(reason)s.")


class InvalidAggregateActionRemoveHost(Conflict):
    msg_fmt = ("Cannot remove host from aggregate %(aggregate_id)s. "
               "Reason: %(reason)s.")


class InvalidAggregateActionDelete(Invalid):
    # Nova's message for deleting an aggregate is the remove host one.
    msg_fmt = InvalidAggregateActionRemoveHost.msg_fmt


class InvalidAggregateActionUpdate(Invalid):
    msg_fmt = ("Cannot update aggregate %(aggregate_id)s. "
               "Reason: %(reason)s.")


class InvalidAggregateActionUpdateMeta(Invalid):
    msg_fmt = ("Cannot update metadata of aggregate %(aggregate_id)s. "
               "Reason: %(reason)s.")


class CacheImageNotFound(Invalid):
    # Image pre-caching answers 400 with the image service's message.
    msg_fmt = "Image %(image_id)s could not be found."


class DuplicateCacheImages(Invalid):
    msg_fmt = "Duplicate images in request"


class InvalidStrTime(Invalid):
    msg_fmt = "Invalid datetime string: %(reason)s"


class ServiceNotFound(NotFound):
    msg_fmt = "Service %(service_id)s could not be found."


class HostMappingNotFound(NotFound):
    msg_fmt = "Host '%(name)s' is not mapped to any cell"


class ServiceUpdateNotSupported(Invalid):
    msg_fmt = ("Updating a %(binary)s service is not supported. Only "
               "nova-compute services can be updated.")


class UnknownServiceAction(NotFound):
    """PUT /os-services/<name> before 2.53 with a name that is none of
    enable, disable, disable-log-reason (or force-down from 2.11)."""
    msg_fmt = "Unknown action"


class ServiceNotFoundById(NotFound):
    # What DELETE /os-services/{service_id} answers.
    msg_fmt = "Service %(service_id)s not found."


class NoServiceUpdate(Invalid):
    msg_fmt = ("No updates were requested. Fields 'status' or "
               "'forced_down' should be specified.")


class ServiceHostsServers(Conflict):
    msg_fmt = ("Unable to delete compute service that is hosting "
               "instances. Migrate or delete the instances first.")


class HypervisorNotFound(NotFound):
    msg_fmt = "Hypervisor with ID '%(hypervisor_id)s' could not be found."


class HypervisorPatternNotFound(NotFound):
    msg_fmt = "No hypervisor matching '%(pattern)s' could be found."


class ComputeServiceUnavailable(Invalid):
    msg_fmt = "Compute service of %(host)s is unavailable at this time."


class CannotResizeToSameFlavor(Invalid):
    msg_fmt = "When resizing, instances must change flavor!"


class CannotResizeDisk(Invalid):
    msg_fmt = "Server disk was unable to be resized because: %(reason)s"


class CannotMigrateToSameHost(Invalid):
    msg_fmt = "Cannot migrate to the host where the server exists."


class ResizeFlavorNotFound(Invalid):
    # Nova's resize answers its FlavorNotFound with a 400.
    msg_fmt = "Flavor %(flavor_id)s could not be found."


class InstanceNotResized(Invalid):
    # What Nova's API answers for its MigrationNotFound on a confirm or
    # revert.
    msg_fmt = "Instance has not been resized."


class LiveMigrationNotFoundForServer(NotFound):
    msg_fmt = ("In-progress live migration %(id)s is not found for server "
               "%(uuid)s.")


class MigrationNotLiveMigration(NotFound):
    msg_fmt = "Migration %(id)s for server %(uuid)s is not live-migration."


class LiveMigrationNotInProgress(NotFound):
    msg_fmt = "Live migration %(id)s for server %(uuid)s is not in progress."


class ServiceUnavailable(Conflict):
    # Nova's API answers it with a 409 (a resize from a host that is down).
    msg_fmt = "Service is unavailable at this time."


# Evacuate's refusals, as Nova's API answers them.
class EvacuateHostNotFound(NotFound):
    msg_fmt = "Compute host %(host)s not found."


class CannotEvacuateToSameHost(Invalid):
    msg_fmt = "The target host can't be the same one."


class ComputeServiceInUse(Invalid):
    msg_fmt = "Compute service of %(host)s is still in use."


class EvacuatePasswordOnSharedStorage(Invalid):
    msg_fmt = "admin password can't be changed on existing disk"

# Live migration (os-migrateLive) and its server migrations. Nova's API
# answers the conductor's refusals with a 400 (before 2.34, which makes
# them a failed migration instead).
class UnableToMigrateToSelf(Invalid):
    msg_fmt = ("Unable to migrate instance (%(instance_id)s) to current "
               "host (%(host)s).")


class MigrationPreCheckError(Invalid):
    msg_fmt = "Migration pre-check error: %(reason)s"


class NoValidHost(Invalid):
    msg_fmt = "No valid host was found. %(reason)s"


class ForcedMoveWithoutHost(Invalid):
    # A live migration's or an evacuation's "force" with no host.
    msg_fmt = "Can't force to a non-provided destination"


class InvalidMigrationState(Invalid):
    msg_fmt = ("Migration %(migration_id)s state of instance "
               "%(instance_uuid)s is %(state)s. Cannot %(method)s while the "
               "migration is in this state.")


class MigrationNotFoundForInstance(NotFound):
    msg_fmt = ("Migration %(migration_id)s not found for instance "
               "%(instance_id)s")


class MigrationToForceNotFound(Invalid):
    # Nova's force_complete answers MigrationNotFoundForInstance with a
    # 400, its abort with a 404.
    msg_fmt = MigrationNotFoundForInstance.msg_fmt
