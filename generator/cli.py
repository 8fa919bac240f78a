"""Command line: check, generate, build and serve the site (`python -m generator --help`)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from generator.messages import EscapingFormatter, report_problems, say
from generator.model.directory import unconsented_people
from generator.model.gaps import presence_warnings
from generator.pages.report import report
from generator.pages.schemas import write_schemas
from generator.pipeline import generate
from generator.problems import DataInvalid, system_error
from generator.records.freshness import freshness_warnings
from generator.records.newrecord import new_record
from generator.records.requestform import new_request, read_body
from generator.records.skeleton import KINDS, unedited_warnings
from generator.records.validate import load_records
from generator.settings import Profile, SettingInvalid, Settings, read_settings
from generator.site.build import ROOT, TargetRefused
from generator.site.engines import DEFAULT_ENGINE, ENGINES, BuildFailed, build_with
from generator.site.staging import HandWrittenClash, staging_dir

# argparse's own texts (usage line, help option, errors), in German: editors read this output.
# argparse looks up its module-level gettext function `_` at call time, so replacing it translates.
_ARGPARSE_GERMAN = {
    "usage: ": "Aufruf: ",
    "options": "Optionen",
    "positional arguments": "Argumente",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl: %(value)r (möglich: %(choices)s)",
    "expected one argument": "erwartet einen Wert",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option: %(option)s passt zu %(matches)s",
}
# Choices as plain text: argparse shows their repr in its messages.
PROFILE_NAMES = tuple(profile.value for profile in Profile)


def _german(text: str) -> str:
    return _ARGPARSE_GERMAN.get(text, text)


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code."""
    argparse._ = _german  # type: ignore[attr-defined]  # before the parser is built: it translates its titles too
    args = _parser().parse_args(argv)
    handler = logging.StreamHandler()  # the stderr of this run (tests call main() more than once)
    handler.setFormatter(EscapingFormatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    github_actions = False
    try:
        settings = read_settings()  # once: every command gets its day, the age limit and the CI flag from here
        github_actions = settings.github_actions
        return args.command(args, settings)
    except DataInvalid as invalid:
        report_problems(invalid.problems, github_actions)
        written = "" if args.command in (_check, _serve) else "; es wurde nichts geschrieben"
        say(f"{len(invalid.problems)} Fehler gefunden{written}.")
        if invalid.incomplete:
            say(DataInvalid.WAITING)
        return 1
    except SettingInvalid as error:
        # A bad environment variable is a usage error like a bad option: one German line, exit code 2 as argparse.
        say(f"python -m generator: Fehler: {error}")
        return 2
    except TargetRefused as refused:
        say(f"Die Website wurde nicht gebaut: {refused}")
        return 1
    except HandWrittenClash as clash:
        say(f"Die Seiten wurden nicht erzeugt: {clash}")
        return 1
    except MkDocsException as error:
        say(f"Die Website konnte nicht gebaut werden: {error}")
        return 1
    except OSError as error:
        # A full disk, a read-only file, a folder without permission: the file and the reason, in German.
        say(f"Fehler: {system_error(error)}; die Daten und die zuletzt gebaute Website sind unverändert.")
        return 1
    except BuildFailed as error:
        say(f"Die Website konnte nicht gebaut werden. {error}")
        return 1


def _check(args, settings: Settings) -> int:
    started = time.perf_counter()
    records = load_records(args.data, today=settings.today)
    seconds = time.perf_counter() - started
    if args.public_repo:
        return _public_repo_guard(records, settings)
    max_age = args.max_age or settings.max_age_days
    stale = freshness_warnings(records, settings.today, max_age)
    unedited = unedited_warnings(records)
    unplaced = presence_warnings(records)
    warnings = sorted(stale + unedited + unplaced)
    report_problems(warnings, settings.github_actions)
    print(f"Daten in Ordnung: {len(records.partners)} Partner, {len(records.networks)} Netzwerke ({seconds:.2f} s).")
    if stale:
        print(f"{_count(stale, 'Warnung', 'Warnungen')}: Einträge bitte prüfen (älter als {max_age} Tage).")
    if unedited:
        print(f"{_count(unedited, 'Warnung', 'Warnungen')}: Werte aus dem Gerüst neuer Einträge bitte anpassen.")
    if unplaced:
        print(f"{_count(unplaced, 'Warnung', 'Warnungen')}: Länder nationaler Partner bitte eintragen (present_in).")
    return 0


def _public_repo_guard(records, settings: Settings) -> int:
    """Refuse data that names people without consent, when the repository holding it is public."""
    unconsented = sorted(unconsented_people(records))
    if not unconsented:
        print("Daten in Ordnung für ein öffentliches Repository: Jede genannte Person hat eingewilligt.")
        return 0
    report_problems(unconsented, settings.github_actions)
    print(
        f"Abbruch: Dieses Repository ist öffentlich, aber die Daten nennen {_count(unconsented, 'Person', 'Personen')} "
        "ohne Einwilligung. Ihre Namen und Kontaktdaten wären damit für alle lesbar. Bitte das Repository auf "
        "privat stellen (Settings → General → Danger Zone → Change repository visibility) oder diese Personen aus "
        "den Daten entfernen; danach auch die Git-Historie bereinigen (siehe „Daten pflegen“ → "
        "„Widerruf und Löschung“).",
        file=sys.stderr,
    )
    return 1


def _schemas(args, settings: Settings) -> int:
    changed = write_schemas()
    print(f"{len(changed)} JSON-Schemas in schemas/ geändert.")
    return 0


def _new(args, settings: Settings) -> int:
    if args.network and args.kind != "partner":
        raise SettingInvalid("--netzwerk gibt es nur bei „new partner“")
    if args.network and not args.append:
        raise SettingInvalid("--netzwerk braucht --append (der Partner wird dann gleich eingetragen)")
    print(new_record(args.kind, Path(args.data), settings.today, args.append, args.id, args.network), end="")
    return 0


def _request(args, settings: Settings) -> int:
    body, source = read_body(args.issue)
    print(new_request(body, source, Path(args.data), settings.today, args.append, args.issue_number), end="")
    return 0


def _report(args, settings: Settings) -> int:
    records = load_records(args.data, today=settings.today)
    text, due = report(records, settings.today, args.max_age or settings.max_age_days)
    print(text, end="")
    if settings.github_output:
        # A scheduled workflow posts the report only when something is due (steps.<id>.outputs.due).
        with open(settings.github_output, "a", encoding="utf-8") as output:
            output.write(f"due={due}\n")
    return 0


def _count(items: list, one: str, many: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else many}"


def _generate(args, settings: Settings) -> int:
    profile = Profile(args.profile)
    target = staging_dir(profile)
    changed = generate(args.data, target, profile, settings=settings)
    print(f"{len(changed)} Seiten in {target.relative_to(ROOT)}/ geändert.")
    return 0


def _build(args, settings: Settings) -> int:
    started = time.perf_counter()
    profile = Profile(args.profile)
    site = build_with(args.engine, profile, args.data, args.site_dir, settings)
    label = "intern" if profile == Profile.INTERN else "öffentlich"
    if args.engine != DEFAULT_ENGINE:
        label += f", {args.engine.capitalize()}"
    say(f"Website ({label}) gebaut in {time.perf_counter() - started:.1f} s: {site}", sys.stdout)
    return 0


def _serve(args, settings: Settings) -> int:
    from generator.site.preview import serve

    serve(args.data, dev_addr=args.dev_addr, settings=settings)
    return 0


def _days(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"keine gültige Anzahl Tage: „{value}“")
    return int(value)


def _number(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"keine gültige Nummer: „{value}“")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Partnerverzeichnis und Handbuch der OM")
    commands = parser.add_subparsers(required=True, metavar="BEFEHL")

    def command(name: str, handler, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument(
            "--data", default=str(ROOT / "data"), metavar="ORDNER", help="Ordner mit den YAML-Dateien (Standard: data/)"
        )
        sub.set_defaults(command=handler)
        return sub

    check = command("check", _check, "Daten nur prüfen.")
    check.add_argument(
        "--max-age",
        type=_days,
        default=None,
        help="Warnung für Einträge, deren Prüfung (verified_on) länger zurückliegt (Standard: 365 Tage)",
    )
    check.add_argument(
        "--public-repo",
        action="store_true",
        help="für ein öffentliches Repository: Fehler (Exit-Code 1) für jede Person ohne Einwilligung (consent)",
    )
    generate_command = command(
        "generate", _generate, "Seiten nach build/docs/ (intern: build/docs-intern/) erzeugen, ohne zu bauen."
    )
    generate_command.add_argument(
        "--profile", choices=PROFILE_NAMES, default=Profile.PUBLIC.value, help="public (Standard) oder intern"
    )
    build = command("build", _build, "Daten prüfen, Seiten erzeugen und die Website bauen.")
    build.add_argument(
        "--profile", choices=PROFILE_NAMES, default=Profile.PUBLIC.value, help="public (Standard) oder intern"
    )
    build.add_argument("--site-dir", metavar="ORDNER", help="Zielordner (Standard: site/ bzw. site-intern/)")
    build.add_argument(
        "--engine", choices=ENGINES, default=DEFAULT_ENGINE, help="mkdocs (Standard) oder zensical (Erprobung)"
    )
    serve = command("serve", _serve, "Live-Vorschau unter http://127.0.0.1:8000/.")
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="Adresse und Port der Vorschau (Standard: 127.0.0.1:8000)"
    )
    command("schemas", _schemas, "JSON-Schemas der Datendateien nach schemas/ schreiben (für Editoren).")
    new = command("new", _new, "Kommentiertes Gerüst eines neuen Eintrags ausgeben oder anhängen.")
    new.add_argument("kind", choices=tuple(KINDS), help="partner oder network")
    new.add_argument(
        "--append", action="store_true", help="in die Datendatei einfügen (nach Kennungen geordnet) statt ausgeben"
    )
    new.add_argument("--id", metavar="KENNUNG", help="Kennung des neuen Eintrags, z. B. hwk-dresden")
    new.add_argument(
        "--network", "--netzwerk", metavar="NETZWERK", help="neuen Partner gleich in diesem Netzwerk eintragen"
    )
    request = command(
        "request", _request, "Aus einem Issue „Ansprechperson anfragen“ eine neue Anfrage für requests.yaml machen."
    )
    request.add_argument("issue", metavar="DATEI", help="Text (Body) des Issues als Datei, „-“ für die Standardeingabe")
    request.add_argument(
        "--append", action="store_true", help="in data/requests.yaml einfügen (nach Datum geordnet) statt ausgeben"
    )
    request.add_argument("--issue-number", type=_number, metavar="NUMMER", help="Nummer des Issues, für die Notiz")
    report_command = command(
        "report", _report, "Überfällige Anfragen und zu prüfende Einträge als Markdown ausgeben (für ein Issue)."
    )
    report_command.add_argument(
        "--max-age",
        type=_days,
        default=None,
        metavar="TAGE",
        help="Einträge, deren Prüfung länger zurückliegt (Standard: 365 Tage)",
    )
    return parser
