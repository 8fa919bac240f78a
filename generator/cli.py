"""Command line: check, generate, build and serve the site (`python -m generator --help`)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .model import PROFILES
from .pipeline import generate
from .problems import DataInvalid
from .site import CONFIG, ROOT, build_site
from .validate import load_records


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return args.command(args)
    except DataInvalid as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        count = len(invalid.problems)
        print(f"{count} Fehler gefunden; es wurde nichts geschrieben.", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"Die Website konnte nicht gebaut werden: {error}", file=sys.stderr)
        return 1


def _check(args) -> int:
    started = time.perf_counter()
    records = load_records(args.data)
    seconds = time.perf_counter() - started
    print(f"Daten in Ordnung: {len(records.partners)} Partner, {len(records.networks)} Netzwerke ({seconds:.2f} s).")
    return 0


def _generate(args) -> int:
    changed = generate(args.data, ROOT / "docs", "public")
    print(f"{len(changed)} erzeugte Seiten geändert.")
    return 0


def _build(args) -> int:
    started = time.perf_counter()
    site = build_site(args.profile, args.data, args.site_dir)
    label = "intern" if args.profile == "intern" else "öffentlich"
    print(f"Website ({label}) gebaut in {time.perf_counter() - started:.1f} s: {site}")
    return 0


def _serve(args) -> int:
    from mkdocs.commands.serve import serve

    load_records(args.data)
    serve(str(CONFIG), dev_addr=args.dev_addr, extra={"profile": "public", "data_dir": str(Path(args.data).resolve())})
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Partnerverzeichnis und Handbuch der OM")
    commands = parser.add_subparsers(required=True, metavar="BEFEHL")

    def command(name: str, handler, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--data", default=str(ROOT / "data"), help="Ordner mit den YAML-Dateien (Standard: data/)")
        sub.set_defaults(command=handler)
        return sub

    command("check", _check, "Daten nur prüfen.")
    command("generate", _generate, "Öffentliche Seiten in docs/ erzeugen, ohne die Website zu bauen.")
    build = command("build", _build, "Daten prüfen, Seiten erzeugen und die Website bauen.")
    build.add_argument("--profile", choices=PROFILES, default="public", help="public (Standard) oder intern")
    build.add_argument("--site-dir", help="Zielordner (Standard: site/ bzw. site-intern/)")
    serve = command("serve", _serve, "Live-Vorschau unter http://127.0.0.1:8000/.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    return parser
