"""Every string a reader sees in a template goes through the translation
machinery: text left outside `{% translate %}`/`{% blocktranslate %}` would stay
English in every language whatever the translators do."""

import re
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PROJECT_APPS = [name for name in settings.INSTALLED_APPS if (BASE_DIR / name).is_dir()]
# Not words to translate: the site's name and feed format names (proper nouns).
ALLOWED_WORDS = {"CHM", "Commons", "RSS", "Atom", "CSV", "JSON"}
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "label")

STRIP = [
    re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S),
    re.compile(r"{#.*?#}", re.S),
    # CSS class names given to a page through a block.
    re.compile(r"{%\s*block body_class\s*%}.*?{%\s*endblock[^%]*%}", re.S),
    re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S),
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
    # Code samples (commands, URLs, snippets to copy) are not prose.
    re.compile(r"<pre\b.*?</pre>", re.S | re.I),
    re.compile(r"<textarea\b[^>]*\breadonly\b.*?</textarea>", re.S | re.I),
]
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
HTML_TAG = re.compile(r"<[^>]*>", re.S)
ATTRIBUTE = re.compile(
    r"\b(" + "|".join(VISIBLE_ATTRIBUTES) + r')="([^"]*)"', re.S | re.I
)
WORD = re.compile(r"[^\W\d_]{2,}")


def template_files() -> list[Path]:
    dirs = [BASE_DIR / "templates"] + [
        BASE_DIR / app / "templates" for app in PROJECT_APPS
    ]
    return sorted(
        path
        for folder in dirs
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in {".html", ".txt"}
    )


def unmarked_strings(source: str) -> list[str]:
    for pattern in STRIP:
        source = pattern.sub(" ", source)
    found = [
        value
        for _name, value in ATTRIBUTE.findall(source)
        if has_words(TEMPLATE_TAG.sub("", value))
    ]
    text = HTML_TAG.sub("\n", TEMPLATE_TAG.sub(" ", source))
    found += [line.strip() for line in text.splitlines() if has_words(line)]
    return found


def has_words(text: str) -> bool:
    words = set(WORD.findall(re.sub(r"&\w+;", "", text)))
    return bool(words - ALLOWED_WORDS)


def test_the_checker_notices_an_unmarked_sentence_and_an_unmarked_title():
    assert unmarked_strings("<p>Hello there</p>") == ["Hello there"]
    assert unmarked_strings('<a title="Open it">{{ x }}</a>') == ["Open it"]
    assert not unmarked_strings(
        '<p>{% translate "Hello" %}</p><a title="{% translate \'Open\' %}">'
        "{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}</a>"
    )


def test_every_template_string_a_reader_sees_is_marked_for_translation():
    problems = [
        f"{path.relative_to(BASE_DIR)}: {text!r}"
        for path in template_files()
        for text in unmarked_strings(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "not marked for translation:\n" + "\n".join(problems)
