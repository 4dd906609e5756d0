"""The authorisation matrix: every URL of the site × every role, and the walk
over the URL configuration that finds a URL without a row, so a new URL fails
test_authorisation_matrix.py by name.

Roles, in the order of each row's expectations:
  anon      not signed in
  member    a signed-in member with no role
  expert    a verified expert
  editor    a national editor of Benin
  focal     a national focal point of Benin (the country of the objects here)
  focal_ke  a national focal point of Kenya (another country)
  mod       a community moderator
  staff     the Secretariat (staff, superuser, with an authenticator app)

Expectation tokens: a status code, `L` (302 to the sign-in page), `R` (any
other redirect). The objects belong to `owner`, who holds none of these roles,
so `member` is never the owner.

The objects the rows point at are the `world` fixture (tests/security/conftest.py).
"""

from dataclasses import dataclass, field

from django.urls import URLResolver, get_resolver

from forum.models import ForumIndexPage

ROLES = ("anon", "member", "expert", "editor", "focal", "focal_ke", "mod", "staff")

# Shorthands for common rows.
EVERYONE = "200 200 200 200 200 200 200 200"
MEMBERS = "L 200 200 200 200 200 200 200"
MEMBERS_POST = "L R R R R R R R"
POST_ONLY = "405 405 405 405 405 405 405 405"
NOT_FOUND = "404 404 404 404 404 404 404 404"


@dataclass
class Check:
    method: str
    url: object  # callable(world) -> str
    expect: str
    data: dict = field(default_factory=dict)
    note: str = ""


def get(url, expect, note=""):
    return Check("GET", url, expect, note=note)


def post(url, expect, data=None, note=""):
    return Check("POST", url, expect, data or {}, note)


# --- The matrix ------------------------------------------------------------
# Keyed by URL name ("namespace:name"), by route for unnamed patterns, and by
# "forum-index:<route name>" for the forum's routable page.

MATRIX: dict[str, list[Check]] = {
    "healthz": [get(lambda w: "/healthz", EVERYONE)],
    "favicon": [get(lambda w: "/favicon.ico", EVERYONE)],
    "web_app_manifest": [get(lambda w: "/manifest.webmanifest", EVERYONE)],
    # The service worker and the offline page (home/offline.py): no member data.
    "service_worker": [get(lambda w: "/sw.js", EVERYONE)],
    "offline": [get(lambda w: "/offline/", EVERYONE)],
    "robots_txt": [get(lambda w: "/robots.txt", EVERYONE)],
    "sitemap": [get(lambda w: "/sitemap.xml", EVERYONE)],
    # Public media folders through the application (core/media_files.py):
    # off on the local disk outside `make run` (nginx serves them), and
    # never anything but the public folders (tests/storage covers a bucket).
    "public_media": [
        get(lambda w: "/media/images/missing.png", NOT_FOUND),
        get(lambda w: "/media/documents/anything.pdf", NOT_FOUND),
    ],
    "wagtaildocs_serve": [
        get(lambda w: w.document.url, EVERYONE),
    ],
    "wagtaildocs_authenticate_with_password": [
        get(lambda w: "/documents/authenticate_with_password/999/", NOT_FOUND)
    ],
    "set_language": [
        post(lambda w: "/i18n/setlang/", "R R R R R R R R", {"language": "en"}),
        get(lambda w: "/i18n/setlang/", "R R R R R R R R"),
    ],
    # Feeds: public, whatever the role.
    **{
        f"blog:{name}": [get(url, EVERYONE)]
        for name, url in {
            "news_rss": lambda w: "/feeds/news.rss",
            "news_atom": lambda w: "/feeds/news.atom",
            "region_rss": lambda w: "/feeds/regions/africa.rss",
            "region_atom": lambda w: "/feeds/regions/africa.atom",
            "country_rss": lambda w: "/feeds/countries/BJ.rss",
            "country_atom": lambda w: "/feeds/countries/BJ.atom",
            "tag_rss": lambda w: "/feeds/tags/forest.rss",
            "tag_atom": lambda w: "/feeds/tags/forest.atom",
        }.items()
    },
    **{
        f"toolkit_feeds:{name}": [get(url, EVERYONE)]
        for name, url in {
            "toolkits_rss": lambda w: "/feeds/toolkits.rss",
            "toolkits_atom": lambda w: "/feeds/toolkits.atom",
            "tag_rss": lambda w: "/feeds/toolkits/tags/forest.rss",
            "tag_atom": lambda w: "/feeds/toolkits/tags/forest.atom",
            "library_rss": lambda w: "/feeds/toolkits/toolkits.rss",
            "library_atom": lambda w: "/feeds/toolkits/toolkits.atom",
        }.items()
    },
    **{
        f"forum_feeds:{name}": [get(url, EVERYONE)]
        for name, url in {
            "latest_rss": lambda w: "/feeds/forums.rss",
            "latest_atom": lambda w: "/feeds/forums.atom",
            "forum_rss": lambda w: "/feeds/forums/forest.rss",
            "forum_atom": lambda w: "/feeds/forums/forest.atom",
            "topic_rss": lambda w: f"/feeds/forums/topics/{w.topic.pk}.rss",
            "topic_atom": lambda w: f"/feeds/forums/topics/{w.topic.pk}.atom",
            "tag_rss": lambda w: "/feeds/forums/tags/forest.rss",
            "tag_atom": lambda w: "/feeds/forums/tags/forest.atom",
        }.items()
    },
    # A members-only forum has no public feed, whoever asks (feeds carry no session).
    "forum_feeds:forum_rss_members": [
        get(lambda w: "/feeds/forums/lounge.rss", NOT_FOUND)
    ],
    **{
        f"cooperation_feeds:{kind}{suffix}_{fmt}": [
            get(
                lambda w, kind=kind, suffix=suffix, fmt=fmt: (
                    f"/feeds/cooperation/{kind.replace('_', '-')}"
                    + {
                        "": "",
                        "_subject": "/subjects/forest",
                        "_region": "/regions/africa",
                    }[suffix]
                    + f".{fmt}"
                ),
                EVERYONE,
            )
        ]
        for kind in ("requests", "offers")
        for suffix in ("", "_subject", "_region")
        for fmt in ("rss", "atom")
    },
    "cooperation_feeds:case_studies_rss": [
        get(lambda w: "/feeds/cooperation/case-studies.rss", EVERYONE)
    ],
    "cooperation_feeds:case_studies_atom": [
        get(lambda w: "/feeds/cooperation/case-studies.atom", EVERYONE)
    ],
    # The read API: anonymous by design (cookies are dropped), GET only.
    "interop:openapi": [get(lambda w: "/api/openapi.json", EVERYONE)],
    "interop:forum_list": [
        get(lambda w: "/api/v2/forums/", EVERYONE),
        post(lambda w: "/api/v2/forums/", POST_ONLY),
    ],
    "interop:forum_detail": [
        get(lambda w: "/api/v2/forums/forest/", EVERYONE),
        get(lambda w: "/api/v2/forums/lounge/", NOT_FOUND),
    ],
    "interop:topic_list": [get(lambda w: "/api/v2/topics/", EVERYONE)],
    "interop:topic_detail": [
        get(lambda w: f"/api/v2/topics/{w.topic.pk}/", EVERYONE),
        get(lambda w: f"/api/v2/topics/{w.content.members_topic.pk}/", NOT_FOUND),
    ],
    "interop:post_list": [get(lambda w: "/api/v2/posts/", EVERYONE)],
    "interop:post_detail": [
        get(lambda w: f"/api/v2/posts/{w.post.pk}/", EVERYONE),
        get(lambda w: f"/api/v2/posts/{w.content.hidden_post.pk}/", NOT_FOUND),
    ],
    "interop:record_list": [get(lambda w: "/api/v2/records/news/", EVERYONE)],
    "interop:record_detail": [
        get(lambda w: f"/api/v2/records/news/{w.news.translation_key}/", EVERYONE),
        get(
            lambda w: f"/api/v2/records/news/{w.content.draft.translation_key}/",
            NOT_FOUND,
        ),
    ],
    "interop:cooperation_request_list": [
        get(lambda w: "/api/v2/cooperation/requests/", EVERYONE),
        post(lambda w: "/api/v2/cooperation/requests/", POST_ONLY),
    ],
    "interop:cooperation_request_detail": [
        get(lambda w: f"/api/v2/cooperation/requests/{w.coop.pk}/", EVERYONE),
        get(lambda w: "/api/v2/cooperation/requests/999999/", NOT_FOUND),
    ],
    "interop:cooperation_offer_list": [
        get(lambda w: "/api/v2/cooperation/offers/", EVERYONE)
    ],
    "interop:cooperation_offer_detail": [
        get(lambda w: f"/api/v2/cooperation/offers/{w.offer.pk}/", EVERYONE),
        get(lambda w: "/api/v2/cooperation/offers/999999/", NOT_FOUND),
    ],
    "interop:widget_embed": [
        get(lambda w: "/widgets/embed/news/?country=BJ&lang=en&limit=2", EVERYONE)
    ],
    "wagtailapi:pages:listing": [get(lambda w: "/api/v2/pages/", EVERYONE)],
    "wagtailapi:pages:detail": [
        get(lambda w: f"/api/v2/pages/{w.news.pk}/", EVERYONE),
        get(lambda w: f"/api/v2/pages/{w.content.secret.pk}/", NOT_FOUND),
    ],
    "wagtailapi:pages:find": [
        get(lambda w: f"/api/v2/pages/find/?html_path={w.news.url}", "R R R R R R R R")
    ],
    "wagtailapi:documents:listing": [get(lambda w: "/api/v2/documents/", EVERYONE)],
    "wagtailapi:documents:detail": [
        get(lambda w: f"/api/v2/documents/{w.document.pk}/", EVERYONE)
    ],
    "wagtailapi:documents:find": [
        get(lambda w: f"/api/v2/documents/find/?id={w.document.pk}", "R R R R R R R R")
    ],
    "wagtailapi:images:listing": [get(lambda w: "/api/v2/images/", EVERYONE)],
    "wagtailapi:images:detail": [get(lambda w: "/api/v2/images/999/", NOT_FOUND)],
    "wagtailapi:images:find": [get(lambda w: "/api/v2/images/find/?id=999", NOT_FOUND)],
    # Members.
    "community:profile": [get(lambda w: f"/members/{w.owner.username}/", EVERYONE)],
    "community:edit_profile": [
        get(
            lambda w: f"/members/{w.owner.username}/edit/",
            # The owner only; the Secretariat edits accounts in the admin.
            "L 403 403 403 403 403 403 403",
        )
    ],
    "community:verify_expert": [
        get(lambda w: f"/members/{w.owner.username}/verify/", POST_ONLY),
        post(
            lambda w: f"/members/{w.owner.username}/verify/",
            "L 403 403 403 403 403 R R",
            {"verified": "1"},
        ),
    ],
    "network:dashboard": [get(lambda w: "/network/", EVERYONE)],
    "network:csv": [get(lambda w: "/network/network.csv", EVERYONE)],
    "network:json": [get(lambda w: "/network/network.json", EVERYONE)],
    "directory:list": [get(lambda w: "/experts/", EVERYONE)],
    # Private messages.
    "messaging:inbox": [get(lambda w: "/messages/", MEMBERS)],
    "messaging:conversation": [
        get(lambda w: f"/messages/with/{w.owner.username}/", MEMBERS),
        # Someone else's conversation cannot be read through it.
        get(lambda w: "/messages/with/nobody-here/", "L 404 404 404 404 404 404 404"),
    ],
    "messaging:block": [
        # GET asks "Block X?" (the confirmation page without JavaScript).
        get(lambda w: f"/messages/with/{w.owner.username}/block/", MEMBERS),
        post(lambda w: f"/messages/with/{w.owner.username}/block/", MEMBERS_POST),
    ],
    "messaging:unblock": [
        get(lambda w: f"/messages/with/{w.owner.username}/unblock/", MEMBERS),
        post(lambda w: f"/messages/with/{w.owner.username}/unblock/", MEMBERS_POST),
    ],
    "search:search": [get(lambda w: "/search/?q=forest", EVERYONE)],
    "search:suggest": [get(lambda w: "/search/suggest/?q=for", EVERYONE)],
    "tagging:tag": [get(lambda w: "/tags/forest/", EVERYONE)],
    # Notifications: one's own only.
    "notifications:list": [get(lambda w: "/notifications/", MEMBERS)],
    "notifications:open": [
        get(
            lambda w: f"/notifications/{w.notification.pk}/open/",
            "L 405 405 405 405 405 405 405",
        ),
        # Someone else's notification does not exist for you.
        post(
            lambda w: f"/notifications/{w.notification.pk}/open/",
            "L 404 404 404 404 404 404 404",
        ),
    ],
    "notifications:read": [
        get(
            lambda w: f"/notifications/{w.notification.pk}/read/",
            "L 405 405 405 405 405 405 405",
        ),
        # Someone else's notification does not exist for you.
        post(
            lambda w: f"/notifications/{w.notification.pk}/read/",
            "L 404 404 404 404 404 404 404",
        ),
    ],
    "notifications:read_all": [
        post(lambda w: "/notifications/read-all/", MEMBERS_POST),
    ],
    "notifications:following": [get(lambda w: "/notifications/following/", MEMBERS)],
    "notifications:follow": [
        post(lambda w: f"/notifications/follow/forum/{w.forum.pk}/", MEMBERS_POST),
        post(
            lambda w: "/notifications/follow/nonsense/1/",
            "L 404 404 404 404 404 404 404",
        ),
    ],
    "notifications:settings": [get(lambda w: "/notifications/settings/", MEMBERS)],
    # Push devices: POST only; the test settings have no VAPID keys, so adding
    # one is 404 for everyone signed in (tests/push covers it with keys).
    "notifications:add_device": [
        get(lambda w: "/notifications/devices/", "L 405 405 405 405 405 405 405"),
        post(lambda w: "/notifications/devices/", "L 404 404 404 404 404 404 404"),
    ],
    # Someone else's device does not exist for you.
    "notifications:remove_device": [
        get(
            lambda w: f"/notifications/devices/{w.device.pk}/remove/",
            "L 405 405 405 405 405 405 405",
        ),
        post(
            lambda w: f"/notifications/devices/{w.device.pk}/remove/",
            "L 404 404 404 404 404 404 404",
        ),
    ],
    "notifications:unsubscribe": [
        get(lambda w: f"/notifications/unsubscribe/{w.token}/", EVERYONE),
        get(
            lambda w: "/notifications/unsubscribe/forged/",
            "400 400 400 400 400 400 400 400",
        ),
    ],
    # National targets: Benin's, written by `owner` (a national editor of
    # Benin); a draft is seen by Benin's editors and focal points alone.
    "targets:country": [get(lambda w: "/targets/bj/", EVERYONE)],
    "targets:create": [
        get(lambda w: "/targets/bj/new/", "L 403 403 200 200 403 403 200")
    ],
    "targets:national_target": [
        get(lambda w: f"/targets/bj/{w.target.pk}/", EVERYONE),
        get(
            lambda w: f"/targets/bj/{w.draft_target.pk}/",
            "404 404 404 200 200 404 404 200",
        ),
        get(lambda w: f"/targets/ke/{w.target.pk}/", NOT_FOUND),
    ],
    "targets:edit": [
        get(
            lambda w: f"/targets/bj/{w.target.pk}/edit/",
            "L 403 403 200 200 403 403 200",
        ),
        get(
            lambda w: f"/targets/bj/{w.draft_target.pk}/edit/",
            "L 404 404 200 200 404 404 200",
        ),
    ],
    "targets:indicator_add": [
        get(
            lambda w: f"/targets/bj/{w.target.pk}/indicators/new/",
            "L 403 403 200 200 403 403 200",
        )
    ],
    "targets:progress": [
        get(
            lambda w: f"/targets/bj/{w.target.pk}/progress/",
            "L 403 403 200 200 403 403 200",
        )
    ],
    "targets:document_add": [
        get(
            lambda w: f"/targets/bj/{w.target.pk}/documents/new/",
            "L 403 403 200 200 403 403 200",
        ),
        get(
            lambda w: f"/targets/bj/{w.draft_target.pk}/documents/new/",
            "L 404 404 200 200 404 404 200",
        ),
    ],
    "targets:document": [
        get(lambda w: w.target_document.get_absolute_url(), EVERYONE),
        get(
            lambda w: w.draft_document.get_absolute_url(),
            "404 404 404 200 200 404 404 200",
        ),
        get(
            lambda w: w.target_document.get_absolute_url() + "x",
            NOT_FOUND,
        ),
    ],
    "targets:publication": [
        post(
            lambda w: f"/targets/bj/{w.target.pk}/publication/",
            "L 403 403 400 400 403 403 400",
            {"action": "no-such-action"},
        ),
        post(
            lambda w: f"/targets/bj/{w.draft_target.pk}/publication/",
            "L 404 404 403 R 403 403 R",
            {"action": "publish"},
        ),
    ],
    "targets:country_csv": [
        get(lambda w: "/targets/bj/national-targets.csv", EVERYONE)
    ],
    "targets:country_json": [
        get(lambda w: "/targets/bj/national-targets.json", EVERYONE)
    ],
    "targets:gbf": [get(lambda w: "/gbf/", EVERYONE)],
    "targets:network_targets": [
        get(lambda w: "/gbf/national-targets/", EVERYONE),
        get(
            lambda w: "/gbf/national-targets/?target=99",
            "400 400 400 400 400 400 400 400",
        ),
    ],
    "targets:network_csv": [get(lambda w: "/gbf/national-targets.csv", EVERYONE)],
    "targets:network_json": [get(lambda w: "/gbf/national-targets.json", EVERYONE)],
    "targets:global_target": [
        get(lambda w: "/gbf/targets/3/", EVERYONE),
        get(lambda w: "/gbf/targets/99/", NOT_FOUND),
    ],
    **{
        f"targets_feeds:{name}_{fmt}": [
            get(lambda w, u=url, f=fmt: f"{u}.{f}", EVERYONE)
        ]
        for name, url in {
            "progress": "/feeds/targets/progress",
            "country_progress": "/feeds/targets/bj/progress",
            "global_target_progress": "/feeds/gbf/targets/3/progress",
        }.items()
        for fmt in ("rss", "atom")
    },
    "interop:target_list": [
        get(lambda w: "/api/v2/targets/", EVERYONE),
        post(lambda w: "/api/v2/targets/", POST_ONLY),
    ],
    "interop:target_detail": [
        get(lambda w: f"/api/v2/targets/{w.target.pk}/", EVERYONE),
        get(lambda w: f"/api/v2/targets/{w.draft_target.pk}/", NOT_FOUND),
    ],
    # Cooperation: requests belong to `owner` in Benin.
    "cooperation:requests": [get(lambda w: "/cooperation/", EVERYONE)],
    # Only focal points and national editors ask for help on behalf of a country.
    "cooperation:request_create": [
        get(lambda w: "/cooperation/requests/new/", "L 403 403 200 200 200 403 200")
    ],
    "cooperation:request": [
        get(lambda w: f"/cooperation/requests/{w.coop.pk}/", EVERYONE)
    ],
    "cooperation:request_edit": [
        get(
            lambda w: f"/cooperation/requests/{w.coop.pk}/edit/",
            "L 403 403 200 200 403 403 200",
        )
    ],
    "cooperation:request_status": [
        post(
            lambda w: f"/cooperation/requests/{w.coop.pk}/status/",
            "L 403 403 400 400 403 403 400",
            {"status": "no-such-status"},
        )
    ],
    "cooperation:request_interest": [
        get(
            lambda w: f"/cooperation/requests/{w.coop.pk}/interest/",
            "L 405 405 405 405 405 405 405",
        ),
    ],
    "cooperation:request_select": [
        post(
            lambda w: f"/cooperation/requests/{w.coop.pk}/select/",
            "L 403 403 400 400 403 403 400",
            {"interest": "0"},
        )
    ],
    "cooperation:request_close": [
        get(
            lambda w: f"/cooperation/requests/{w.coop.pk}/close/",
            "L 403 403 200 200 403 403 200",
        )
    ],
    "cooperation:case_studies": [get(lambda w: "/cooperation/case-studies/", EVERYONE)],
    "cooperation:offers": [get(lambda w: "/cooperation/offers/", EVERYONE)],
    "cooperation:offer_create": [get(lambda w: "/cooperation/offers/new/", MEMBERS)],
    "cooperation:offer": [
        get(lambda w: f"/cooperation/offers/{w.offer.pk}/", EVERYONE)
    ],
    "cooperation:offer_edit": [
        get(
            lambda w: f"/cooperation/offers/{w.offer.pk}/edit/",
            "L 403 403 403 403 403 403 200",
        )
    ],
    "cooperation:offer_availability": [
        post(
            lambda w: f"/cooperation/offers/{w.offer.pk}/availability/",
            "L 403 403 403 403 403 403 R",
            {"available": "1"},
        )
    ],
    "harvest_country": [
        get(lambda w: "/harvest/BJ/", POST_ONLY),
        post(lambda w: "/harvest/BJ/", "L 403 403 403 R 403 403 R"),
    ],
    # Calendars' feeds: public; a draft event's file is not found.
    **{
        f"events_feeds:{scope}_{fmt}": [
            get(lambda w, path=f"{path}.{fmt}": path, EVERYONE)
        ]
        for scope, path in (
            ("network", "/feeds/events"),
            ("country", "/feeds/events/countries/BJ"),
            ("region", "/feeds/events/regions/africa"),
            ("tag", "/feeds/events/tags/forest"),
        )
        for fmt in ("rss", "atom", "ics")
    },
    "events_feeds:event_ics": [
        get(lambda w: f"/feeds/events/{w.event.pk}.ics", EVERYONE),
        get(lambda w: f"/feeds/events/{w.draft_event.pk}.ics", NOT_FOUND),
    ],
    # The guided start of a national website: a country's focal points, at
    # capacity level 2 or below; Benin is above it here, so no one may
    # (tests/national/test_start.py has the focal point of a level-2 country).
    "national:start": [
        get(lambda w: "/national/bj/start/", "L 403 403 403 403 403 403 403"),
    ],
    # A custom accent's stylesheet: public; below AA contrast, not found.
    "national_accent_css": [
        get(lambda w: "/national/accent/1f5e3b.css", EVERYONE),
        get(lambda w: "/national/accent/ffff00.css", NOT_FOUND),
    ],
    # National sites: the sign-in hand-off (on the network's host, signing in
    # leads to the sign-in page; the hand-off wants a national address) and
    # the domain a country's focal point asks for.
    "national:sign_in": [get(lambda w: "/national/sign-in/", "L L L L L L L L")],
    "national:handoff": [
        get(lambda w: "/national/sign-in/hand-off/", " ".join(["400"] * 8)),
        get(
            lambda w: "/national/sign-in/hand-off/?next=https://evil.example/",
            " ".join(["400"] * 8),
        ),
    ],
    "national:complete": [
        get(lambda w: "/national/sign-in/complete/?token=x", " ".join(["403"] * 8))
    ],
    "national:claim_domain": [
        get(lambda w: "/national/bj/domain/", "L 403 403 403 200 403 403 403"),
        post(
            lambda w: "/national/bj/domain/",
            "L 403 403 403 R 403 403 403",
            {"hostname": "chm.gouv.bj"},
        ),
    ],
    "interop_pages:api_docs": [get(lambda w: "/api/docs/", EVERYONE)],
    "interop_pages:widget_builder": [get(lambda w: "/widgets/", EVERYONE)],
    "toolkits:propose": [get(lambda w: "/toolkits/propose/", MEMBERS)],
    "toolkits:download": [
        get(lambda w: w.download_url, EVERYONE),
        get(lambda w: "/downloads/999999/x.pdf", NOT_FOUND),
    ],
    "javascript-catalog": [get(lambda w: "/jsi18n/", EVERYONE)],
    # Wagtail's pages and their front-end helpers.
    "wagtail_serve": [
        get(lambda w: "/", EVERYONE),
        get(lambda w: w.news.url, EVERYONE),
        get(lambda w: "/fr" + w.news.url, EVERYONE),
        get(lambda w: w.content.secret.url, "L 200 200 200 200 200 200 200"),
        get(lambda w: w.content.draft.url, NOT_FOUND),
        get(lambda w: "/no-such-page/", NOT_FOUND),
    ],
    "wagtailcore_authenticate_with_password": [
        get(lambda w: "/_util/authenticate_with_password/999/1/", NOT_FOUND)
    ],
    # Password-only sign-in forms lead to allauth's (community/staff_mfa.py).
    "wagtailcore_login": [get(lambda w: "/_util/login/", "L L L L L L L L")],
    # The forum (a routable page at /forums/).
    "forum-index:forum_list": [get(lambda w: "/forums/", EVERYONE)],
    "forum-index:moderation_queue": [
        get(lambda w: "/forums/moderation/", "L 403 403 403 403 403 200 200")
    ],
    "forum-index:resolve_flag": [
        post(
            lambda w: "/forums/moderation/flags/999999/",
            "L 403 403 403 403 403 404 404",
        )
    ],
    "forum-index:review_held_post": [
        post(
            lambda w: f"/forums/moderation/held/{w.post.pk}/",
            "L 403 403 403 403 403 404 404",
        )
    ],
    "forum-index:discuss_page": [
        get(lambda w: f"/forums/discuss/{w.news.pk}/", "L 405 405 405 405 405 405 405"),
        post(lambda w: f"/forums/discuss/{w.news.pk}/", MEMBERS_POST),
    ],
    "forum-index:post_action": [
        post(lambda w: f"/forums/post/{w.post.pk}/like/", "L R R R R R R R"),
        get(
            lambda w: f"/forums/post/{w.post.pk}/edit/", "L 403 403 403 403 403 200 200"
        ),
        post(lambda w: f"/forums/post/{w.post.pk}/hide/", "L 403 403 403 403 403 R R"),
        # Once hidden, the post is gone for all but moderators.
        post(
            lambda w: f"/forums/post/{w.post.pk}/restore/",
            "404 404 404 404 404 404 R R",
        ),
        # Private and unknown answer alike (issue #19): 404, no sign-in hint.
        get(
            lambda w: f"/forums/post/{w.members_post.pk}/history/",
            "404 200 200 200 200 200 200 200",
        ),
    ],
    "forum-index:topic_action": [
        post(
            lambda w: f"/forums/t/{w.topic.pk}/follow/",
            MEMBERS_POST,
            {"level": "watching"},
        ),
        post(lambda w: f"/forums/t/{w.topic.pk}/read/", MEMBERS_POST),
        get(lambda w: f"/forums/t/{w.topic.pk}/read/", "L 405 405 405 405 405 405 405"),
        post(lambda w: f"/forums/t/{w.topic.pk}/pin/", "L 403 403 403 403 403 R R"),
        post(lambda w: f"/forums/t/{w.topic.pk}/unpin/", "L 403 403 403 403 403 R R"),
        post(lambda w: f"/forums/t/{w.topic.pk}/nonsense/", NOT_FOUND),
    ],
    "forum-index:topic_list": [
        get(lambda w: "/forums/forest/", EVERYONE),
        get(lambda w: "/forums/lounge/", "404 200 200 200 200 200 200 200"),
        get(lambda w: "/forums/focal/", "404 404 404 404 200 200 200 200"),
    ],
    "forum-index:new_topic": [
        get(lambda w: "/forums/forest/new/", MEMBERS),
        get(lambda w: "/forums/focal/new/", "404 404 404 404 200 200 200 200"),
    ],
    "forum-index:follow_forum": [
        get(lambda w: "/forums/forest/follow/", "L 405 405 405 405 405 405 405"),
        post(lambda w: "/forums/forest/follow/", MEMBERS_POST),
    ],
    "forum-index:topic": [
        get(lambda w: w.topic_url, EVERYONE),
        get(lambda w: w.members_topic_url, "404 200 200 200 200 200 200 200"),
        get(lambda w: w.hidden_topic_url, "404 404 404 404 404 404 200 200"),
    ],
    "forum-index:reply": [
        get(lambda w: w.topic_url + "reply/", MEMBERS),
    ],
    # The composer's endpoints, fetched by script: 403 rather than a redirect.
    "forum-index:preview": [
        get(lambda w: "/forums/preview/", "403 405 405 405 405 405 405 405"),
        post(
            lambda w: "/forums/preview/",
            "403 200 200 200 200 200 200 200",
            {"body": "**Seeds**"},
        ),
    ],
    "forum-index:mention_suggestions": [
        get(lambda w: "/forums/mentions/?q=ow", "403 200 200 200 200 200 200 200"),
    ],
    # Accounts (allauth): representative rows; the rest are exempt below.
    "account_login": [get(lambda w: "/accounts/login/", "200 R R R R R R R")],
    "account_signup": [get(lambda w: "/accounts/signup/", "200 R R R R R R R")],
    "account_logout": [post(lambda w: "/accounts/logout/", "R R R R R R R R")],
    "account_email": [get(lambda w: "/accounts/email/", MEMBERS)],
    "account_change_password": [get(lambda w: "/accounts/password/change/", MEMBERS)],
    "account_reset_password": [get(lambda w: "/accounts/password/reset/", EVERYONE)],
    "mfa_index": [get(lambda w: "/accounts/2fa/", MEMBERS)],
    "mfa_activate_totp": [
        get(lambda w: "/accounts/2fa/totp/activate/", "L R R R R R R R")
    ],
    # The administration: representative rows. Focal points and national
    # editors work in the Wagtail admin on their country; members do not.
    "wagtailadmin_home": [
        get(lambda w: "/admin/", "L L L 200 200 200 200 200"),
        get(lambda w: f"/admin/pages/{w.benin.pk}/", "L L L 200 200 R R 200"),
        get(lambda w: f"/admin/pages/{w.benin.pk}/edit/", "L L L 200 200 R R 200"),
        get(lambda w: "/admin/users/", "L L L R R R R 200"),
    ],
    "django-admin": [
        get(lambda w: "/django-admin/", "R R R R R R R 200"),
    ],
}

# Checks not tied to one name: a row may hold extra checks under another key
# (e.g. a members-only forum feed); they run like the others.
EXTRA_KEYS = {"forum_feeds:forum_rss_members", "django-admin"}

# URL prefixes left to their own package's tests, with the reason.
EXEMPT_PREFIXES = {
    "admin/": "Wagtail's admin: every pattern is swept by role in "
    "tests/security/test_admin_authorisation.py (generated from the URL "
    "configuration like this matrix); representative rows under "
    "wagtailadmin_home.",
    "django-admin/": "Django's admin: staff only; every pattern is swept by "
    "role in tests/security/test_admin_authorisation.py; a representative row "
    "under django-admin.",
    "accounts/": "allauth's account views: sign-in flow steps that need a "
    "pending login, a key from an email or a reauthentication; the entry points "
    "have rows (login, signup, logout, email, password, 2fa).",
}
# Named accounts/ routes that must still have a row.
REQUIRED_EVEN_IF_EXEMPT = {
    "account_login",
    "account_signup",
    "account_logout",
    "account_email",
    "account_change_password",
    "account_reset_password",
    "mfa_index",
    "mfa_activate_totp",
    "wagtailadmin_home",
}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        else:
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name


def every_route() -> list[tuple[str, str]]:
    """(route, matrix key) for every URL pattern, the forum's routes included."""
    routes = [
        (route, name or route) for route, name in walk(get_resolver().url_patterns)
    ]
    for route, name in walk(ForumIndexPage().get_subpage_urls()):
        routes.append((f"<forum index>/{route}", f"forum-index:{name}"))
    return routes


def is_exempt(route: str) -> bool:
    return route.startswith(tuple(EXEMPT_PREFIXES))


def urls_without_a_row(matrix: dict) -> list[str]:
    return sorted(
        {
            f"{key!r} ({route})"
            for route, key in every_route()
            if key not in matrix and not is_exempt(route)
        }
    )


def outcome(response) -> str:
    if response.status_code == 302:
        location = response["Location"]
        return "L" if location.startswith("/accounts/login/") else "R"
    return str(response.status_code)
