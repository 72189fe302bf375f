"""/flavors/{flavor_id}/os-extra_specs: list, create, show, update,
delete; readers may read, only administrators write."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_flavors

_KEY_PATTERN = "'^[a-zA-Z0-9-_:. ]{1,255}$'"


class FlavorExtraSpecsTestV2(test_flavors.FlavorHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.flavor_id = self.create_flavor()['id']
        self.path = '/flavors/%s/os-extra_specs' % self.flavor_id

    def _set(self, specs):
        resp = self.api('POST', self.path, {'extra_specs': specs})
        self.assertEqual(200, resp.status, resp)

    def _specs(self, persona='admin'):
        resp = self.api('GET', self.path, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def test_new_flavor_has_no_extra_specs(self):
        self.assertEqual({'extra_specs': {}}, self._specs())

    def test_create_list_show_update_delete_match_the_samples(self):
        # api_samples/flavor-extra-specs/*.json
        specs = {'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1'}
        resp = self.api('POST', self.path, {'extra_specs': specs})
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'extra_specs': specs}, resp.json())
        self.assertEqual({'extra_specs': specs}, self._specs())
        resp = self.api('GET', self.path + '/hw:numa_nodes')
        self.assertEqual(200, resp.status)
        self.assertEqual({'hw:numa_nodes': '1'}, resp.json())
        resp = self.api('PUT', self.path + '/hw:numa_nodes',
                        {'hw:numa_nodes': '2'})
        self.assertEqual(200, resp.status)
        self.assertEqual({'hw:numa_nodes': '2'}, resp.json())
        resp = self.api('DELETE', self.path + '/hw:cpu_policy')
        self.assertEqual(200, resp.status)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'extra_specs': {'hw:numa_nodes': '2'}},
                         self._specs())

    def test_create_merges_with_existing_specs(self):
        self._set({'a': '1', 'b': '2'})
        self._set({'b': '3', 'c': '4'})
        self.assertEqual({'extra_specs': {'a': '1', 'b': '3', 'c': '4'}},
                         self._specs())

    def test_create_with_no_specs_changes_nothing(self):
        self._set({'a': '1'})
        resp = self.api('POST', self.path, {'extra_specs': {}})
        self.assertEqual({'extra_specs': {}}, resp.json())
        self.assertEqual({'extra_specs': {'a': '1'}}, self._specs())

    def test_numbers_are_echoed_and_stored_as_strings(self):
        resp = self.api('POST', self.path,
                        {'extra_specs': {'n': 5, 'f': 1.5}})
        self.assertEqual({'extra_specs': {'n': 5, 'f': 1.5}}, resp.json())
        resp = self.api('PUT', self.path + '/n', {'n': 7})
        self.assertEqual({'n': 7}, resp.json())
        self.assertEqual({'extra_specs': {'f': '1.5', 'n': '7'}},
                         self._specs())
        self.assertEqual({'n': '7'},
                         self.api('GET', self.path + '/n').json())

    def test_update_creates_a_new_key(self):
        resp = self.api('PUT', self.path + '/new%20key', {'new key': 'v'})
        self.assertEqual({'new key': 'v'}, resp.json())
        self.assertEqual({'extra_specs': {'new key': 'v'}}, self._specs())

    def test_readers_may_read(self):
        self._set({'a': '1'})
        self.assertEqual({'extra_specs': {'a': '1'}},
                         self._specs(persona='member'))
        resp = self.api('GET', self.path + '/a', persona='member')
        self.assertEqual({'a': '1'}, resp.json())

    def test_members_may_not_write(self):
        self._set({'a': '1'})
        for method, path, body, rule in (
                ('POST', self.path, {'extra_specs': {'a': '2'}}, 'create'),
                ('PUT', self.path + '/a', {'a': '2'}, 'update'),
                ('DELETE', self.path + '/a', None, 'delete'),
                ('POST', '/flavors/no-such-flavor/os-extra_specs',
                 {'extra_specs': {'a': '2'}}, 'create')):
            resp = self.api(method, path, body, persona='member')
            self.assertFault(resp, 403, "Policy doesn't allow "
                             "os_compute_api:os-flavor-extra-specs:%s to be "
                             "performed." % rule)
        self.assertEqual({'extra_specs': {'a': '1'}}, self._specs())

    def test_private_flavor_specs_need_access(self):
        flavor_id = self.create_private_flavor()['id']
        path = '/flavors/%s/os-extra_specs' % flavor_id
        self.api('POST', path, {'extra_specs': {'a': '1'}})
        for sub_path in ('', '/a'):
            resp = self.api('GET', path + sub_path, persona='member')
            self.assertFault(resp, 404, 'Flavor %s could not be found.'
                             % flavor_id)
        self.add_access(flavor_id, self.project_id('member'))
        resp = self.api('GET', path, persona='member')
        self.assertEqual({'extra_specs': {'a': '1'}}, resp.json())

    def test_unknown_flavor_is_404(self):
        path = '/flavors/no-such-flavor/os-extra_specs'
        for method, sub_path, body in (
                ('GET', '', None), ('GET', '/a', None),
                ('POST', '', {'extra_specs': {'a': 'b'}}),
                ('PUT', '/a', {'a': 'b'}), ('DELETE', '/a', None)):
            resp = self.api(method, path + sub_path, body)
            self.assertFault(resp, 404,
                             'Flavor no-such-flavor could not be found.')

    def test_unknown_key_is_404(self):
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.path + '/no-such-key')
            self.assertFault(resp, 404, 'Flavor %s has no extra specs with '
                             'key no-such-key.' % self.flavor_id)

    def test_update_key_must_match_the_url(self):
        resp = self.api('PUT', self.path + '/a', {'b': '1'})
        self.assertFault(resp, 400, 'Request body and URI mismatch')
        self.assertEqual({'extra_specs': {}}, self._specs())

    def test_update_takes_exactly_one_key(self):
        resp = self.api('PUT', self.path + '/a', {'a': '1', 'b': '2'})
        self.assertFault(resp, 400,
                         "{'a': '1', 'b': '2'} has too many properties")
        resp = self.api('PUT', self.path + '/a', {})
        self.assertFault(resp, 400, '{} should be non-empty')

    def test_invalid_values_are_400(self):
        for value, error in (
                (None, "None is not of type 'string', 'number'"),
                (True, "True is not of type 'string', 'number'"),
                ([], "[] is not of type 'string', 'number'"),
                ('v' * 256, "'%s' is too long" % ('v' * 256))):
            message = ('Invalid input for field/attribute k. Value: %s. %s'
                       % (value, error))
            resp = self.api('POST', self.path, {'extra_specs': {'k': value}})
            self.assertFault(resp, 400, message)
            resp = self.api('PUT', self.path + '/k', {'k': value})
            self.assertFault(resp, 400, message)

    def test_long_numbers_are_400(self):
        number = 10 ** 256
        for method, path, body in (
                ('POST', self.path, {'extra_specs': {'k': number}}),
                ('PUT', self.path + '/k', {'k': number}),
                ('POST', '/flavors/no-such-flavor/os-extra_specs',
                 {'extra_specs': {'k': number}})):
            resp = self.api(method, path, body)
            self.assertFault(resp, 400, 'extra_specs value has 257 '
                             'characters, more than 255.')

    def test_malformed_bodies_are_400(self):
        for body, message in (
                ({}, "'extra_specs' is a required property"),
                ({'extra_specs': []}, "Invalid input for field/attribute "
                 "extra_specs. Value: []. [] is not of type 'object'"),
                (b'', "None is not of type 'object'")):
            resp = self.api('POST', self.path, body)
            self.assertFault(resp, 400, message)
        for body, message in (([], "[] is not of type 'object'"),
                              (b'', "None is not of type 'object'")):
            resp = self.api('PUT', self.path + '/a', body)
            self.assertFault(resp, 400, message)

    def test_queries_are_ignored(self):
        self._set({'a': '1'})
        resp = self.api('GET', self.path + '?foo=bar')
        self.assertEqual({'extra_specs': {'a': '1'}}, resp.json())
        resp = self.api('GET', self.path + '/a?foo=bar')
        self.assertEqual({'a': '1'}, resp.json())

    def test_specs_go_with_their_flavor(self):
        flavor = self.create_flavor()
        path = '/flavors/%s/os-extra_specs' % flavor['id']
        self.api('POST', path, {'extra_specs': {'a': '1'}})
        self.api('DELETE', '/flavors/%s' % flavor['id'])
        again = self.create_flavor(name=flavor['name'], id=flavor['id'])
        resp = self.api('GET', '/flavors/%s/os-extra_specs' % again['id'])
        self.assertEqual({'extra_specs': {}}, resp.json())


class FlavorExtraSpecsTestV21(base.V21, FlavorExtraSpecsTestV2):

    def test_invalid_keys_are_400(self):
        long_key = 'k' * 256
        for key in ('bad/key', 'ü', long_key):
            specs = {key: 'x'}
            resp = self.api('POST', self.path, {'extra_specs': specs})
            self.assertFault(
                resp, 400, "Invalid input for field/attribute extra_specs. "
                "Value: %s. '%s' does not match any of the regexes: %s"
                % (specs, key, _KEY_PATTERN))
        resp = self.api('PUT', self.path + '/bad', {'bad/key': 'x'})
        self.assertFault(resp, 400, "'bad/key' does not match any of the "
                                    "regexes: %s" % _KEY_PATTERN)
        self.assertEqual({'extra_specs': {}}, self._specs())

    def test_undefined_top_level_property_is_400(self):
        resp = self.api('POST', self.path,
                        {'extra_specs': {'a': '1'}, 'colour': 'blue'})
        self.assertFault(
            resp, 400, "Additional properties are not allowed ('colour' was "
                       "unexpected)")

    def test_same_behaviour_at_2_10(self):
        resp = self.api('POST', self.path, {'extra_specs': {'a': '1'}},
                        version='2.10')
        self.assertEqual({'extra_specs': {'a': '1'}}, resp.json())
        self.assertVersionHeaders(resp, '2.10')
        resp = self.api('DELETE', self.path + '/a', version='2.10')
        self.assertEqual(200, resp.status)

    def test_known_specs_are_not_checked_at_2_85(self):
        specs = {'hw:cpu_policy': 'bogus', 'hw:foo': 'x', 'trait:FOO': 'y'}
        resp = self.api('POST', self.path, {'extra_specs': specs},
                        version='2.85')
        self.assertEqual({'extra_specs': specs}, resp.json())
        resp = self.api('PUT', self.path + '/hw:numa_nodes',
                        {'hw:numa_nodes': 'many'}, version='2.85')
        self.assertEqual({'hw:numa_nodes': 'many'}, resp.json())

    def test_queries_are_refused_by_reads_at_2_102(self):
        self._set({'a': '1'})
        for path in (self.path, self.path + '/a'):
            resp = self.api('GET', path + '?foo=bar', version='2.101')
            self.assertEqual(200, resp.status, resp)
            resp = self.api('GET', path + '?foo=bar', version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                                        "allowed ('foo' was unexpected)")
        resp = self.api('GET', '/flavors/no-such-flavor/os-extra_specs'
                        '?foo=bar', version='2.102')
        self.assertFault(resp, 400)

    def test_writes_ignore_queries_at_2_102(self):
        resp = self.api('POST', self.path + '?foo=bar',
                        {'extra_specs': {'a': '1'}}, version='2.102')
        self.assertEqual({'extra_specs': {'a': '1'}}, resp.json())
        resp = self.api('PUT', self.path + '/a?foo=bar', {'a': '2'},
                        version='2.102')
        self.assertEqual({'a': '2'}, resp.json())
        resp = self.api('DELETE', self.path + '/a?foo=bar', version='2.102')
        self.assertEqual(200, resp.status, resp)


class ExtraSpecValidationTestV21(test_flavors.FlavorHelpers, base.V21,
                                 base.APITestCase):
    """2.86: the extra specs Nova knows are checked on create and update
    (messages as Nova 34 gives them)."""

    VERSION = '2.86'

    def setUp(self):
        super().setUp()
        self.flavor_id = self.create_flavor()['id']
        self.path = '/flavors/%s/os-extra_specs' % self.flavor_id

    def create(self, specs, path=None):
        return self.api('POST', path or self.path, {'extra_specs': specs},
                        version=self.VERSION)

    def put(self, key, body):
        return self.api('PUT', self.path + '/' + key, body,
                        version=self.VERSION)

    def assertRefused(self, key, value, message):
        resp = self.create({key: value})
        self.assertFault(resp, 400, 'Validation failed; %s' % message)
        resp = self.put(key, {key: value})
        self.assertFault(resp, 400, 'Validation failed; %s' % message)

    def stored(self):
        resp = self.api('GET', self.path, version=self.VERSION)
        return resp.json()['extra_specs']

    def test_valid_known_specs_are_stored(self):
        specs = {
            'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '2',
            'hw:numa_cpus.0': '0-1,^1', 'hw:numa_mem.1': 512,
            'hw:mem_page_size': '2MiB', 'hw:boot_menu': 'Yes',
            'hw_rng:allowed': 1, 'quota:cpu_quota': '-1',
            'resources:VCPU': '2', 'resources1:CUSTOM_GPU': '1',
            'resources_big:MEMORY_MB': '1024',
            'trait:HW_CPU_X86_AVX': 'required',
            'trait2:CUSTOM_FAST': 'forbidden',
            'capabilities:cpu_info:features': 'x',
            'aggregate_instance_extra_specs:ssd': '<in> true',
            'pci_passthrough:alias': 'a1:2, b:1', 'group_policy': 'none',
            'hw:redirected_usb_ports': '15', 'os:secure_boot': 'required',
            'vmware:hw_version': 'anything', 'accel:device_profile': 'p',
        }
        resp = self.create(specs)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'extra_specs': specs}, resp.json())
        self.assertEqual({key: str(value) for key, value in specs.items()},
                         self.stored())
        resp = self.put('hw:cpu_policy', {'hw:cpu_policy': 'mixed'})
        self.assertEqual({'hw:cpu_policy': 'mixed'}, resp.json())

    def test_unknown_namespaces_and_plain_keys_are_free(self):
        specs = {'foo:bar': 'x', 'plain': 'y', ' hw:cpu_policy': 'z',
                 'hardware:cpu': 'w'}
        resp = self.create(specs)
        self.assertEqual({'extra_specs': specs}, resp.json())

    def test_unknown_keys_of_known_namespaces_are_400(self):
        for key in ('hw:foo', 'hw:cpu_policyx', 'hw:numa_cpus.x',
                    'trait:FOO', 'resources1:vcpu', 'quota:foo',
                    'hw_video:ram', 'os:foo', 'accel:x', 'vmware:x'):
            self.assertRefused(
                key, '1', "extra spec '%s' does not appear to be a valid "
                          "extra spec." % key)

    def test_choices_are_checked(self):
        self.assertRefused('hw:cpu_policy', 'bogus', "'bogus' is not one "
                           "of: dedicated, shared, mixed.")
        self.assertRefused('group_policy', 'x',
                           "'x' is not one of: isolate, none.")
        self.assertRefused('trait:HW_CPU_X86_AVX', 'yes',
                           "'yes' is not one of: required, forbidden.")

    def test_integers_are_checked(self):
        self.assertRefused('hw:numa_nodes', '0',
                           "'0' is less than the min value of '1'.")
        self.assertRefused('hw:numa_nodes', 'x',
                           "'x' is not a valid integer value.")
        self.assertRefused('hw:numa_nodes', 1.5,
                           "'1.5' is not a valid integer value.")
        self.assertRefused('hw:redirected_usb_ports', '16',
                           "'16' is greater than the max value of '15'.")
        self.assertRefused('hw:serial_port_count', ' -1',
                           "'-1' is less than the min value of '0'.")
        self.assertRefused('resources:VCPU', 'x',
                           "'x' is not a valid integer value.")

    def test_booleans_are_checked(self):
        self.assertRefused('hw:boot_menu', 'maybe',
                           "'maybe' is not a valid boolean-like value.")
        self.assertRefused('hide_hypervisor_id', '2',
                           "'2' is not a valid boolean-like value.")

    def test_formats_are_checked(self):
        self.assertRefused(
            'hw:mem_page_size', 'huge', "'huge' is not of the format "
            "'(large|small|any|\\d+([kKMGT]i?)?(b|bit|B)?)'.")
        self.assertRefused(
            'hw:cpu_realtime_mask', '^', "'^' is not of the format "
            "'(\\^)?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*'.")
        self.assertRefused(
            'pci_passthrough:alias', 'a1', "'a1' is not of the format "
            "'[^:]+:\\d+(?:\\s*,\\s*[^:]+:\\d+)*'.")

    def test_first_invalid_spec_in_the_body_is_reported(self):
        resp = self.create({'a': '1', 'hw:cpu_policy': 'x',
                            'hw:numa_nodes': '0'})
        self.assertFault(resp, 400, "Validation failed; 'x' is not one of: "
                                    "dedicated, shared, mixed.")
        self.assertEqual({}, self.stored())

    def test_checks_come_before_the_flavor_lookup(self):
        resp = self.create({'hw:cpu_policy': 'x'},
                           path='/flavors/no-such-flavor/os-extra_specs')
        self.assertFault(resp, 400, "Validation failed; 'x' is not one of: "
                                    "dedicated, shared, mixed.")

    def test_update_checks_the_body_before_matching_the_url(self):
        resp = self.put('hw:cpu_policy', {'hw:cpu_policyx': 'dedicated'})
        self.assertFault(resp, 400, "Validation failed; extra spec "
                         "'hw:cpu_policyx' does not appear to be a valid "
                         "extra spec.")
        resp = self.put('hw:cpu_policy', {'hw:numa_nodes': '1'})
        self.assertFault(resp, 400, 'Request body and URI mismatch')

    def test_members_may_still_not_write(self):
        resp = self.api('POST', self.path,
                        {'extra_specs': {'hw:cpu_policy': 'x'}},
                        version=self.VERSION, persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow os_compute_api:"
                         "os-flavor-extra-specs:create to be performed.")


class ExtraSpecValidationLatestTestV21(ExtraSpecValidationTestV21):
    """The same checks at the newest version."""

    VERSION = '2.104'
