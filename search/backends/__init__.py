"""Search backends of this site, selected in `WAGTAILSEARCH_BACKENDS`
(chm/settings/base.py): `search.backends.postgres` on PostgreSQL."""
