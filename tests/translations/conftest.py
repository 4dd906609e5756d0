import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

FRENCH = {
    "Benin": "Bénin",
    "Africa": "Afrique",
    "Forest": "Forêt",
    "Network": "Réseau",
    "This page is not yet available in French; showing the original.": (
        "Cette page n’existe pas encore en français ; voici l’original."
    ),
}


def po_text(entries: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for msgid, msgstr in entries.items():
        if "%(" in msgid:
            lines.append("#, python-format")
        lines += [f"msgid {quoted(msgid)}", f"msgstr {quoted(msgstr)}", ""]
    return "\n".join(lines)


@pytest.fixture
def french_catalogue(tmp_path: Path):
    """A few real French translations, compiled, ahead of the project's own
    catalogues: what a reader sees once the translators' work is merged."""
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(po_text(FRENCH), encoding="utf-8")
    subprocess.run(  # noqa: S603
        ["msgfmt", "-o", str(folder / "django.mo"), str(folder / "django.po")],  # noqa: S607
        check=True,
    )
    with override_settings(LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS]):
        yield FRENCH
