from django.core.management.base import BaseCommand, CommandError

from blog.harvesting import countries_with_feeds, harvest_country


class Command(BaseCommand):
    help = "Import new items from the national CHM feeds of every country (or one)."

    def add_arguments(self, parser):
        parser.add_argument("--country", help="ISO code of one country, e.g. BJ")

    def handle(self, *args, country=None, **options):
        countries = countries_with_feeds()
        if country:
            countries = countries.filter(iso_code=country.upper())
            if not countries.exists():
                raise CommandError(f"No country {country.upper()} with a feed.")
        failures = 0
        for page in countries:
            result = harvest_country(page)
            if result.ok:
                self.stdout.write(
                    f"{page.iso_code} {page.title}: {result.imported} new"
                )
            else:
                failures += 1
                self.stdout.write(
                    f"{page.iso_code} {page.title}: ERROR {result.message}"
                )
        self.stdout.write(f"{countries.count()} feeds, {failures} failed.")
