"""Command line: check, generate, build and serve the site (`python -m generator --help`)."""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import Iterator

from mkdocs.exceptions import MkDocsException

from generator import commands
from generator.messages import EscapingFormatter, report_problems, say
from generator.problems import DataInvalid, system_error
from generator.records.schema.kinds import KINDS
from generator.settings import Profile, SettingInvalid, read_settings
from generator.site.build import ROOT, TargetRefused
from generator.site.engines import DEFAULT_ENGINE, ENGINES, BuildFailed, engine_help
from generator.site.staging import HandWrittenClash

# argparse's own texts (usage line, help option, errors), in German: editors read this output.
# argparse looks up its module-level gettext function `_` at call time, so replacing it translates
# (gettext itself would need a compiled catalogue, and would translate for the whole process too).
_ARGPARSE_GERMAN = {
    "usage: ": "Aufruf: ",
    "options": "Optionen",
    "positional arguments": "Argumente",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)"
    ),
    "expected one argument": "erwartet einen Wert",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
}
# Choices as plain text: argparse shows their repr in its messages.
PROFILE_NAMES = tuple(profile.value for profile in Profile)


def _german(text: str) -> str:
    return _ARGPARSE_GERMAN.get(text, text)


@contextlib.contextmanager
def german_argparse() -> Iterator[None]:
    """argparse's own texts in German while the block runs (building the parser, reading args)."""
    # argparse's gettext function, looked up at call time
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = _german  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code."""
    with german_argparse():  # around building the parser too: it translates its titles then
        args = _parser().parse_args(argv)
    handler = logging.StreamHandler()  # the stderr of this run (tests call main() more than once)
    handler.setFormatter(EscapingFormatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    github_actions = False
    try:
        # Once: every command gets its day, the age limit and the CI flag from here
        settings = read_settings()
        github_actions = settings.github_actions
        return args.command(args, settings)
    except DataInvalid as invalid:
        return _data_invalid(invalid, args.command, github_actions)
    except SettingInvalid as error:
        # A bad environment variable is a usage error like a bad option: a German line, exit code 2.
        say(f"python -m generator: Fehler: {error}")
        return 2
    except (TargetRefused, HandWrittenClash, MkDocsException, OSError, BuildFailed) as error:
        say(_failure(error))
        return 1


def _data_invalid(invalid: DataInvalid, command, github_actions: bool) -> int:
    report_problems(invalid.problems, github_actions)
    written = "" if command in (commands.check, commands.serve) else "; es wurde nichts geschrieben"
    say(f"{len(invalid.problems)} Fehler gefunden{written}.")
    if invalid.incomplete:
        say(DataInvalid.WAITING)
    return 1


def _failure(error: Exception) -> str:
    """The German line for a failure that leaves the data and the last built site as they were."""
    if isinstance(error, TargetRefused):
        return f"Die Website wurde nicht gebaut: {error}"
    if isinstance(error, HandWrittenClash):
        return f"Die Seiten wurden nicht erzeugt: {error}"
    if isinstance(error, MkDocsException):
        return f"Die Website konnte nicht gebaut werden: {error}"
    if isinstance(error, OSError):
        # A full disk, a read-only file, a folder without permission: the file and reason in German.
        return (
            f"Fehler: {system_error(error)}; die Daten und "
            "die zuletzt gebaute Website sind unverändert."
        )
    return f"Die Website konnte nicht gebaut werden. {error}"


def _days(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"keine gültige Anzahl Tage: „{value}“")
    return int(value)


def _number(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"keine gültige Nummer: „{value}“")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Partnerverzeichnis und Handbuch der OM"
    )
    subcommands = parser.add_subparsers(required=True, metavar="BEFEHL")

    def command(name: str, handler, text: str) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(name, help=text, description=text)
        sub.add_argument(
            "--data",
            default=str(ROOT / "data"),
            metavar="ORDNER",
            help="Ordner mit den YAML-Dateien (Standard: data/)",
        )
        sub.set_defaults(command=handler)
        return sub

    check = command("check", commands.check, "Daten nur prüfen.")
    check.add_argument(
        "--max-age",
        type=_days,
        default=None,
        help=(
            "Warnung für Einträge, deren Prüfung (verified_on) "
            "länger zurückliegt (Standard: 365 Tage)"
        ),
    )
    check.add_argument(
        "--public-repo",
        action="store_true",
        help=(
            "für ein öffentliches Repository: Fehler (Exit-Code 1) für jede Person ohne "
            "Einwilligung (consent)"
        ),
    )
    generate_command = command(
        "generate",
        commands.generate,
        "Seiten nach build/docs/ (intern: build/docs-intern/) erzeugen, ohne zu bauen.",
    )
    generate_command.add_argument(
        "--profile",
        choices=PROFILE_NAMES,
        default=Profile.PUBLIC.value,
        help="public (Standard) oder intern",
    )
    build = command("build", commands.build, "Daten prüfen, Seiten erzeugen und die Website bauen.")
    build.add_argument(
        "--profile",
        choices=PROFILE_NAMES,
        default=Profile.PUBLIC.value,
        help="public (Standard) oder intern",
    )
    build.add_argument(
        "--site-dir", metavar="ORDNER", help="Zielordner (Standard: site/ bzw. site-intern/)"
    )
    build.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE, help=engine_help())
    build.add_argument(
        "--offline",
        action="store_true",
        help=(
            "Website zum Öffnen aus einem Ordner (Doppelklick "
            "auf index.html): Links, Suche und Karte ohne Server"
        ),
    )
    serve = command("serve", commands.serve, "Live-Vorschau unter http://127.0.0.1:8000/.")
    serve.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        help="Adresse und Port der Vorschau (Standard: 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help=engine_help()
        + "; MkDocs baut nur geänderte Seiten neu, Zensical bei jedem Speichern alles",
    )
    command(
        "schemas",
        commands.schemas,
        "JSON-Schemas der Datendateien nach schemas/ schreiben (für Editoren).",
    )
    command(
        "cms",
        commands.cms,
        "Konfiguration der Redaktionsseite (docs/redaktion/config.yml) aus dem Schema schreiben.",
    )
    format_command = command(
        "format",
        commands.format_data,
        "Datendateien in die Form bringen, in der die Redaktionsseite speichert.",
    )
    format_command.add_argument(
        "--check",
        action="store_true",
        help="nur prüfen (Exit-Code 1, wenn eine Datei anders aussieht)",
    )
    new = command(
        "new", commands.new, "Kommentiertes Gerüst eines neuen Eintrags ausgeben oder anhängen."
    )
    new.add_argument("kind", choices=tuple(KINDS), help="partner oder network")
    new.add_argument(
        "--append",
        action="store_true",
        help="in die Datendatei einfügen (nach Kennungen geordnet) statt ausgeben",
    )
    new.add_argument(
        "--id", metavar="KENNUNG", help="Kennung des neuen Eintrags, z. B. hwk-dresden"
    )
    new.add_argument(
        "--network",
        "--netzwerk",
        metavar="NETZWERK",
        help="neuen Partner gleich in diesem Netzwerk eintragen",
    )
    rename = command(
        "rename",
        commands.rename,
        "Kennung eines Partners oder Netzwerks ändern, mit allen Verweisen; "
        "die alte Adresse leitet weiter.",
    )
    rename.add_argument("kind", choices=tuple(KINDS), help="partner oder network")
    rename.add_argument("old", metavar="ALT", help="bisherige Kennung, z. B. owl")
    rename.add_argument("new", metavar="NEU", help="neue Kennung, z. B. ostwestfalen-lippe")
    request = command(
        "request",
        commands.request,
        "Aus einem Issue „Ansprechperson anfragen“ eine neue Anfrage für requests.yaml machen.",
    )
    request.add_argument(
        "issue",
        metavar="DATEI",
        help="Text (Body) des Issues als Datei, „-“ für die Standardeingabe",
    )
    request.add_argument(
        "--append",
        action="store_true",
        help="in data/requests.yaml einfügen (nach Datum geordnet) statt ausgeben",
    )
    request.add_argument(
        "--issue-number", type=_number, metavar="NUMMER", help="Nummer des Issues, für die Notiz"
    )
    report_command = command(
        "report",
        commands.report,
        "Überfällige Anfragen und zu prüfende Einträge als Markdown ausgeben (für ein Issue).",
    )
    report_command.add_argument(
        "--max-age",
        type=_days,
        default=None,
        metavar="TAGE",
        help="Einträge, deren Prüfung länger zurückliegt (Standard: 365 Tage)",
    )
    return parser
