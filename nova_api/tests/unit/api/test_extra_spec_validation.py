"""nova_api.api.validation.extra_specs: known names, value kinds, and
the namespaces in which an unknown name is refused."""

import os_resource_classes
import os_traits
import testtools

from nova_api.api.validation import extra_specs
from nova_api.api.validation.extra_specs import keys
from nova_api.api.validation.extra_specs import values
from nova_api import exception


class ValueKindsTest(testtools.TestCase):

    def assertRefused(self, kind, value, reason):
        error = self.assertRaises(exception.ValidationError, kind.check,
                                  value)
        self.assertEqual('Validation failed; %s.' % reason, str(error))

    def test_boolean(self):
        for value in ('true', 'False', '1', '0', 'yes', 'NO', 'on', 'off',
                      't', 'f', 'y', 'n', ' true '):
            values.BOOLEAN.check(value)
        self.assertRefused(values.BOOLEAN, '2',
                           "'2' is not a valid boolean-like value")

    def test_integer_bounds_name_the_number_read(self):
        kind = values.Integer(minimum=0, maximum=15)
        for value in ('0', '15', ' 7 ', '+3', '1_0'):
            kind.check(value)
        self.assertRefused(kind, ' 16', "'16' is greater than the max "
                                        "value of '15'")
        self.assertRefused(kind, '-01', "'-1' is less than the min value "
                                        "of '0'")
        self.assertRefused(kind, '1.0', "'1.0' is not a valid integer value")
        self.assertRefused(kind, '', "'' is not a valid integer value")
        values.INTEGER.check('-99999999999999999999')

    def test_text_choices_and_patterns(self):
        values.ANY_TEXT.check('')
        kind = values.one_of('a', 'b')
        kind.check('b')
        self.assertRefused(kind, 'c', "'c' is not one of: a, b")
        kind = values.matching(r'\d+')
        kind.check('12')
        # The whole value must match.
        self.assertRefused(kind, '12x', "'12x' is not of the format '\\d+'")


class SpecTest(testtools.TestCase):

    def test_parameters_are_patterns(self):
        spec = keys.Spec('x:a.{n}', values.ANY_TEXT, {'n': r'\d+'})
        self.assertTrue(spec.matches('x:a.10'))
        self.assertFalse(spec.matches('x:a.'))
        self.assertFalse(spec.matches('x:a.1b'))
        self.assertEqual('x', spec.namespace)

    def test_namespace_of_a_grouped_name_is_a_pattern(self):
        spec = keys.Spec('res{group}:R', values.INTEGER,
                         {'group': keys.GROUP})
        self.assertEqual('res(%s)' % keys.GROUP, spec.namespace)
        self.assertIsNone(keys.Spec('plain', values.BOOLEAN).namespace)


class ValidateTest(testtools.TestCase):

    def assertRefused(self, name, value, reason):
        error = self.assertRaises(exception.ValidationError,
                                  extra_specs.validate, name, value)
        self.assertEqual('Validation failed; %s.' % reason, str(error))

    def assertUnknown(self, name):
        self.assertRefused(name, 'x', "extra spec '%s' does not appear to be "
                                      "a valid extra spec" % name)

    def test_every_standard_resource_class_and_trait_is_known(self):
        for resource_class in os_resource_classes.STANDARDS:
            extra_specs.validate('resources:%s' % resource_class, '1')
            self.assertRefused('resources_g1:%s' % resource_class, 'x',
                               "'x' is not a valid integer value")
        for trait in os_traits.get_traits():
            extra_specs.validate('trait:%s' % trait, 'required')
            extra_specs.validate('trait-a:%s' % trait, 'forbidden')

    def test_custom_resource_classes_and_traits(self):
        extra_specs.validate('resources:CUSTOM_X_1', '3')
        extra_specs.validate('trait9:CUSTOM_FAST', 'required')
        self.assertUnknown('resources:CUSTOM_lower')
        self.assertUnknown('trait:NOT_A_TRAIT')
        # A group name is at most 64 characters: a longer one is no
        # namespace Nova knows, so anything goes there.
        extra_specs.validate('resources%s:VCPU' % ('g' * 64 + 'g'), 'x')
        self.assertRefused('resources%s:VCPU' % ('g' * 64), 'x',
                           "'x' is not a valid integer value")

    def test_known_namespaces_refuse_unknown_names(self):
        for name in ('hw:nope', 'hw_rng:nope', 'hw_video:nope', 'os:nope',
                     'quota:nope', 'vmware:nope', 'accel:nope',
                     'pci_passthrough:nope', 'capabilities:nope',
                     'hw:numa_mem.x', 'capabilities:cpu_info:a-b'):
            self.assertUnknown(name)

    def test_other_names_are_free(self):
        for name in ('foo:bar', 'hardware:cpu', 'plain', ' hw:cpu_policy',
                     'hw', 'aggregate_instance_extra_specs:any:thing'):
            extra_specs.validate(name, 'whatever')

    def test_names_without_namespace_that_nova_knows(self):
        extra_specs.validate('group_policy', 'isolate')
        self.assertRefused('group_policy', 'x',
                           "'x' is not one of: isolate, none")
        self.assertRefused('hide_hypervisor_id', 'x',
                           "'x' is not a valid boolean-like value")

    def test_nested_capabilities_take_a_path(self):
        for name in ('capabilities:stats', 'capabilities:stats:a',
                     'capabilities:cpu_info:features:x'):
            extra_specs.validate(name, 'v')
        self.assertUnknown('capabilities:host:a')
