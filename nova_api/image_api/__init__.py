"""A read-only image service (Glance v2) endpoint over the local catalog.

Clients that resolve an image through the image service, such as
``openstack server create --image NAME``, need one; this serves the
catalog that /v2.1/images serves, under /image (see etc/api-paste.ini).
"""
