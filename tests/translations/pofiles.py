"""A small reader for gettext .po catalogues (enough for the checks in these
tests: msgids, translations and flags), so no extra dependency is needed."""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstrs: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstrs) and all(self.msgstrs.values())


def read_po(path: Path) -> list[Entry]:
    """Every entry but the header, in file order."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if not line:
            finish()
            continue
        if line.startswith("#,"):
            if started:
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            if started and target and target[0] == "msgstr":
                finish()
            continue
        keyword, _space, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            name, index = target
        elif keyword.startswith("msgstr["):
            name, index = "msgstr", int(keyword[7:-1])
            value = ast.literal_eval(rest)
        elif keyword in {"msgid", "msgid_plural", "msgctxt", "msgstr"}:
            if keyword in {"msgid", "msgctxt"} and target and target[0] == "msgstr":
                finish()
            name, index = keyword, 0
            value = ast.literal_eval(rest)
            started = True
        else:
            continue
        target = (name, index)
        if name == "msgstr":
            entry.msgstrs[index] = entry.msgstrs.get(index, "") + value
        elif name == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + value
        else:
            setattr(entry, name, getattr(entry, name) + value)
    finish()
    return [e for e in entries if e.msgid and not e.obsolete]
