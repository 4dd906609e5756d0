"""Which countries count as "the South" for South–South cooperation.

DOMAIN.md speaks of "countries of the South helping each other" and names the
five UN regional groups the CBD uses. We define the South explicitly from
them: every Party in the African, Asia-Pacific and Latin American and
Caribbean groups (the groups whose members make up the Group of 77), except
the few members of those groups that are not developing countries (they
never joined, or left, the G77). Central and Eastern Europe and Western
Europe and Others are not the South.
"""

SOUTH_REGION_SLUGS = frozenset({"africa", "asia-pacific", "latin-america-caribbean"})
# Members of the southern regional groups that are not developing countries.
NOT_SOUTH_ISO = frozenset({"JP", "KR", "CY"})


def is_south(iso_code: str | None, region_slug: str | None) -> bool:
    if not iso_code or not region_slug:
        return False
    return region_slug in SOUTH_REGION_SLUGS and iso_code.upper() not in NOT_SOUTH_ISO
