"""Load the demo network: regions, every CBD Party, CBD subjects, demo accounts.

Idempotent: a second run finds everything in place and changes nothing.
Refused where CHM_ALLOW_DEMO_DATA is off (production).
"""

import hashlib
import os

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from blog.demo import seed_news
from community.models import CountryPage, RegionPage, Subject, User
from community.national_spaces import assign_focal_point, make_moderator
from community.parties import PARTIES, REGIONS
from community.subjects import SUBJECTS
from cooperation.demo import seed_cooperation
from events.demo import seed_events
from forum.demo import seed_forums
from home.models import HomePage
from national.demo import seed_national_sites
from national.hosting import national_address
from targets.demo import seed_targets
from toolkits.demo import seed_toolkits

DEFAULT_DEMO_PASSWORD = "chm-demo-2026"  # noqa: S105 - demo accounts only

HOME_INTRO = (
    "The meeting place of the Clearing-House Mechanism of the Convention on "
    "Biological Diversity: national focal points, experts, regional nodes and "
    "partners sharing news, knowledge and cooperation, South–South above all."
)
REGION_INTROS = {
    "africa": "National CHMs of the African Group.",
    "asia-pacific": "National CHMs of the Asia-Pacific Group.",
    "central-eastern-europe": "National CHMs of Central and Eastern Europe.",
    "latin-america-caribbean": "National CHMs of Latin America and the Caribbean.",
    "western-europe-others": "National CHMs of Western Europe and Others.",
}
# A few countries with known levels; the rest get a stable spread over 0-5.
KNOWN_LEVELS = {"BJ": 3, "KE": 4, "BF": 2, "CM": 3, "FR": 5, "BE": 5, "PE": 4}


def demo_capacity_level(iso: str) -> int:
    if iso in KNOWN_LEVELS:
        return KNOWN_LEVELS[iso]
    return int(hashlib.sha256(iso.encode()).hexdigest(), 16) % 6


# Countries whose national sites `make run` names (every country has one).
NATIONAL_DEMO_SITES = ("BJ", "KE")


class Command(BaseCommand):
    help = "Load the demo network (idempotent). Never available in production."

    def handle(self, *args, **options):
        if not settings.CHM_ALLOW_DEMO_DATA:
            raise CommandError("Demo data is disabled in these settings.")
        password = os.environ.get("CHM_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        with transaction.atomic():
            self.seed_locales()
            home = self.seed_home()
            countries = self.seed_countries(home)
            self.seed_subjects()
            authors = self.seed_accounts(password, countries)
            news = seed_news(countries, authors)
            self.seed_feeds(countries)
            seed_forums(home, self.demo_users())
            toolkits = seed_toolkits(home, countries, self.demo_users())
            seed_targets(countries, self.demo_users())
            seed_cooperation(countries, self.demo_users())
            seed_events(home, countries)
            seed_national_sites(countries)
        self.stdout.write(
            "National sites: "
            + " ".join(f"{national_address(iso)}/" for iso in NATIONAL_DEMO_SITES)
        )
        source = "CHM_DEMO_PASSWORD" if "CHM_DEMO_PASSWORD" in os.environ else "default"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network ready: {len(countries)} countries, "
                f"{len(REGIONS)} regions, {len(SUBJECTS)} CBD subjects, "
                f"{news} new demo news posts, {toolkits} new demo toolkits."
            )
        )
        self.stdout.write(
            "Demo accounts: admin@example.org, focal.benin@example.org, "
            "expert@example.org, newcomer@example.org"
        )
        if source == "default":
            self.stdout.write(f"Demo password (default): {DEFAULT_DEMO_PASSWORD}")
        else:
            self.stdout.write("Demo password: the value of CHM_DEMO_PASSWORD")

    def seed_locales(self) -> None:
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)

    def seed_home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home is None:
            # Replace the placeholder page a fresh Wagtail database starts with.
            for placeholder in root.get_children().filter(slug="home"):
                Site.objects.filter(root_page=placeholder).update(root_page=root)
                placeholder.delete()
            home = root.add_child(
                instance=HomePage(title="CHM Commons", slug="home", intro=HOME_INTRO)
            )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="CHM Commons",
            )
        elif site.root_page_id != home.pk or site.site_name != "CHM Commons":
            site.root_page = home
            site.site_name = "CHM Commons"
            site.save()
        return home

    def seed_countries(self, home: HomePage) -> dict[str, CountryPage]:
        regions = {}
        for slug, name in REGIONS:
            region = RegionPage.objects.child_of(home).filter(slug=slug).first()
            if region is None:
                region = home.add_child(
                    instance=RegionPage(
                        title=name, slug=slug, intro=REGION_INTROS[slug]
                    )
                )
            regions[slug] = region
        existing = {
            page.iso_code: page
            for page in CountryPage.objects.filter(locale=home.locale)
        }
        countries = {}
        for party in PARTIES:
            country = existing.get(party.iso)
            if country is None:
                region = regions[party.region]
                country = region.add_child(
                    instance=CountryPage(
                        title=party.name,
                        slug=slugify(party.name),
                        iso_code=party.iso,
                        capacity_level=demo_capacity_level(party.iso),
                    )
                )
                # Reload so the tree fields add_child set are current.
                region.refresh_from_db()
            countries[party.iso] = country
        return countries

    def seed_subjects(self) -> None:
        for order, seed in enumerate(SUBJECTS):
            tag = Tag.objects.filter(name__iexact=seed.name).first()
            if tag is None:
                tag = Tag.objects.create(name=seed.name, slug=slugify(seed.name))
            Subject.objects.get_or_create(
                code=seed.code,
                defaults={"tag": tag, "kind": seed.kind, "sort_order": order},
            )

    def seed_feeds(self, countries: dict[str, CountryPage]) -> None:
        """Point two countries at demo feeds the site serves itself, so harvesting
        can be tried offline (`harvest_feeds`, or the button on the country page)."""
        demo = {
            "BJ": ("benin-chm.xml", "https://chm.example.bj/"),
            "KE": ("kenya-chm.atom", "https://chm.example.ke/"),
        }
        for iso, (feed, website) in demo.items():
            country = countries[iso]
            if not country.feed_url:
                country.feed_url = f"{settings.SITE_BASE_URL}/static/demo-feeds/{feed}"
                country.national_website = website
                country.save(update_fields=["feed_url", "national_website"])

    def seed_accounts(
        self, password: str, countries: dict[str, CountryPage]
    ) -> dict[str, User]:
        admin = self.account(
            "admin", "admin@example.org", password, display_name="CBD Secretariat"
        )
        if not admin.is_superuser:
            admin.is_superuser = admin.is_staff = True
            admin.save(update_fields=["is_superuser", "is_staff"])
        focal = self.account(
            "focal.benin",
            "focal.benin@example.org",
            password,
            display_name="Aïcha Dossou",
            organisation="Ministry of Living Environment and Sustainable Development",
            position="CHM national focal point",
            languages=["fr", "en"],
        )
        assign_focal_point(focal, countries["BJ"])
        expert = self.account(
            "expert",
            "expert@example.org",
            password,
            display_name="Dr. Wanjiru Kamau",
            organisation="Kenya Forestry Research Institute",
            position="Senior research scientist",
            bio="Forest ecologist working on dryland restoration and invasive "
            "species in East Africa.",
            languages=["en", "fr"],
            country=countries["KE"],
        )
        expertise = Tag.objects.filter(
            subject__code__in=["CBD-SUBJECT-FOR", "CBD-SUBJECT-IAS", "CBD-SUBJECT-DRY"]
        )
        expert.expertise.add(*expertise)
        self.account(
            "newcomer", "newcomer@example.org", password, display_name="Newcomer"
        )
        moderator = self.account(
            "moderator",
            "moderator@example.org",
            password,
            display_name="Forum moderator",
        )
        make_moderator(moderator)
        return {"BJ": focal, "KE": expert}

    def demo_users(self) -> dict[str, User]:
        return {
            user.username: user
            for user in User.objects.filter(
                username__in=["admin", "focal.benin", "expert", "newcomer", "moderator"]
            )
        }

    def account(self, username: str, email: str, password: str, **profile) -> User:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=username, email=email, **profile)
            user.set_password(password)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user,
            email=email,
            defaults={"verified": True, "primary": True},
        )
        return user
