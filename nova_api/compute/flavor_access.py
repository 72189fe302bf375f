"""Which projects may use a private flavor.

A public flavor is open to every project and has no access list; adding a
project to one is refused only when the caller asks for that rule (the API
does from microversion 2.7; earlier versions record the project anyway).
Nova names a flavor by its internal id in the "exists" / "not found"
messages of this list, and so do we.
"""

from nova_api.db import flavors as db_flavors
from nova_api import exception


def get_projects(context, flavorid):
    """(flavor, project ids) of a private flavor; 404 for a public one."""
    flavor = db_flavors.get_by_flavor_id(context, flavorid)
    if flavor.is_public:
        raise exception.PublicFlavorAccessList()
    return flavor, db_flavors.get_projects(context, flavorid)


def add_project(context, flavorid, project_id, refuse_public=False):
    """Give `project_id` access; return (flavor, project ids)."""
    flavor = db_flavors.get_by_flavor_id(context, flavorid)
    if refuse_public and flavor.is_public:
        raise exception.PublicFlavorAccessConflict()
    try:
        db_flavors.add_project(context, flavorid, project_id)
    except exception.FlavorAccessExists:
        raise exception.FlavorAccessExists(flavor_id=flavor.id,
                                           project_id=project_id)
    return flavor, db_flavors.get_projects(context, flavorid)


def remove_project(context, flavorid, project_id):
    """Take `project_id`'s access away; return (flavor, project ids)."""
    flavor = db_flavors.get_by_flavor_id(context, flavorid)
    try:
        db_flavors.remove_project(context, flavorid, project_id)
    except exception.FlavorAccessNotFound:
        raise exception.FlavorAccessNotFound(flavor_id=flavor.id,
                                             project_id=project_id)
    return flavor, db_flavors.get_projects(context, flavorid)
