# Release notes of nova_api, built by reno's Sphinx extension from
# releasenotes/notes/ (tox -e releasenotes).

extensions = ['reno.sphinxext']

project = 'nova_api Release Notes'
copyright = 'The nova_api team'
master_doc = 'index'
exclude_patterns = []
html_theme = 'alabaster'
html_static_path = []
