from .hosting import national_country


def national_chrome(request) -> dict:
    """`national_country`: the country whose national website is being read
    (base.html switches to its header and footer), or None. No query."""
    return {"national_country": national_country(request)}
