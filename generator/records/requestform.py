"""The issue form „Ansprechperson anfragen“: its prefilled address, its answers as a request.

GitHub writes an issue form's answers into the issue body as sections (`### Netzwerk`, a blank line,
the answer); `_No response_` stands for an empty answer. The new entry gets the first step of the
procedure (`requested`, today), goes into the log in date order, and is checked by the rules of
`check` before the file is written.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from generator.german import closest
from generator.problems import DataInvalid, Problem, display_name
from generator.records.document import Document
from generator.records.newrecord import first_id, write_lines
from generator.records.reader import load_file
from generator.records.schema import Request
from generator.records.skeleton import yaml_value
from generator.records.validate import Records, load_records
from generator.siteconfig import repository_url

FORM = "ansprechperson-anfragen.yml"  # in .github/ISSUE_TEMPLATE/
# Field id of the form → its label, as the issue body shows it (a test compares them with the form).
FIELDS = {"network": "Netzwerk", "partner": "Nationaler Partner", "topic": "Thema"}
REQUIRED = ("network", "partner")
NO_RESPONSE = "_No response_"
FIRST_STEP = "requested"
TOPIC_LENGTH = 200  # as the schema's Text
SHOWN = 60  # characters of an unknown answer that a message repeats
_LINES = re.compile(r"\r\n|\r|\n")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# A phone number: seven digits or more, perhaps with +, spaces, slashes, dashes or brackets.
_PHONE = re.compile(r"\+?\(?\d(?:[\d /().-]*\d){6,}")


def request_form_url(network_id: str, partner_id: str, topic: str | None = None) -> str | None:
    """The form's new-issue address with network and partner filled in; None without GitHub."""
    repository = repository_url()
    if repository is None:
        return None
    fields = {"template": FORM, "title": f"Ansprechperson anfragen: {network_id} – {partner_id}"}
    fields |= {"network": network_id, "partner": partner_id} | ({"topic": topic} if topic else {})
    return f"{repository}/issues/new?{urlencode(fields)}"


@dataclasses.dataclass(frozen=True)
class Answer:
    """One answer of the form and the line of the issue body it stands on."""

    text: str | None
    line: int


def parse_issue(body: str, source: str) -> dict[str, Answer]:
    """The form's answers by field id; problems (German, with the body's line) for missing ones."""
    label_to_id = {label.casefold(): key for key, label in FIELDS.items()}
    sections: list[tuple[str | None, int, list[tuple[int, str]]]] = []
    # Lines end where GitHub ends them (CR, LF): str.splitlines() would also break at U+0085,
    # U+2028, VT or FF, and an answer could smuggle a heading the issue does not show.
    for number, row in enumerate(_LINES.split(body), 1):
        heading = re.fullmatch(r"###\s+(.*?)\s*", row)
        if heading:
            sections.append((label_to_id.get(heading[1].casefold()), number, []))
        elif sections:
            sections[-1][2].append((number, row))
    answers: dict[str, Answer] = {}
    for key, line, content in sections:
        if key is None or key in answers:
            continue
        filled = [(number, row) for number, row in content if row.strip()]
        text = " ".join(" ".join(row for _, row in filled).split())
        answers[key] = Answer(
            None if text in ("", NO_RESPONSE) else text, filled[0][0] if filled else line
        )
    missing = [f"„### {label}“" for key, label in FIELDS.items() if key not in answers]
    if missing:
        message = (
            f"kein Issue des Formulars „Ansprechperson anfragen“: es fehlt {', '.join(missing)}"
            if len(missing) == 1
            else (
                "kein Issue des Formulars „Ansprechperson anfragen“: "
                f"es fehlen {', '.join(missing)}"
            )
        )
        raise DataInvalid([Problem(source, 1, "", message)])
    problems = [
        Problem(source, answers[key].line, FIELDS[key], "keine Angabe; bitte ausfüllen")
        for key in REQUIRED
        if answers[key].text is None
    ]
    if problems:
        raise DataInvalid(problems)
    return answers


def new_request(
    body: str,
    source: str,
    data_dir: Path,
    today: date,
    append: bool = False,
    issue: int | None = None,
) -> str:
    """The requests.yaml entry from an issue body: printed, or inserted by date with `append`."""
    answers = parse_issue(body, source)
    # Only into valid data: every error first, as `check` shows it
    records = load_records(data_dir, today=today)
    network = _network(records, answers["network"], source)
    partner = _partner(records, answers["partner"], source)
    _not_yet_asked(records, network, partner, answers["partner"], source)
    day = today
    request_id = _free_id(records, f"{day.year}-{network}-{partner}")
    topic = _topic(answers["topic"], source)
    note = (
        f"Eingegangen über das Formular „Ansprechperson anfragen“ (Issue #{issue})."
        if issue
        else None
    )
    entry = _entry(request_id, network, partner, topic, day.isoformat(), note)
    path = Path(data_dir) / "requests.yaml"
    lines, first_line = _inserted(path, records, entry, day.isoformat())
    _validate(data_dir, path, "".join(lines), today)
    if not append:
        return entry
    write_lines(path, lines)
    doc = records.documents["requests.yaml"]
    return (
        f"Anfrage „{request_id}“ in {doc.file} eingefügt "
        f"(ab Zeile {first_line}, nach Datum geordnet), "
        f"Schritt „{FIRST_STEP}“ am {day.isoformat()}.\n"
    )


def _topic(answer: Answer, source: str) -> str | None:
    """The topic, refused at its field if it says how to reach a person or is too long."""
    text = answer.text
    message = None
    if text is None:
        return None
    if _EMAIL.search(text) or sum(char.isdigit() for char in "".join(_PHONE.findall(text))) >= 7:
        message = (
            "keine E-Mail-Adressen oder Telefonnummern im "
            "Thema; die Geschäftsstelle gibt Kontaktdaten weiter"
        )
    elif len(text) > TOPIC_LENGTH:
        message = f"zu lang ({len(text)} Zeichen; höchstens {TOPIC_LENGTH}); bitte kürzer fassen"
    if message:
        raise DataInvalid([Problem(source, answer.line, FIELDS["topic"], message)])
    return text


def _shortened(text: str) -> str:
    """An answer as a message repeats it: at most SHOWN characters."""
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _network(records: Records, answer: Answer, source: str) -> str:
    names = {n.id: n.id for n in records.networks}
    names |= {key.casefold(): n.id for n in records.networks for key in (n.name, n.region)}
    return _resolve(answer, names, [n.id for n in records.networks], source, "network")


def _partner(records: Records, answer: Answer, source: str) -> str:
    names = {p.id: p.id for p in records.partners}
    names |= {
        key.casefold(): p.id for p in records.partners for key in (p.name, p.short_name) if key
    }
    partner_id = _resolve(answer, names, [p.id for p in records.partners], source, "partner")
    partner = next(p for p in records.partners if p.id == partner_id)
    if partner.scope != "national":
        message = (
            f"„{partner.name}“ ist eine regionale Einrichtung; Anfragen richten sich an nationale "
            f"Partnerinstitutionen (scope: national)"
        )
        raise DataInvalid([Problem(source, answer.line, FIELDS["partner"], message)])
    if partner.left_on is not None:
        message = (
            f"„{partner.name}“ hat die Offensive Mittelstand "
            f"am {partner.left_on} verlassen (left_on)"
        )
        raise DataInvalid([Problem(source, answer.line, FIELDS["partner"], message)])
    return partner_id


def _resolve(answer: Answer, names: dict[str, str], ids: list[str], source: str, key: str) -> str:
    """An id from the answer: the id or a name, case-insensitive; else German with a suggestion."""
    text = answer.text or ""
    found = names.get(text) or names.get(text.casefold())
    if found:
        return found
    close = closest(text.casefold(), names)
    hint = (
        f"; meinten Sie „{names[close]}“?" if close else f"; bekannt sind: {', '.join(sorted(ids))}"
    )
    shown = _shortened(text)
    if key == "partner":
        message = (
            f"unbekannter Partner „{shown}“ (Kennung, Kurzname oder Name aus partners.yaml){hint}"
        )
    else:
        message = f"unbekanntes Netzwerk „{shown}“ (Kennung oder Name aus networks.yaml){hint}"
    raise DataInvalid([Problem(source, answer.line, FIELDS[key], message)])


def _not_yet_asked(
    records: Records, network: str, partner: str, answer: Answer, source: str
) -> None:
    """Refuse a request the office has already: an open one, or a contact named for the network."""
    doc = records.documents["requests.yaml"]
    for i, request in enumerate(records.request_log.requests):
        if request.network == network and request.partner == partner and request.status == "offen":
            message = (
                f"für „{network}“ und „{partner}“ läuft schon die Anfrage „{request.id}“ "
                f"({doc.file}, Zeile {doc.line_of(('requests', i))})"
            )
            raise DataInvalid([Problem(source, answer.line, FIELDS["partner"], message)])
    named = next((p for p in records.partners if p.id == partner), None)
    if named is not None and any(c.network == network for c in named.regional_contacts):
        message = (
            f"„{partner}“ hat für „{network}“ schon eine "
            "regionale Ansprechperson benannt (partners.yaml)"
        )
        raise DataInvalid([Problem(source, answer.line, FIELDS["partner"], message)])


def _free_id(records: Records, wanted: str) -> str:
    taken = {r.id for r in records.request_log.requests}
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _entry(
    request_id: str, network: str, partner: str, topic: str | None, day: str, note: str | None
) -> str:
    """The entry as printed (list items two spaces in); `_inserted` indents it as the file does."""
    lines = [f"  - id: {request_id}", f"    network: {network}", f"    partner: {partner}"]
    if topic:
        lines.append(f"    topic: {yaml_value(topic)}")
    lines += ["    steps:", f"      {FIRST_STEP}: {day}"]
    if note:
        lines.append(f"    note: {yaml_value(note)}")
    return "\n".join(lines) + "\n"


def _inserted(path: Path, records: Records, entry: str, day: str) -> tuple[list[str], int]:
    """The file's lines with the entry in order of (date asked, id), and the entry's first line.

    The entry goes before the first request that sorts after it (with the comments above that
    request), else after the last request, wherever the list stands in the file; it takes the list's
    indentation and the file's line ends. An empty list (`requests: []`, or the key without items)
    gets it as first item.
    """
    doc = records.documents["requests.yaml"]
    with path.open(encoding="utf-8", newline="") as file:
        lines = file.read().splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    requests = records.request_log.requests
    key_line = doc.lines.get(("requests",))
    # An empty list: the usual two spaces
    first = lines[doc.lines[("requests", 0)] - 1] if requests else "  "
    indent = len(first) - len(first.lstrip(" "))
    block = [
        line[2:] if indent == 0 else " " * (indent - 2) + line
        for line in entry.splitlines(keepends=True)
    ]
    key = (day, first_id(entry))
    later = [i for i, request in enumerate(requests) if _order(request) > key]
    if later:
        at = doc.lines[("requests", later[0])] - 1
        while at > 0 and lines[at - 1].lstrip().startswith("#"):
            at -= 1  # the comment lines above a request belong to it
        block = [*block, "\n"]
    elif key_line is None:  # no list at all: a new one at the end of the file
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        at = len(lines)
        block = ["requests:\n", *block]
    else:
        at = _end_of_list(lines, doc, key_line)
        # `requests: []` or `requests:` alone: the key stands alone, the entry is its first item
        if not requests:
            lines[key_line - 1] = re.sub(
                r"(requests:)[^\r\n]*", r"\1", lines[key_line - 1], count=1
            )
        else:
            block = ["\n", *block]
    if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    lines[at:at] = [line.replace("\n", newline) for line in block]
    return lines, at + 1 + (block[0] == "\n") + (block[0] == "requests:\n")


def _order(request: Request) -> tuple[str, str]:
    """(date asked, id) of a request: the order of the log."""
    asked = request.steps.get(FIRST_STEP)
    return (asked.isoformat() if asked else ""), request.id


def _end_of_list(lines: list[str], doc: Document, key_line: int) -> int:
    """The index after the list's last line: before the next top-level key and its comments."""
    following = [line for path, line in doc.lines.items() if len(path) == 1 and line > key_line]
    end = min(following) - 1 if following else len(lines)
    while end > key_line and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return end


def _validate(data_dir: Path, path: Path, text: str, today: date) -> None:
    """Check the data with the new requests.yaml by `check`'s rules, before the file is touched."""
    shown = display_name(path)
    with tempfile.TemporaryDirectory(prefix="om-anfrage-") as folder:
        candidate = Path(folder) / "requests.yaml"
        candidate.write_bytes(text.encode("utf-8"))

        def load(file: Path) -> tuple[Document, list[Problem]]:
            if Path(file).name != "requests.yaml":
                return load_file(file)
            doc, problems = load_file(candidate)
            doc.file = shown
            return doc, [dataclasses.replace(p, file=shown) for p in problems]

        try:
            load_records(data_dir, load=load, today=today)
        except DataInvalid as invalid:
            problems = [
                dataclasses.replace(p, file=shown) if p.file.startswith(folder) else p
                for p in invalid.problems
            ]
            raise DataInvalid(problems, invalid.incomplete) from None


def read_body(name: str) -> tuple[str, str]:
    """The issue body from a file or from standard input (`-`), and the name messages give it."""
    if name == "-":
        return sys.stdin.read(), "Issue"
    try:
        return Path(name).read_text(encoding="utf-8"), display_name(name)
    except UnicodeDecodeError:
        raise DataInvalid(
            [Problem(display_name(name), 1, "", "Datei ist nicht in UTF-8 gespeichert")]
        ) from None
