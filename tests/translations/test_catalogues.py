"""The interface is complete in the six UN languages.

The `catalogues` tests compare the committed catalogues with the source: they
fail while a msgid is missing, untranslated or fuzzy, or while a compiled .mo is
missing or stale. Run them with `pytest -m catalogues` after `make messages`.
The checks on the source itself (every template string is marked) always run.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from .pofiles import read_po

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
# Catalogue directory names (gettext's spelling: zh_Hans) of the languages
# other than English, the source language.
LOCALES = ["ar", "es", "fr", "ru", "zh_Hans"]
# The same list as `make messages` (Makefile: MESSAGES_IGNORE).
IGNORE = [
    ".venv",
    "staticfiles",
    "tests",
    "bench",
    "node_modules",
    "media",
    "screenshots",
]


def catalogue(locale: str, domain: str = "django") -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.po"


def extract_msgids(tmp_path: Path, monkeypatch) -> dict[str, set]:
    """What `make messages` would extract from the current source, per domain.

    makemessages writes next to the files it reads, so it runs on a copy of the
    project code: the committed catalogues are never touched."""
    copy = tmp_path / "project"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            *IGNORE, "locale", ".git", "*.sqlite3", "__pycache__", ".*_cache"
        ),
    )
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        for domain in ("django", "djangojs"):
            call_command(
                "makemessages",
                locale=["fr"],
                domain=domain,
                ignore_patterns=IGNORE,
                no_obsolete=True,
                verbosity=0,
            )
    tmp_path = copy / "locale"
    found = {}
    for domain in ("django", "djangojs"):
        po = tmp_path / "fr" / "LC_MESSAGES" / f"{domain}.po"
        found[domain] = {e.key for e in read_po(po)} if po.exists() else set()
    return found


@pytest.mark.catalogues
def test_makemessages_would_add_no_new_msgid_to_any_catalogue(tmp_path, monkeypatch):
    extracted = extract_msgids(tmp_path, monkeypatch)
    assert extracted["django"], "makemessages extracted nothing: is xgettext there?"
    problems = []
    for locale in LOCALES:
        for domain, msgids in extracted.items():
            po = catalogue(locale, domain)
            committed = {e.key for e in read_po(po)} if po.exists() else set()
            missing = sorted(msgids - committed, key=lambda key: key[1])
            if missing:
                sample = ", ".join(repr(msgid) for _ctx, msgid in missing[:5])
                problems.append(
                    f"{locale}/{domain}.po lacks {len(missing)} msgid(s): {sample}"
                )
    assert not problems, "run `make messages`:\n" + "\n".join(problems)


@pytest.mark.catalogues
@pytest.mark.parametrize("locale", LOCALES)
def test_every_msgid_is_translated_and_none_is_fuzzy(locale):
    po = catalogue(locale)
    assert po.exists(), f"{po} is missing"
    entries = read_po(po)
    untranslated = [e.msgid for e in entries if not e.translated]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert not untranslated and not fuzzy, (
        f"{locale}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy; "
        f"first: {(untranslated + fuzzy)[:5]}"
    )


@pytest.mark.catalogues
@pytest.mark.parametrize("locale", LOCALES)
def test_plural_forms_have_as_many_translations_as_the_language_has_forms(locale):
    po = catalogue(locale)
    header = po.read_text(encoding="utf-8")
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    assert match, f"{locale}: no Plural-Forms header"
    forms = int(match.group(1))
    # Django's own catalogues use 3 forms for es/fr (the third for millions)
    # and 4 for ru (the fourth for fractions); gettext's classic rules use 2
    # and 3. Django keeps catalogues with different rules apart, so either is
    # right, as long as every plural entry has that many forms.
    allowed = {"ar": {6}, "es": {2, 3}, "fr": {2, 3}, "ru": {3, 4}, "zh_Hans": {1}}
    assert forms in allowed[locale]
    short = [
        e.msgid
        for e in read_po(po)
        if e.msgid_plural and len([s for s in e.msgstrs.values() if s]) != forms
    ]
    assert not short, f"{locale}: plural entries without {forms} forms: {short[:5]}"


@pytest.mark.catalogues
@pytest.mark.parametrize("locale", LOCALES)
def test_committed_mo_is_compiled_from_the_committed_po(locale, tmp_path):
    """The .mo files are committed so `make run` needs no gettext tools; they
    must say what the .po says."""
    po = catalogue(locale)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make compile-messages`"
    fresh = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(po)], check=True)  # noqa: S603,S607
    with mo.open("rb") as committed, fresh.open("rb") as compiled:
        assert (
            gettext.GNUTranslations(committed)._catalog
            == gettext.GNUTranslations(compiled)._catalog
        ), f"{mo} is stale: run `make compile-messages`"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalogue_compiles_with_its_placeholders_intact(locale, tmp_path):
    """msgfmt --check-format refuses a translation whose %(name)s or {name}
    placeholders differ from the msgid's, so a bad translation fails here (and
    in `make compile-messages`) rather than crashing a page."""
    assert shutil.which("msgfmt"), "msgfmt (GNU gettext) is needed to compile"
    for domain in ("django", "djangojs"):
        po = catalogue(locale, domain)
        if not po.exists():
            continue
        result = subprocess.run(  # noqa: S603
            ["msgfmt", "--check-format", "-o", str(tmp_path / "x.mo"), str(po)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr


def test_compilemessages_fails_on_a_translation_with_a_missing_placeholder(
    tmp_path, monkeypatch
):
    po_dir = tmp_path / "fr" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    (po_dir / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, python-format\n"
        'msgid "Hello %(name)s"\nmsgstr "Bonjour"\n',
        encoding="utf-8",
    )
    from django.core.management.base import CommandError

    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path]), pytest.raises(CommandError):
        call_command(
            "compilemessages", locale=["fr"], ignore_patterns=IGNORE, verbosity=0
        )
