"""The `python -m generator` commands: each takes arguments and settings, returns the exit code."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.files import write_atomic
from generator.messages import report_problems, say
from generator.model.directory import unconsented_people
from generator.model.gaps import presence_warnings
from generator.pages.cms import formatted_files, write_config
from generator.pages.report import report as weekly_report
from generator.pages.schemas import write_schemas
from generator.pipeline import build_with
from generator.pipeline import generate as stage
from generator.problems import DataInvalid, Problem, display_name
from generator.records.freshness import freshness_warnings
from generator.records.newrecord import new_record
from generator.records.rename import rename_record
from generator.records.requestform import new_request, read_body
from generator.records.rules.overtime import ambassador_warnings, left_partner_warnings
from generator.records.skeleton import unedited_warnings
from generator.records.validate import load_records
from generator.settings import Profile, SettingInvalid, Settings
from generator.site.build import ROOT
from generator.site.engines import DEFAULT_ENGINE, NAMES
from generator.site.staging import staging_dir


def check(args, settings: Settings) -> int:
    started = time.perf_counter()
    records = load_records(args.data, today=settings.today)
    seconds = time.perf_counter() - started
    if args.public_repo:
        return _public_repo_guard(records, settings)
    max_age = args.max_age or settings.max_age_days
    stale = freshness_warnings(records, settings.today, max_age)
    unedited = unedited_warnings(records)
    unplaced = presence_warnings(records)
    overtime = left_partner_warnings(records) + ambassador_warnings(records)
    warnings = sorted(stale + unedited + unplaced + overtime)
    report_problems(warnings, settings.github_actions)
    print(
        f"Daten in Ordnung: {len(records.partners)} Partner, "
        f"{len(records.networks)} Netzwerke ({seconds:.2f} s)."
    )
    if stale:
        print(
            f"{_count(stale, 'Warnung', 'Warnungen')}: "
            f"Einträge bitte prüfen (älter als {max_age} Tage)."
        )
    if unedited:
        print(
            f"{_count(unedited, 'Warnung', 'Warnungen')}: Werte "
            "aus dem Gerüst neuer Einträge bitte anpassen."
        )
    if unplaced:
        print(
            f"{_count(unplaced, 'Warnung', 'Warnungen')}: Länder "
            "nationaler Partner bitte eintragen (present_in)."
        )
    if overtime:
        print(
            f"{_count(overtime, 'Warnung', 'Warnungen')}: Beteiligungen an Netzwerken bitte prüfen."
        )
    return 0


def _public_repo_guard(records, settings: Settings) -> int:
    """Refuse data that names people without consent, when the repository holding it is public."""
    unconsented = sorted(unconsented_people(records))
    if not unconsented:
        print(
            "Daten in Ordnung für ein öffentliches "
            "Repository: Jede genannte Person hat eingewilligt."
        )
        return 0
    report_problems(unconsented, settings.github_actions)
    print(
        "Abbruch: Dieses Repository ist öffentlich, aber die Daten nennen "
        f"{_count(unconsented, 'Person', 'Personen')} ohne Einwilligung. "
        "Ihre Namen und Kontaktdaten wären damit für alle lesbar. Bitte das Repository auf "
        "privat stellen (Settings → General → Danger Zone → Change repository visibility) "
        "oder diese Personen aus den Daten entfernen; danach auch die Git-Historie bereinigen "
        "(siehe „Daten pflegen“ → „Widerruf und Löschung“).",
        file=sys.stderr,
    )
    return 1


def schemas(args, settings: Settings) -> int:
    changed = write_schemas()
    print(f"{len(changed)} JSON-Schemas in schemas/ geändert.")
    return 0


def cms(args, settings: Settings) -> int:
    changed = write_config()
    print("docs/redaktion/config.yml " + ("geändert." if changed else "unverändert."))
    return 0


UNFORMATTED = (
    "nicht in der Form, in der die Redaktionsseite speichert; bitte „python -m generator format“ "
    "ausführen oder den Eintrag auf der Redaktionsseite öffnen und speichern"
)


def format_data(args, settings: Settings) -> int:
    """Bring the data files into the editing page's form; with --check only report which differ."""
    records = load_records(args.data, today=settings.today)
    files = formatted_files(records, Path(args.data))
    differing = {file: new for file, (old, new) in files.items() if old != new}
    if args.check:
        problems = [
            Problem(display_name(file), _first_difference(files[file][0], new), "", UNFORMATTED)
            for file, new in sorted(differing.items())
        ]
        report_problems(problems, settings.github_actions)
        if problems:
            return 1
        print(f"Alle {len(files)} Datendateien in der Form der Redaktionsseite.")
        return 0
    for file in _write_in_form(differing):
        print(f"{display_name(file)} neu geschrieben.")
    print(f"{len(differing)} von {len(files)} Datendateien geändert.")
    return 0


def _write_in_form(differing: dict[Path, str]) -> list[Path]:
    """Write the formatted files (all checked before the first is written); return them in order."""
    for file, text in sorted(differing.items()):
        write_atomic(file, text.encode("utf-8"))
    return sorted(differing)


def _files_in_form(data_dir: Path, settings: Settings) -> dict[Path, tuple[str, str]]:
    """Each data file's text and its text in the editing page's form; nothing if data is invalid."""
    try:
        return formatted_files(load_records(data_dir, today=settings.today), data_dir)
    except DataInvalid:
        return {}


def _keep_in_form(data_dir: Path, settings: Settings, before: dict[Path, tuple[str, str]]) -> None:
    """After a command edited data as text: files that were in the editing page's form stay in it.

    A file kept by hand (with comments) is left as the command wrote it; invalid data are left as
    they are: the command has said what is wrong, and `check` says it again.
    """
    were_in_form = {file for file, (old, new) in before.items() if old == new}
    if not were_in_form:  # printed only, or every file kept by hand: nothing to keep
        return
    after = _files_in_form(data_dir, settings)
    _write_in_form(
        {file: new for file, (old, new) in after.items() if old != new and file in were_in_form}
    )


def _first_difference(old: str, new: str) -> int:
    for number, (before, after) in enumerate(
        zip(old.splitlines(), new.splitlines(), strict=False), start=1
    ):
        if before != after:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def new(args, settings: Settings) -> int:
    if args.network and args.kind != "partner":
        raise SettingInvalid("--netzwerk gibt es nur bei „new partner“")
    if args.network and not args.append:
        raise SettingInvalid(
            "--netzwerk braucht --append (der Partner wird dann gleich eingetragen)"
        )
    in_form = _files_in_form(Path(args.data), settings) if args.append else {}
    print(
        new_record(args.kind, Path(args.data), settings.today, args.append, args.id, args.network),
        end="",
    )
    _keep_in_form(Path(args.data), settings, in_form)
    return 0


def rename(args, settings: Settings) -> int:
    in_form = _files_in_form(Path(args.data), settings)
    print(rename_record(args.kind, Path(args.data), args.old, args.new, settings.today), end="")
    _keep_in_form(Path(args.data), settings, in_form)
    return 0


def request(args, settings: Settings) -> int:
    body, source = read_body(args.issue)
    in_form = _files_in_form(Path(args.data), settings) if args.append else {}
    print(
        new_request(body, source, Path(args.data), settings.today, args.append, args.issue_number),
        end="",
    )
    _keep_in_form(Path(args.data), settings, in_form)
    return 0


def report(args, settings: Settings) -> int:
    records = load_records(args.data, today=settings.today)
    text, due = weekly_report(records, settings.today, args.max_age or settings.max_age_days)
    print(text, end="")
    if settings.github_output:
        # A scheduled workflow posts the report only when something is due (steps.<id>.outputs.due).
        with open(settings.github_output, "a", encoding="utf-8") as output:
            output.write(f"due={due}\n")
    return 0


def _count(items: list, one: str, many: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else many}"


def generate(args, settings: Settings) -> int:
    profile = Profile(args.profile)
    target = staging_dir(profile)
    changed = stage(args.data, target, profile, settings=settings).changed
    print(f"{len(changed)} Seiten in {target.relative_to(ROOT)}/ geändert.")
    return 0


def build(args, settings: Settings) -> int:
    started = time.perf_counter()
    profile = Profile(args.profile)
    if args.offline and args.engine != DEFAULT_ENGINE:
        raise SettingInvalid("--offline gibt es nur mit der Engine mkdocs")
    site = build_with(
        args.engine, profile, args.data, args.site_dir, settings, offline=args.offline
    )
    label = "intern" if profile == Profile.INTERN else "öffentlich"
    if args.engine != DEFAULT_ENGINE:
        label += f", {NAMES[args.engine]}"
    if args.offline:
        label += ", zum Öffnen aus dem Ordner"
    say(f"Website ({label}) gebaut in {time.perf_counter() - started:.1f} s: {site}", sys.stdout)
    if args.offline:
        say(
            f"Zum Ansehen {site / 'index.html'} im Browser "
            "öffnen (Doppelklick); ein Server ist nicht nötig.",
            sys.stdout,
        )
    return 0


def serve(args, settings: Settings) -> int:
    from generator.serve import serve

    serve(args.data, dev_addr=args.dev_addr, settings=settings, engine=args.engine)
    return 0
