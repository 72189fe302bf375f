"""Sphinx configuration of the nova_api documentation.

Plain Sphinx with its bundled theme: building needs no network and no
OpenStack documentation theme.
"""

project = 'nova_api'
copyright = 'the nova_api authors'
author = 'the nova_api authors'

extensions = []

master_doc = 'index'
source_suffix = {'.rst': 'restructuredtext'}
exclude_patterns = ['_build']
pygments_style = 'sphinx'
# Literal blocks (::) are diagrams and commands; code says its language.
highlight_language = 'none'

html_theme = 'alabaster'
html_title = 'nova_api'
html_static_path = []
html_show_sourcelink = False
