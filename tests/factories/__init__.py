"""The test suite's builders: factory_boy factories (wagtail-factories for
pages) and the functions the tests call to set up a scene. Tests import them
from here (`from ..factories import make_topic`); fixtures that share them
live in tests/conftest.py.

- users: UserFactory, established, provider, enrol_in_two_factor, PASSWORD,
  login (a test client signed in)
- pages: the network of regions and countries (build_network), the Wagtail
  base of a flushed database, translate_page
- forum: forums, and the one way to write topics and posts (make_topic,
  add_post); the real actions are forum.posting's
- blog: news posts; toolkits: toolkits with files and links, and members'
  proposals through the form; files: upload contents; cooperation: subjects,
  requests and offers through the app's actions, and the request form's data;
  notifications: notifications of a member; events: calendars and events;
  content: a bit of everything, for
  the API and permission tests; targets: the GBF and national targets
"""

from .blog import BlogPostPageFactory, make_post, news
from .content import make_content
from .cooperation import (
    SubjectFactory,
    TagFactory,
    cooperation,
    cooperation_subjects,
    later,
    make_offer,
    make_request,
    make_subject,
    request_draft,
    request_form,
    subject_tags,
)
from .database import restore_database
from .events import (
    EventPageFactory,
    EventsIndexPageFactory,
    calendar_of,
    make_event,
)
from .files import (
    ALLOWED_FILES,
    GIF,
    HTML,
    JPEG,
    OLE2,
    PDF,
    PNG,
    REFUSED_FILES,
    SVG,
    WEBP,
    odf,
    ooxml,
    zip_bytes,
)
from .forum import (
    ForumFactory,
    ForumIndexPageFactory,
    PostFactory,
    TopicFactory,
    add_post,
    make_forest_forum,
    make_forums,
    make_topic,
    topic_url,
)
from .national import (
    BiodiversityProfilePageFactory,
    DocumentsPageFactory,
    GalleryPageFactory,
    NationalPageFactory,
    SourcesPageFactory,
    make_national_site,
)
from .notifications import make_notifications
from .pages import (
    CountryPageFactory,
    HomePageFactory,
    PageFactory,
    RegionPageFactory,
    add_north,
    build_network,
    ensure_wagtail_base,
    translate_page,
)
from .targets import (
    load_gbf,
    make_indicator,
    make_target,
    target_data,
    target_form,
)
from .toolkits import (
    PROPOSE_URL,
    ToolkitLibraryPageFactory,
    ToolkitPageFactory,
    approve_url,
    make_toolkit,
    proposal_form,
    propose,
    toolkit_file,
    toolkit_link,
)
from .users import (
    PASSWORD,
    UserFactory,
    enrol_in_two_factor,
    established,
    login,
    provider,
)

__all__ = [
    "load_gbf",
    "make_indicator",
    "make_target",
    "target_data",
    "target_form",
    "ALLOWED_FILES",
    "GIF",
    "HTML",
    "JPEG",
    "OLE2",
    "PASSWORD",
    "PDF",
    "PNG",
    "PROPOSE_URL",
    "REFUSED_FILES",
    "SVG",
    "WEBP",
    "BiodiversityProfilePageFactory",
    "BlogPostPageFactory",
    "EventPageFactory",
    "EventsIndexPageFactory",
    "DocumentsPageFactory",
    "GalleryPageFactory",
    "NationalPageFactory",
    "SourcesPageFactory",
    "make_national_site",
    "CountryPageFactory",
    "ForumFactory",
    "ForumIndexPageFactory",
    "HomePageFactory",
    "PageFactory",
    "PostFactory",
    "RegionPageFactory",
    "SubjectFactory",
    "TagFactory",
    "ToolkitLibraryPageFactory",
    "ToolkitPageFactory",
    "TopicFactory",
    "UserFactory",
    "add_north",
    "add_post",
    "approve_url",
    "build_network",
    "calendar_of",
    "cooperation",
    "cooperation_subjects",
    "enrol_in_two_factor",
    "ensure_wagtail_base",
    "established",
    "later",
    "login",
    "make_content",
    "make_event",
    "make_forest_forum",
    "make_forums",
    "make_notifications",
    "make_offer",
    "make_post",
    "make_request",
    "make_subject",
    "make_toolkit",
    "make_topic",
    "news",
    "odf",
    "ooxml",
    "proposal_form",
    "propose",
    "provider",
    "request_draft",
    "request_form",
    "restore_database",
    "subject_tags",
    "toolkit_file",
    "toolkit_link",
    "topic_url",
    "translate_page",
    "zip_bytes",
]
