"""Wagtail pages: the base every page factory shares, and the network of
regions and countries most tests stand on.

`PageFactory(parent=page, ...)` adds the page under `parent`, read afresh
first (treebeard keeps the child count and path on the parent row, which
an earlier `add_child` has moved on). Keyword `tags` fills the page's
ClusterTaggableManager before the page is saved."""

from types import SimpleNamespace

import factory
import wagtail_factories
from wagtail.models import Collection, Locale, Page, Site

from community.models import CountryPage, RegionPage
from home.models import HomePage


class PageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags", ())
        children = {
            name: kwargs.pop(name) for name in cls.child_fields() if name in kwargs
        }
        instance = model_class(**kwargs)
        if tags:
            instance.tags.add(*tags)
        cls.add_children(instance, **children)
        if parent is None:
            return model_class.add_root(instance=instance)
        parent.refresh_from_db()
        return parent.add_child(instance=instance)

    @classmethod
    def child_fields(cls) -> tuple[str, ...]:
        """Keywords that `add_children` turns into inline (orderable) rows."""
        return ()

    @classmethod
    def add_children(cls, instance, **children) -> None:
        """Attach inline rows to the unsaved page (saved with it)."""


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "CHM Commons"
    slug = "home"


class RegionPageFactory(PageFactory):
    class Meta:
        model = RegionPage

    title = factory.Sequence(lambda n: f"Region {n}")


class CountryPageFactory(PageFactory):
    class Meta:
        model = CountryPage

    title = factory.Sequence(lambda n: f"Country {n}")


def ensure_wagtail_base() -> Page:
    """What Wagtail's data migrations create, for transactional tests whose
    database was flushed: the default locale, the root page and collection."""
    locale, _created = Locale.objects.get_or_create(language_code="en")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    return root


def build_network() -> SimpleNamespace:
    """The home page as the default site's root, with two regions and three
    countries: Africa (Benin, Kenya) and Asia and the Pacific (Fiji)."""
    root = ensure_wagtail_base()
    for placeholder in root.get_children():
        Site.objects.filter(root_page=placeholder).update(root_page=root)
        placeholder.delete()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    africa = RegionPageFactory(parent=home, title="Africa", slug="africa")
    asia = RegionPageFactory(
        parent=home, title="Asia and the Pacific", slug="asia-pacific"
    )
    benin = CountryPageFactory(
        parent=africa, title="Benin", slug="benin", iso_code="BJ", capacity_level=3
    )
    kenya = CountryPageFactory(
        parent=africa, title="Kenya", slug="kenya", iso_code="KE", capacity_level=4
    )
    fiji = CountryPageFactory(
        parent=asia, title="Fiji", slug="fiji", iso_code="FJ", capacity_level=1
    )
    return SimpleNamespace(
        home=home, africa=africa, asia=asia, benin=benin, kenya=kenya, fiji=fiji
    )


def add_north(network) -> SimpleNamespace:
    """A WEOG region and France, to compare South–South with North–South."""
    weog = RegionPageFactory(
        parent=network.home,
        title="Western Europe and Others",
        slug="western-europe-others",
    )
    france = CountryPageFactory(
        parent=weog, title="France", slug="france", iso_code="FR"
    )
    return SimpleNamespace(weog=weog, france=france)


def translate_page(page, locale: Locale, **fields):
    """What an editor does with "Translate" (simple_translation) and then
    "Publish": a copy in `locale` (with its missing parents), edited, live."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
