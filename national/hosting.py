"""Which national CHM website a request is for.

The hosting middleware sets `request.national_country` to the CountryPage
whose national website the request's host names (`bj.<CHM_NATIONAL_DOMAIN>`
or a domain the country claimed and the Secretariat approved), and to None on
the network's own site. Everything else reads it through this function.
"""


def national_country(request):
    """The CountryPage served as a site at this request's host, or None."""
    return getattr(request, "national_country", None)
