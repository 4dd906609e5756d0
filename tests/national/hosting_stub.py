"""Stands in for the hosting middleware in these tests: the header
`X-Test-National: <iso>` makes the request one for that country's national
website (the real middleware reads the host)."""

from community.models import CountryPage


class NationalCountryFromHeader:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        iso = request.headers.get("X-Test-National", "")
        request.national_country = (
            CountryPage.objects.filter(iso_code=iso.upper()).first() if iso else None
        )
        return self.get_response(request)
