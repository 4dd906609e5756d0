import copy
import os
import shutil
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from community.national_spaces import (
    assign_focal_point,
    assign_national_editor,
    make_moderator,
)
from core.versioned import forget_all

from .factories import (
    UserFactory,
    build_network,
    enrol_in_two_factor,
    ensure_wagtail_base,
    established,
    make_content,
    make_forums,
    subject_tags,
)
from .factories.database import (
    close_outdated_connections,
    create_database,
    drop_database,
    migrated_source,
    restore_database,
    use_database,
)
from .factories.toolkits import ToolkitLibraryPageFactory

# pytest-xdist on PostgreSQL: the controller migrates one test database and
# clones it (CREATE DATABASE ... TEMPLATE) for each worker, which then only
# checks that its clone is migrated (keepdb), instead of every worker running
# every migration. The controller drops them all at the end.
CLONED = "CHM_TEST_DATABASES_CLONED"


def _clones_wanted(config) -> int:
    workers = getattr(config.option, "numprocesses", None)
    if hasattr(config, "workerinput") or not isinstance(workers, int) or workers < 1:
        return 0
    if config.getvalue("reuse_db") or config.getvalue("nomigrations"):
        return 0
    from django.db import connection

    return workers if connection.vendor == "postgresql" else 0


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    config = session.config
    workers = _clones_wanted(config)
    if not workers:
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        original = connection.settings_dict["NAME"]
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        for number in range(workers):
            connection.creation.clone_test_db(suffix=f"gw{number}", verbosity=0)
        config._chm_databases = (
            original,
            [connection.settings_dict["NAME"]]
            + [f"{connection.settings_dict['NAME']}_gw{n}" for n in range(workers)],
        )
        connection.close()
    os.environ[CLONED] = "1"


def pytest_unconfigure(config):
    databases = getattr(config, "_chm_databases", None)
    if not databases:
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    original, names = databases
    connection.close()
    connection.settings_dict["NAME"] = original
    with config.stash[blocking_manager_key].unblock():
        with connection._nodb_cursor() as cursor:
            for name in names:
                quoted = connection.ops.quote_name(name)
                cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """`--dist loadgroup` keeps a test marked xdist_group("name") with the
    others of its group because each worker adds "@name" to its node id;
    pytest-xdist 3.8 writes that to `item._nodeid`, which pytest 9.2 no longer
    reads (the id lives in `item._id`), so the groups were handed out one test
    at a time. Add the suffix where pytest reads it, as xdist would."""
    if not getattr(config.option, "loadgroup", False):
        return
    # A module sharing one world (`shared_world`) builds it once per worker
    # that runs its tests: kept on one worker, it is built once. (Its tests
    # then come as one unit, handed out before the single tests, which
    # still even out the workers' ends.) `spread=True` leaves a module's
    # tests free to go to every worker, for modules checked in parts.
    for item in items:
        world = item.get_closest_marker("shared_world")
        if (
            world
            and not world.kwargs.get("spread")
            and not item.get_closest_marker("xdist_group")
        ):
            item.add_marker(pytest.mark.xdist_group(f"world_{item.module.__name__}"))
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # an older pytest, where xdist's suffix works
        return
    for item in items:
        names = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    """A test's connection, about to be used, is on the database in use now
    (see close_outdated_connections)."""
    if fixturedef.argname in ("_django_db_helper", "_module_world"):
        close_outdated_connections()


@pytest.fixture(scope="session")
def django_db_keepdb(request) -> bool:
    """A worker keeps (and so reuses) the clone the controller made for it."""
    if os.environ.get(CLONED) and hasattr(request.config, "workerinput"):
        return True
    return request.config.getvalue("reuse_db")


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete(django_db_setup, django_db_blocker):
    """A transactional test (browser, websocket, live-server tests) ends with
    a flush of every table. On PostgreSQL Django flushes with one TRUNCATE of
    ~200 tables, which creates new files for each: seconds per test. The test
    tables hold a few rows, so DELETE with the foreign-key triggers off (the
    superuser's session_replication_role, inside the flush's transaction) does
    the same in a fraction of it. Sequences are left as TRUNCATE leaves them
    (Django resets them only when a test asks, and then its own way)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        superuser = cursor.fetchone()[0]
    if not superuser:
        yield
        return
    operations = type(connection.ops)
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences:
            return truncate(
                self,
                style,
                tables,
                reset_sequences=reset_sequences,
                allow_cascade=allow_cascade,
            )
        quote = self.quote_name
        return [
            "SET LOCAL session_replication_role = replica;",
            # Names from Django's own table list, quoted.
            *(f"DELETE FROM {quote(table)};" for table in tables),  # noqa: S608
        ]

    operations.sql_flush = sql_flush
    try:
        yield
    finally:
        operations.sql_flush = truncate


@pytest.fixture(autouse=True)
def _wagtail_base(request):
    """What Wagtail's migrations create (the locale, the root page and
    collection, a default site) is there at the start of every database test,
    even when a transactional test that ran before it on the same worker
    flushed the tables (pytest-xdist's groups decide that order)."""
    wants_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
    } & set(request.fixturenames)
    if wants_db:
        request.getfixturevalue("_django_db_helper")
        ensure_wagtail_base()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached fragments live in the cache, and processes keep
    answers per content version: start every test clean."""
    cache.clear()
    forget_all()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request under /ar/ leaves Arabic active in the test's thread: start
    and end every test in the default language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, tmp_path):
    """Private files (toolkit files) go to a temporary folder."""
    settings.CHM_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    """Uploaded and seeded files go to a temporary folder (conftest.py files
    of the apps that upload make it autouse)."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "shared_world(*parts): the module's tests share one network and the "
        "parts named (people, library, forums, content; content, library and "
        "forums by default), built once "
        "(see _module_world); under pytest-xdist on one worker, unless "
        "spread=True",
    )


@pytest.fixture(scope="module")
def _module_world(request, django_db_setup, django_db_blocker):
    """For a module marked `shared_world`, what `network` gives, and
    `people`, `library`, `forums` and `content` if the mark names them
    (`content` with its library and forums by default),
    built once for the module instead of once per test. The fixtures it does
    not name are built per test, as elsewhere.

    It is written inside a transaction that stays open while the module's
    tests run and is rolled back after them. Each test runs, as usual, in a
    transaction of its own, which is then a savepoint of this one: what a
    test writes is undone before the next, and the next sees the world as it
    was built. Each test gets a deep copy of the objects (as Django's
    setUpTestData does), so changes made to them in Python do not leak either.
    Only for modules without transactional tests: their flush would end the
    outer transaction."""
    marker = request.node.get_closest_marker("shared_world")
    if marker is None:
        yield None
        return
    shared = set(marker.args or ("content",))
    if "content" in shared:
        shared |= {"library", "forums"}
    world = SimpleNamespace(
        network=None, people=None, library=None, forums=None, content=None
    )
    with django_db_blocker.unblock():
        cache.clear()
        ensure_wagtail_base()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world.network = build_network()
            if "people" in shared:
                world.people = make_people(world.network)
            if "library" in shared:
                world.library = ToolkitLibraryPageFactory(parent=world.network.home)
            if "forums" in shared:
                world.forums = make_forums(world.network)
            if "content" in shared:
                world.content = make_content(
                    world.network, subject_tags(), world.library, world.forums
                )
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def _world(_module_world, db):
    """This test's copy of the module's shared world, or None."""
    return copy.deepcopy(_module_world) if _module_world is not None else None


@pytest.fixture
def network(db, _world) -> SimpleNamespace:
    """Home, two regions and three countries (factories.build_network)."""
    return _world.network if _world is not None else build_network()


def make_people(network) -> SimpleNamespace:
    """One member per role, for permission matrices."""
    focal_benin = UserFactory(username="focal.benin")
    assign_focal_point(focal_benin, network.benin)
    focal_kenya = UserFactory(username="focal.kenya")
    assign_focal_point(focal_kenya, network.kenya)
    editor_benin = UserFactory(username="editor.benin")
    assign_national_editor(editor_benin, network.benin)
    moderator = enrol_in_two_factor(UserFactory(username="moderator"))
    make_moderator(moderator)
    staff = UserFactory(username="secretariat", is_staff=True, is_superuser=True)
    return SimpleNamespace(
        member=UserFactory(username="member"),
        focal_benin=focal_benin,
        focal_kenya=focal_kenya,
        editor_benin=editor_benin,
        moderator=moderator,
        staff=staff,
    )


@pytest.fixture
def people(network, _world) -> SimpleNamespace:
    """One member per role, for permission matrices."""
    if _world is not None and _world.people is not None:
        return _world.people
    return make_people(network)


@pytest.fixture
def forums(network, _world) -> SimpleNamespace:
    """The forum index page and the public, other, members and focal forums."""
    if _world is not None and _world.forums is not None:
        return _world.forums
    return make_forums(network)


@pytest.fixture
def author(db):
    return established(username="author", display_name="Topic Author")


@pytest.fixture
def library(network, _world):
    """The toolkit library page under home."""
    if _world is not None and _world.library is not None:
        return _world.library
    return ToolkitLibraryPageFactory(parent=network.home)


@pytest.fixture
def subjects(db) -> dict:
    """Three CBD subjects' tags by slug: forest, cepa, protected-areas.
    (The cooperation and security tests use their own `subjects`.)"""
    return subject_tags()


@pytest.fixture
def content(network, library, forums, _world) -> SimpleNamespace:
    """Public and private things of every kind (factories.make_content)."""
    if _world is not None and _world.content is not None:
        return _world.content
    return make_content(network, subject_tags(), library, forums)


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    """The six site locales (the data migration makes them; flushed databases
    of transactional tests need them again)."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def _media_roots(folder) -> dict[str, str]:
    return {
        "CHM_MEDIA_ROOT": str(folder / "public"),
        "CHM_PRIVATE_MEDIA_ROOT": str(folder / "private"),
    }


def _seed_demo(roots: dict[str, str]) -> None:
    with override_settings(
        MEDIA_ROOT=roots["CHM_MEDIA_ROOT"],
        CHM_PRIVATE_MEDIA_ROOT=roots["CHM_PRIVATE_MEDIA_ROOT"],
    ):
        cache.clear()
        # A transactional test that ran before may have flushed Wagtail's
        # root page, which the demo's home hangs from.
        ensure_wagtail_base()
        call_command("seed_demo", verbosity=0, stdout=StringIO())


@pytest.fixture(scope="session")
def _demo_template(django_db_setup, django_db_blocker, tmp_path_factory):
    """PostgreSQL: the demo network (seed_demo) in a template database of
    this test process, seeded once, and the folder of its media files."""
    media = tmp_path_factory.mktemp("demo-template-media")
    roots = _media_roots(media)
    with django_db_blocker.unblock():
        template = f"{connection.settings_dict['NAME']}_demo"
        create_database(template, migrated_source())
        previous = use_database(template)
        try:
            _seed_demo(roots)
        finally:
            use_database(previous)
    try:
        yield template, media
    finally:
        with django_db_blocker.unblock():
            drop_database(template)


@pytest.fixture(scope="module")
def demo_network(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo network (seed_demo) in the default database while the
    module's tests run; yields the media roots of its files (CHM_MEDIA_ROOT
    and CHM_PRIVATE_MEDIA_ROOT, the environment a live server takes).

    On PostgreSQL the module gets a copy of the process's demo template
    (`_demo_template`) to itself: its tests' connection and the live servers
    it starts (tests/live.py) read the copy, which is dropped afterwards, so
    the test database is never touched. Elsewhere (SQLite) the demo network
    is seeded into the test database, and the database put back as it was
    afterwards (as Django's serialized_rollback does)."""
    media = tmp_path_factory.mktemp("demo-media")
    roots = _media_roots(media)
    if connection.vendor == "postgresql":
        template, template_media = request.getfixturevalue("_demo_template")
        shutil.copytree(template_media, media, dirs_exist_ok=True)
        with django_db_blocker.unblock():
            copy_name = f"{connection.settings_dict['NAME']}_copy"
            create_database(copy_name, template)
            previous = use_database(copy_name)
        try:
            yield roots
        finally:
            with django_db_blocker.unblock():
                use_database(previous)
                drop_database(copy_name)
        return
    with django_db_blocker.unblock():
        # What the migrations wrote (the default Site, the root page and
        # collection, the locales), put back after the flush.
        migrated = connection.creation.serialize_db_to_string()
        _seed_demo(roots)
    try:
        yield roots
    finally:
        with django_db_blocker.unblock():
            restore_database(migrated)
