"""A flavor's access list on the wire."""


def access_list(flavor, project_ids):
    return {'flavor_access': [
        {'flavor_id': flavor.flavorid, 'tenant_id': project_id}
        for project_id in project_ids]}
