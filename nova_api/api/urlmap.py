"""The paste urlmap of /, /v2 and /v2.1, with Nova's "/+" keys.

"/v2.1" matches "/v2.1" and "/v2.1/" only (the version document, no auth);
"/v2.1/+" matches everything below "/v2.1/" (the API pipeline).
"""

import webob.exc


class URLMap:

    def __init__(self, apps):
        self._subtrees = []
        self._exact = []
        for key, app in apps.items():
            if key.endswith('/+'):
                self._subtrees.append((key[:-2].rstrip('/'), app))
            else:
                self._exact.append((key.rstrip('/'), app))
        # Longest prefix first, so /v2.1 is tried before /v2.
        self._subtrees.sort(key=lambda item: len(item[0]), reverse=True)
        self._exact.sort(key=lambda item: len(item[0]), reverse=True)

    def _match(self, path):
        for prefix, app in self._subtrees:
            if path.startswith(prefix + '/') and len(path) > len(prefix) + 1:
                return prefix, app
        for prefix, app in self._exact:
            if path in (prefix, prefix + '/') or (
                    not prefix and path.startswith('/')):
                return prefix, app
        return None, None

    def __call__(self, environ, start_response):
        path = environ.get('PATH_INFO') or '/'
        prefix, app = self._match(path)
        if app is None:
            return webob.exc.HTTPNotFound()(environ, start_response)
        environ['SCRIPT_NAME'] = environ.get('SCRIPT_NAME', '') + prefix
        environ['PATH_INFO'] = path[len(prefix):]
        return app(environ, start_response)


def urlmap_factory(loader, global_conf, **local_conf):
    apps = {key: loader.get_app(name, global_conf=global_conf)
            for key, name in local_conf.items() if key.startswith('/')}
    return URLMap(apps)
