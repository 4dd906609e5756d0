"""`backup` and `restore` with the media on a bucket: the objects go into
the archive and come back to the bucket; the archive itself may live in a
backup bucket."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from community.models import User
from tests.factories import PDF, login, propose
from toolkits.models import ToolkitResource

from .conftest import bucket_config, keys, local_files, new_bucket
from .test_uploads import png


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_the_objects(
    s3, bucket, library, people, settings, tmp_path
):
    propose(login(people.member), library)
    resource = ToolkitResource.objects.get(kind=ToolkitResource.Kind.DOCUMENT)
    image = png()
    default_storage.save("original_images/mangroves.png", ContentFile(image))
    before = keys(s3, bucket)
    assert f"private/{resource.file.name}" in before
    backups = new_bucket(s3)
    settings.CHM_BACKUP_S3 = bucket_config(s3, backups)
    archive = tmp_path / "site.tar.gz"
    out = io.StringIO()

    call_command("backup", str(archive), stdout=out)
    assert "1 media files, 1 private files" in out.getvalue()
    assert keys(s3, backups) == ["backups/site.tar.gz"]

    # After the backup: objects lost, a member deleted, the archive gone
    # from this host.
    client = s3.client()
    for key in before:
        client.delete_object(Bucket=bucket, Key=key)
    User.objects.filter(username="member").delete()
    archive.unlink()

    call_command("restore", "site.tar.gz", "--from-bucket", "--yes", stdout=out)

    assert keys(s3, bucket) == before
    stored = client.get_object(Bucket=bucket, Key=f"private/{resource.file.name}")
    assert stored["Body"].read() == PDF
    assert default_storage.open("original_images/mangroves.png").read() == image
    assert User.objects.filter(username="member").exists()
    # Nothing went to the local folders.
    assert not local_files(settings.MEDIA_ROOT, settings.CHM_PRIVATE_MEDIA_ROOT)
