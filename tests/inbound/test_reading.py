"""The parts that need no server: quote stripping in the six UN languages,
the reply tokens, HTML to Markdown, DMARC verdicts."""

import email
import email.policy
import time

import pytest

from notifications.inbound.html_to_markdown import html_to_markdown
from notifications.inbound.mail import dmarc_verdict
from notifications.inbound.stripping import strip_reply
from notifications.inbound.tokens import (
    InvalidToken,
    kind_code,
    make_token,
    read_token,
    revoke_all,
    revoke_token,
)

QUOTES = {
    "en": (
        "Thanks, the link works.",
        "On Mon, 7 Dec 2026 at 10:00, Ana Diaz <ana@example.org> wrote:",
    ),
    "fr": (
        "Merci, le lien fonctionne.",
        "Le lun. 7 déc. 2026 à 10:00, Ana Diaz <ana@example.org> a écrit :",
    ),
    "es": (
        "Gracias, el enlace funciona.",
        "El lun, 7 dic 2026 a las 10:00, Ana Diaz (<ana@example.org>) escribió:",
    ),
    "ar": (
        "شكرا، الرابط يعمل.",
        "في الاثنين، 7 ديسمبر 2026 في 10:00 ص، Ana Diaz <ana@example.org> كتب:",
    ),
    "ru": (
        "Спасибо, ссылка работает.",
        "пн, 7 дек. 2026 г. в 10:00, Ana Diaz <ana@example.org>:",
    ),
    "ru-thunderbird": (
        "Спасибо, ссылка работает.",
        "07.12.2026 10:00, Ana Diaz пишет:",
    ),
    "zh": (
        "谢谢，链接可以用。",
        "Ana Diaz <ana@example.org> 于2026年12月7日周一 10:00写道：",
    ),
    "zh-apple": (
        "谢谢，链接可以用。",
        "2026年12月7日 10:00，Ana Diaz <ana@example.org> 写道：",
    ),
}


@pytest.mark.parametrize("language", sorted(QUOTES))
def test_the_quote_is_stripped_in_each_un_language(language):
    answer, header = QUOTES[language]
    body = f"{answer}\n\n{header}\n> The original message\n> on two lines.\n"
    assert strip_reply(body) == answer


OUTLOOK = {
    "en": "From: Ana\nSent: Monday\nTo: Kofi\nSubject: Re: x",
    "fr": "De : Ana\nEnvoyé : lundi\nÀ : Kofi\nObjet : Re: x",
    "es": "De: Ana\nEnviado: lunes\nPara: Kofi\nAsunto: Re: x",
    "ar": "من: Ana\nتاريخ الإرسال: الاثنين\nإلى: Kofi\nالموضوع: x",
    "ru": "От: Ana\nОтправлено: понедельник\nКому: Kofi\nТема: x",
    "zh": "发件人: Ana\n发送时间: 星期一\n收件人: Kofi\n主题: x",
}


@pytest.mark.parametrize("language", sorted(OUTLOOK))
def test_outlook_headers_are_stripped_in_each_un_language(language):
    body = f"My answer.\n\n{OUTLOOK[language]}\n\nThe original message."
    assert strip_reply(body) == "My answer."


def test_the_signature_goes_and_markdown_lists_stay():
    body = "Three steps:\n\n- survey\n- replant\n- monitor\n\n-- \nAna Diaz\n+229 0000"
    assert strip_reply(body) == "Three steps:\n\n- survey\n- replant\n- monitor"


def test_a_quote_without_a_header_is_stripped_from_the_end():
    assert strip_reply("Agreed.\n\n> earlier text\n> more") == "Agreed."


def test_html_to_markdown_drops_scripts_and_dangerous_links():
    markdown = html_to_markdown(
        '<p>See <a href="javascript:alert(1)">this</a> and '
        '<a href="https://example.org">that</a></p><script>alert(2)</script>'
        "<style>p{}</style><ul><li>one</li><li>two</li></ul>"
    )
    assert "javascript" not in markdown and "alert" not in markdown
    assert "[that](https://example.org)" in markdown
    assert "- one" in markdown


def message_with(*results):
    raw = "".join(f"Authentication-Results: {r}\r\n" for r in results)
    raw += "From: a@example.org\r\nSubject: x\r\n\r\nbody\r\n"
    return email.message_from_string(raw, policy=email.policy.default)


def test_dmarc_verdicts(settings):
    settings.CHM_INBOUND_AUTHSERV_ID = ""
    assert dmarc_verdict(message_with("mx.example.org; dmarc=pass")) == "pass"
    assert dmarc_verdict(message_with("mx.example.org; dmarc=fail")) == "fail"
    assert dmarc_verdict(message_with("mx; dmarc=pass", "mx; dmarc=fail")) == "fail"
    assert dmarc_verdict(message_with("mx.example.org; spf=pass")) == ""
    settings.CHM_INBOUND_AUTHSERV_ID = "mx.chm.example.org"
    forged = message_with("attacker.example; dmarc=pass")
    assert dmarc_verdict(forged) == ""
    ours = message_with("mx.chm.example.org; dmarc=fail", "attacker; dmarc=pass")
    assert dmarc_verdict(ours) == "fail"


KINDS = {kind_code("topic"): "topic", kind_code("conversation"): "conversation"}


@pytest.mark.django_db
def test_a_token_is_bound_to_its_member_kind_and_target():
    token = make_token(42, "topic", 7)
    assert len(f"reply+{token}") <= 64 and token == token.lower()
    claim = read_token(token.upper(), KINDS)
    assert (claim.user_id, claim.kind, claim.target_id) == (42, "topic", 7)


def test_a_changed_token_is_forged():
    token = make_token(42, "topic", 7)
    other = make_token(43, "topic", 7)
    # The body of one with the signature of another.
    with pytest.raises(InvalidToken) as error:
        read_token(other[:25] + token[25:], KINDS)
    assert error.value.reason == "forged" and error.value.claim is None
    for bad in ("", "x", "!" * 47, token[:-1]):
        with pytest.raises(InvalidToken):
            read_token(bad, KINDS)


def test_a_token_signed_with_another_key_is_forged(settings):
    token = make_token(42, "topic", 7)
    settings.SECRET_KEY = "another-key"
    with pytest.raises(InvalidToken):
        read_token(token, KINDS)


def test_a_token_expires(settings):
    settings.CHM_REPLY_TOKEN_MAX_AGE = 60
    token = make_token(42, "topic", 7, now=time.time() - 61)
    with pytest.raises(InvalidToken) as error:
        read_token(token, KINDS)
    assert error.value.reason == "expired" and error.value.claim.user_id == 42


@pytest.mark.django_db
def test_tokens_are_revoked_one_by_one_or_all_at_once():
    from tests.factories import UserFactory

    user = UserFactory()
    first = make_token(user.pk, "topic", 1, now=time.time() - 5)
    second = make_token(user.pk, "topic", 2, now=time.time() - 5)
    revoke_token(first, user.pk)
    with pytest.raises(InvalidToken):
        read_token(first, KINDS)
    assert read_token(second, KINDS).target_id == 2
    revoke_all(user.pk)
    with pytest.raises(InvalidToken) as error:
        read_token(second, KINDS)
    assert error.value.reason == "revoked"
    later = make_token(user.pk, "topic", 2, now=time.time() + 2)
    assert read_token(later, KINDS).target_id == 2


@pytest.mark.django_db
def test_the_secretariat_reads_inbound_records_and_nobody_edits_them(people):
    from notifications.models import InboundMessage
    from tests.factories import login

    record = InboundMessage.objects.create(
        received_at="2026-12-07T10:00Z",
        recipient="forest@localhost",
        sender="ana@example.org",
        outcome="refused",
        reason="This topic is closed.",
    )
    staff = login(people.staff)
    listing = staff.get("/admin/snippets/notifications/inboundmessage/")
    assert listing.status_code == 200
    assert "This topic is closed." in listing.content.decode()
    inspect = f"/admin/snippets/notifications/inboundmessage/inspect/{record.pk}/"
    assert staff.get(inspect).status_code == 200
    edit = f"/admin/snippets/notifications/inboundmessage/edit/{record.pk}/"
    assert staff.get(edit).status_code in (302, 403)
    assert staff.get(
        "/admin/snippets/notifications/inboundmessage/add/"
    ).status_code in (302, 403)
    assert login(people.moderator).get(
        "/admin/snippets/notifications/inboundmessage/"
    ).status_code in (302, 403)
