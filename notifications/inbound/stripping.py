"""Keep only what the member wrote: the quoted message and the signature go.

mail-parser-reply does the work: it knows the quote headers of many mail
clients ("On ... wrote:", Outlook's From:/Sent: blocks) in English, French,
Spanish and Chinese among others, and signatures ("-- ", "Sent from my ...").
It lacks Arabic and Russian, and its Spanish header wants two spaces before
"escribió"; the patterns below add them (Gmail, Apple Mail, Outlook and
Thunderbird as they write them in those languages).
"""

import re

from mailparser_reply.constants import QUOTED_MATCH_INCLUDE as Q
from mailparser_reply.parser import EmailMessage

# One capturing group per pattern, whole lines (the parser splits on them).
EXTRA_LANGUAGES: dict[str, dict[str, str | list[str]]] = {
    "ar": {
        "wrote_header": (
            rf"^({Q}(?:في|On)\s.+\s?كتب\s?.{{0,80}}:)$"
            rf"|^({Q}.+\s(?:كتب|كتبت)\s?:)$"
        ),
        "from_header": (
            rf"((?:(?:^|\n|\n{Q})[* ]*(?:من|المرسل|تاريخ الإرسال|أُرسلت|أرسلت|إلى"
            rf"|الموضوع|نسخة):[ *]*(?:\s{{,2}}).*){{2,}}(?:\n.*){{,1}})"
        ),
        "signatures": ["مع التحيات", "مع أطيب التحيات", "تحياتي"],
        "sent_from": r"أُرسلت من|تم الإرسال من",
    },
    "ru": {
        "wrote_header": (
            rf"^({Q}.+\s(?:написал|написала|написал\(а\)|пишет)\s?:)$"
            rf"|^({Q}.*\d{{4}}\s?г\.\s?в\s\d{{1,2}}:\d{{2}}.*<[^>]+@[^>]+>:)$"
        ),
        "from_header": (
            rf"((?:(?:^|\n|\n{Q})[* ]*(?:От|Отправлено|Кому|Тема|Дата|Копия):"
            rf"[ *]*(?:\s{{,2}}).*){{2,}}(?:\n.*){{,1}})"
        ),
        "signatures": ["С уважением", "С наилучшими пожеланиями", "Спасибо,"],
        "sent_from": r"Отправлено с|Отправлено из",
    },
    "un": {
        # Spanish with one space, Chinese with a half-width colon or in
        # traditional characters.
        "wrote_header": (
            rf"^({Q}El\s.+\sescribió\s?:)$"
            rf"|^({Q}.*\d{{4}}年\d{{1,2}}月\d{{1,2}}日.*?[写寫]道\s?[:：])$"
        ),
    },
}
LANGUAGES = ["en", "fr", "es", "zh", "ar", "ru", "un"]
_QUOTED_TAIL = re.compile(r"(?:\n[ \t]*>[^\n]*)+\s*\Z")


class _Message(EmailMessage):
    def _get_language_regex(self, language: str, regex_key: str) -> str:
        if language in EXTRA_LANGUAGES:
            value = EXTRA_LANGUAGES[language].get(regex_key, "")
            return "|".join(value) if isinstance(value, list) else value
        return super()._get_language_regex(language, regex_key)


def strip_reply(text: str) -> str:
    """The new text at the top of a reply, without the quoted message below
    it or the writer's signature."""
    text = (text or "").replace("\r\n", "\n")
    if not text.strip():
        return ""
    message = _Message(text=text, languages=list(LANGUAGES), keep_hyphen_lists=True)
    message.read()
    body = message.replies[0].body if message.replies else ""
    body = _QUOTED_TAIL.sub("", "\n" + body).strip()
    return body
