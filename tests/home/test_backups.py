"""`manage.py backup` and `restore` round-trip the database and media."""

import pytest
from django.core.management import CommandError, call_command

from community.models import User
from tests.factories import UserFactory


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_what_was_deleted(tmp_path, media):
    kept = UserFactory(username="amina", display_name="Amina Diallo")
    (media / "documents" / "toolkit.pdf").write_bytes(b"%PDF-1.4 guide")
    archive = tmp_path / "site.tar.gz"

    call_command("backup", str(archive), stdout=open("/dev/null", "w"))

    # Things go wrong after the backup: a member deleted, another added,
    # a file lost.
    kept.delete()
    UserFactory(username="latecomer")
    (media / "documents" / "toolkit.pdf").unlink()

    call_command("restore", str(archive), "--yes", stdout=open("/dev/null", "w"))

    assert User.objects.get(username="amina").display_name == "Amina Diallo"
    assert not User.objects.filter(username="latecomer").exists()
    assert (media / "documents" / "toolkit.pdf").read_bytes() == b"%PDF-1.4 guide"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, media):
    UserFactory(username="amina")
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a CHM Commons backup"):
        call_command("restore", str(bogus), "--yes")
    assert User.objects.filter(username="amina").exists()


def test_restore_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "nowhere.tar.gz"), "--yes")


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_keep_the_private_files(tmp_path, media, settings):
    private = settings.CHM_PRIVATE_MEDIA_ROOT
    (private / "toolkits" / "2026" / "01").mkdir(parents=True)
    kept = private / "toolkits" / "2026" / "01" / "guide.pdf"
    kept.write_bytes(b"%PDF-1.4 pending proposal")
    archive = tmp_path / "site.tar.gz"

    call_command("backup", str(archive), stdout=open("/dev/null", "w"))
    kept.unlink()
    call_command("restore", str(archive), "--yes", stdout=open("/dev/null", "w"))

    assert kept.read_bytes() == b"%PDF-1.4 pending proposal"
    # Private files never come back under the served media folder.
    assert not (media / "toolkits").exists()
