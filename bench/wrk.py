"""HTTP load with wrk (Debian package `wrk`), when it is installed: a C
load generator, so that the client is never what limits the rate."""

import json
import os
import re
import shutil
import subprocess
import tempfile

_RATE = re.compile(r'^Requests/sec:\s+([0-9.]+)', re.MULTILINE)
_ERRORS = re.compile(r'Non-2xx or 3xx responses: (\d+)')

_SCRIPT = '''
local method = %(method)s
local path = %(path)s
local headers = %(headers)s
local body = %(body)s
local counter = 0
local next_thread = 0

setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

-- thread_id is a global each thread's setup() gives it.
request = function()
  counter = counter + 1
  local h = {}
  for k, v in pairs(headers) do
    h[k] = string.gsub(v, "{n}", thread_id .. "-" .. counter)
  end
  local b = nil
  if body then b = string.gsub(body, "{n}", thread_id .. "-" .. counter) end
  return wrk.format(method, path, h, b)
end
'''


def available():
    return shutil.which('wrk') is not None


def _lua(value):
    if value is None:
        return 'nil'
    if isinstance(value, dict):
        return '{%s}' % ', '.join('[%s] = %s' % (_lua(k), _lua(v))
                                  for k, v in value.items())
    return json.dumps(value)


def requests_per_second(port, method, path, headers, body, duration=3.0,
                        connections=2):
    """Rate of `method path`; "{n}" in a header value or the body becomes
    a number unique to each request."""
    script = _SCRIPT % {'method': _lua(method), 'path': _lua(path),
                        'headers': _lua(headers),
                        'body': _lua(body.decode() if body else None)}
    with tempfile.NamedTemporaryFile('w', suffix='.lua',
                                     delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run(
            ['wrk', '-t1', '-c%d' % connections, '-d%ds' % max(1, duration),
             '-s', f.name, 'http://127.0.0.1:%d' % port],
            capture_output=True, text=True, check=True,
            timeout=duration + 60).stdout
    finally:
        os.unlink(f.name)
    errors = _ERRORS.search(out)
    if errors:
        raise RuntimeError('%s of the requests to %s %s failed'
                           % (errors.group(1), method, path))
    return float(_RATE.search(out).group(1))
