"""Read one inbound message: who sent it, its subject, its text (the plain
part, or the HTML part converted to Markdown), the attachments it carried
(named, never kept), whether a machine sent it, and the DMARC verdict the
MTA wrote in Authentication-Results."""

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.utils import getaddresses

from django.conf import settings

from .html_to_markdown import html_to_markdown

_DMARC = re.compile(r"\bdmarc\s*=\s*([a-z]+)", re.I)


@dataclass
class Mail:
    sender: str  # the From address, lower-cased
    subject: str
    message_id: str
    text: str
    attachments: list[str] = field(default_factory=list)
    automatic: bool = False
    dmarc: str = ""  # "pass", "fail", "none", ... or "" when no MTA said


def _header(message, name: str) -> str:
    try:
        value = message.get(name, "")
        return str(value or "").strip()
    except (ValueError, TypeError, IndexError):  # a malformed header
        return ""


def _sender(message) -> str:
    addresses = [address for _name, address in getaddresses([_header(message, "from")])]
    return addresses[0].strip().lower() if len(addresses) == 1 else ""


def _is_automatic(message, envelope_from: str) -> bool:
    """Bounces, auto-replies and list traffic get no answer (no mail loops)."""
    if not envelope_from or envelope_from == "<>":
        return True
    auto = _header(message, "auto-submitted").lower()
    if auto and auto != "no":
        return True
    if _header(message, "precedence").lower() in {"bulk", "junk", "list", "auto_reply"}:
        return True
    return bool(_header(message, "x-autoreply") or _header(message, "x-autorespond"))


def dmarc_verdict(message) -> str:
    """The DMARC result in Authentication-Results written by our MTA (its
    authserv-id is CHM_INBOUND_AUTHSERV_ID, when set); "" when none said.
    Any failing verdict wins over a passing one."""
    authserv = settings.CHM_INBOUND_AUTHSERV_ID.lower()
    verdicts = []
    for value in message.get_all("authentication-results", []) or []:
        value = str(value)
        if authserv and value.split(";", 1)[0].strip().lower() != authserv:
            continue
        verdicts += [match.lower() for match in _DMARC.findall(value)]
    if not verdicts:
        return ""
    failing = [verdict for verdict in verdicts if verdict != "pass"]
    return failing[0] if failing else "pass"


def _text_of(message) -> tuple[str, list[str]]:
    plain, html, attachments = None, None, []
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        kind = part.get_content_type()
        if disposition == "attachment" or (
            kind not in {"text/plain", "text/html"} and not part.is_multipart()
        ):
            attachments.append(part.get_filename() or kind)
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError, UnicodeError):
            payload = part.get_payload(decode=True) or b""
            content = payload.decode("utf-8", errors="replace")
        if kind == "text/plain" and plain is None:
            plain = content
        elif kind == "text/html" and html is None:
            html = content
    if plain is not None and plain.strip():
        return plain, attachments
    return (html_to_markdown(html) if html else ""), attachments


def read_mail(data: bytes, envelope_from: str) -> Mail:
    message = email.message_from_bytes(data, policy=email.policy.default)
    text, attachments = _text_of(message)
    return Mail(
        sender=_sender(message),
        subject=" ".join(_header(message, "subject").split())[:300],
        message_id=_header(message, "message-id")[:255],
        text=text,
        attachments=attachments,
        automatic=_is_automatic(message, envelope_from),
        dmarc=dmarc_verdict(message),
    )
