# The API reference of nova_api (tox -e api-ref). The pages, index.rst and
# parameters.yaml are written by `nova-api-manage api-ref` (tox -e
# regenerate); this file and status.yaml are kept by hand.

extensions = [
    'openstackdocstheme',
    'os_api_ref',
]

source_suffix = '.rst'
master_doc = 'index'
project = 'nova_api Compute API Reference'
copyright = '2026, the nova_api authors'

openstackdocs_repo_name = 'openstack/nova_api'
openstackdocs_auto_name = False
openstackdocs_use_storyboard = False

pygments_style = 'native'
html_theme = 'openstackdocs'
html_theme_options = {
    'sidebar_mode': 'toc',
}
