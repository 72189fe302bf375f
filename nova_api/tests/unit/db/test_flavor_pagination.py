"""Flavor list pages (sort, marker, limit, filters), on every backend.

Pages follow oslo.db's paginate_query rule, as Nova's do: sorted by the
sort key then id, a page starts after the marker flavor's (sort key, id),
and a marker whose sort value is NULL is compared on its id alone.
"""

from nova_api.db import flavors
from nova_api import exception
from nova_api.tests.unit.db import base
from nova_api.tests.unit.db import test_flavors

DEFAULT_FLAVORIDS = test_flavors.DEFAULT_FLAVORIDS


class FlavorPaginationTest(test_flavors.FlavorTestCase):

    def get_flavorids(self, context=None, **kwargs):
        return [flavor.flavorid for flavor in
                flavors.get_all(context or self.context, **kwargs)]

    def page_through(self, limit, context=None, **kwargs):
        """Every page's flavorids, each page started after the last one."""
        pages, marker = [], None
        while True:
            page = self.get_flavorids(context, limit=limit, marker=marker,
                                      **kwargs)
            if not page:
                return pages
            pages.append(page)
            marker = page[-1]

    def create_flavors_with_ties(self):
        # Ties with the default flavors and with each other in most
        # columns, booleans on both sides, nothing in the nullable ones.
        self.create('t1', vcpus=1, memory_mb=512, root_gb=1, swap=512,
                    ephemeral_gb=5, rxtx_factor=2.0)
        self.create('t2', vcpus=1, memory_mb=2048, root_gb=20,
                    is_public=False, disabled=True)
        self.create('t3', vcpus=8, memory_mb=512, root_gb=1, swap=512,
                    ephemeral_gb=5, rxtx_factor=2.0, disabled=True)
        self.create('t4', vcpus=2, is_public=False)

    def test_pages_join_up_to_the_full_list_for_every_sort(self):
        self.create_flavors_with_ties()

        for sort_key in sorted(flavors.SORT_KEYS):
            for sort_dir in ('asc', 'desc'):
                everything = self.get_flavorids(sort_key=sort_key,
                                                sort_dir=sort_dir)
                self.assertEqual(9, len(everything))
                for limit in (1, 2, 4):
                    pages = self.page_through(limit, sort_key=sort_key,
                                              sort_dir=sort_dir)
                    self.assertEqual(
                        everything, sum(pages, []),
                        (sort_key, sort_dir, limit))
                    self.assertTrue(all(len(page) <= limit
                                        for page in pages))

    def test_desc_with_ties_breaks_on_id_descending(self):
        self.create('b', vcpus=1)
        self.create('a', vcpus=1)

        self.assertEqual(['5', '4', '3', 'a', 'b', '2', '1'],
                         self.get_flavorids(sort_key='vcpus',
                                            sort_dir='desc'))
        self.assertEqual(['b', '2', '1'], self.get_flavorids(
            sort_key='vcpus', sort_dir='desc', marker='a'))
        self.assertEqual(['2'], self.get_flavorids(
            sort_key='vcpus', sort_dir='desc', marker='b', limit=1))

    def test_boolean_sort_key_with_marker(self):
        self.create('off-1', disabled=True)
        self.create('off-2', disabled=True)

        self.assertEqual(['off-1', 'off-2'], self.get_flavorids(
            sort_key='disabled', marker='5'))
        self.assertEqual(['off-2'], self.get_flavorids(
            sort_key='disabled', marker='off-1'))
        self.assertEqual(['5', '4', '3', '2', '1'], self.get_flavorids(
            sort_key='disabled', sort_dir='desc', marker='off-1'))
        self.assertEqual(['off-1', '5'], self.get_flavorids(
            sort_key='disabled', sort_dir='desc', marker='off-2', limit=2))

    def test_marker_with_null_sort_value_compares_ids_only(self):
        # What paginate_query does: a NULL marker value is skipped, so the
        # page holds every row with an id beyond the marker's, in the
        # backend's order (NULLs sort first on SQLite and MySQL, last on
        # PostgreSQL).
        weighted = self.create('weighted', vcpu_weight=5)
        ids = {flavor.flavorid: flavor.id
               for flavor in flavors.get_all(self.context)}
        for sort_dir in ('asc', 'desc'):
            everything = self.get_flavorids(sort_key='vcpu_weight',
                                            sort_dir=sort_dir)

            def beyond(marker):
                if sort_dir == 'asc':
                    return [f for f in everything if ids[f] > ids[marker]]
                return [f for f in everything if ids[f] < ids[marker]]

            for marker in ('1', '3', '5'):
                self.assertEqual(
                    beyond(marker),
                    self.get_flavorids(sort_key='vcpu_weight',
                                       sort_dir=sort_dir, marker=marker),
                    (sort_dir, marker))
        # After a marker with a value, rows with NULL never follow: NULL
        # compares neither greater nor smaller.
        self.assertEqual([], self.get_flavorids(
            sort_key='vcpu_weight', marker=weighted.flavorid))
        self.assertEqual([], self.get_flavorids(
            sort_key='vcpu_weight', sort_dir='desc',
            marker=weighted.flavorid))

    def test_marker_need_not_match_the_filters(self):
        # The marker is looked up among what the context may see; the
        # filters select the page.
        self.assertEqual(['3', '4', '5'], self.get_flavorids(
            marker='1', filters={'min_memory_mb': 4096}))
        self.assertEqual(['4', '5'], self.get_flavorids(
            sort_key='memory_mb', marker='3',
            filters={'min_root_gb': 41}))

    def test_filters_bind_each_calls_values(self):
        self.assertEqual(['3', '4', '5'], self.get_flavorids(
            filters={'min_memory_mb': 4096}))
        self.assertEqual(['2', '3', '4', '5'], self.get_flavorids(
            filters={'min_memory_mb': 2048}))
        self.assertEqual(['5'], self.get_flavorids(
            filters={'min_memory_mb': 2048, 'min_root_gb': 100}))
        self.assertEqual(['3'], self.get_flavorids(
            filters={'min_memory_mb': 2048}, limit=1, marker='2'))
        self.assertEqual(['3', '4'], self.get_flavorids(
            filters={'min_memory_mb': 2048}, limit=2, marker='2'))

    def test_limit_zero_is_an_empty_page(self):
        self.assertEqual([], self.get_flavorids(limit=0))
        self.assertEqual([], self.get_flavorids(limit=0, marker='1'))

    def test_member_pages_through_shared_private_flavors(self):
        self.create('shared-b', is_public=False, memory_mb=8192)
        self.create('shared-a', is_public=False)
        self.create('hidden', is_public=False)
        self.create('off', disabled=True)
        flavors.add_project(self.context, 'shared-a', 'project-a')
        flavors.add_project(self.context, 'shared-b', 'project-a')
        flavors.add_project(self.context, 'hidden', 'project-b')
        member = self.user_context('project-a')
        # What the API asks for a member.
        filters = {'is_public': True, 'disabled': False}

        self.assertEqual(
            [['1', '2'], ['3', '4'], ['5', 'shared-a'], ['shared-b']],
            self.page_through(2, member, filters=filters))
        self.assertEqual(
            [['4', 'shared-b'], ['5']],
            self.page_through(2, member, filters=dict(
                filters, min_memory_mb=8192), sort_key='memory_mb'))
        self.assertEqual(['shared-b'], self.get_flavorids(
            member, marker='shared-a', filters=filters))
        self.assertEqual(['shared-a', 'shared-b'], self.get_flavorids(
            member, filters={'is_public': False}))
        self.assertRaises(exception.MarkerNotFound, flavors.get_all,
                          member, marker='hidden', filters=filters)
        # The same shape of query for another project sees its own share.
        self.assertEqual(DEFAULT_FLAVORIDS + ['hidden'], self.get_flavorids(
            self.user_context('project-b'), filters=filters))

    def test_admin_sees_every_flavor_and_pages_through_them(self):
        self.create('private', is_public=False)
        self.create('off', disabled=True)

        self.assertEqual(
            [['1', '2', '3'], ['4', '5', 'off'], ['private']],
            self.page_through(3, filters={'is_public': None}))
        self.assertEqual([['private']], self.page_through(
            3, filters={'is_public': False}))
        self.assertEqual([['1', '2', '3'], ['4', '5', 'off']],
                         self.page_through(3, filters={'is_public': True}))


class FlavorPaginationTestPostgreSQL(base.PostgreSQL, FlavorPaginationTest):
    pass


class FlavorPaginationTestMySQL(base.MySQL, FlavorPaginationTest):
    pass
