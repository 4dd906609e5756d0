import json

import pytest
from django.core.management import CommandError, call_command

from core.api import records, registry
from toolkits.records import toolkit_record

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]


def test_a_toolkit_record_carries_header_translations_and_cbd_subjects(client, content):
    key = content.toolkit.translation_key
    record = client.get(f"/api/v2/records/toolkit/{key}/").json()
    assert record["header"]["identifier"] == f"chm-commons:toolkit:{key}"
    assert record["header"]["schema"] == "toolkit"
    assert record["header"]["languages"] == ["en", "fr"]
    assert record["title"] == {"en": "Toolkit 1", "fr": "Boîte à outils 1"}
    assert record["summary"] == {"en": "Summary 1", "fr": "Résumé 1"}
    assert record["subjects"] == [{"identifier": "CBD-SUBJECT-FOR"}]


def test_news_records_skip_drafts_and_restricted_posts(client, content):
    listing = client.get("/api/v2/records/news/?limit=100").json()
    titles = [item["title"]["en"] for item in listing["items"]]
    assert "Benin draft" not in titles
    assert "Benin secret" not in titles
    assert listing["meta"]["total_count"] == 4
    benin = next(i for i in listing["items"] if i["title"]["en"] == "Benin news 0")
    assert benin["country"] == {"identifier": "bj"}
    assert benin["authors"] == ["Awa Writer"]


def test_unknown_kinds_and_keys_are_404(client, content):
    assert client.get("/api/v2/records/not-a-kind/").status_code == 404
    assert client.get("/api/v2/records/toolkit/not-a-uuid/").status_code == 404


def test_the_bulk_export_round_trips_the_multilingual_fields(content, tmp_path):
    call_command("export_cbd_records", str(tmp_path), verbosity=2)
    key = content.toolkit.translation_key
    record = json.loads((tmp_path / "toolkit" / f"{key}.json").read_text("utf-8"))
    assert record == json.loads(json.dumps(toolkit_record(content.toolkit)))
    assert record["title"]["fr"] == content.toolkit_fr.title
    assert record["summary"]["fr"] == content.toolkit_fr.summary
    assert len(list((tmp_path / "news").glob("*.json"))) == 4


def test_the_bulk_export_shows_progress_and_refuses_unknown_kinds(
    content, tmp_path, capsys
):
    call_command("export_cbd_records", str(tmp_path), schemas=["toolkit"], verbosity=2)
    out = capsys.readouterr().out
    assert "[##############################] 2/2" in out
    assert "2 records written" in out
    with pytest.raises(CommandError, match="Unknown record kind"):
        call_command("export_cbd_records", str(tmp_path), schemas=["nope"])


def test_another_app_can_register_its_own_records(client, content, monkeypatch):
    from forum.models import Topic

    monkeypatch.setattr(registry, "_records", registry.cbd_records())
    registry.register_cbd_record(
        records.RecordExporter(
            "discussion",
            lambda: Topic.objects.public().order_by("pk"),
            lambda topic: {
                "header": records.header("discussion", topic.pk, ["en"]),
                "title": {"en": topic.title},
            },
            key_field="pk",
        )
    )
    found = client.get(f"/api/v2/records/discussion/{content.topic.pk}/").json()
    assert found["title"] == {"en": "Forest seeds"}
