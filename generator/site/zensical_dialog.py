"""Zensical's search dialog in German, free of axe violations, by exact edits of its script.

`theme.language: de` translates Zensical's templates (the search button says „Suche“), but Zensical
0.0.73 draws the dialog the button opens with fixed English labels („Search“, „Filters“, „7
results“), in a shadow root the site's stylesheets do not reach. After the build, each label is
replaced by its German text (the wording of Zensical's own German translation,
partials/languages/de.html, where it has one), and two things axe finds in the open dialog are
mended. Each edited piece must be found exactly once: a Zensical with another script stops the build
with a German message instead of staying half English.
"""

from __future__ import annotations

from pathlib import Path

from generator.site.engines import BuildFailed

BUNDLES = "assets/javascripts"
# (English as the script has it, German): names of the dialog, field, buttons, list, and its texts.
GERMAN = (
    ('"aria-label":"Search","aria-autocomplete"', '"aria-label":"Suche","aria-autocomplete"'),
    ('placeholder:"Search"', 'placeholder:"Suche"'),
    ('"aria-label":"Search","aria-modal"', '"aria-label":"Suche","aria-modal"'),
    ('"aria-label":"Close search"', '"aria-label":"Suche schließen"'),
    ('"aria-label":"Filters"', '"aria-label":"Filter"'),
    ('children:"Filters"', 'children:"Filter"'),
    ('children:"Tags"', 'children:"Schlagwörter"'),
    (
        'children:"Use Up and Down arrow keys to move '
        'between tags. Press Space or Enter to toggle a tag."',
        'children:"Mit den Pfeiltasten nach oben und unten zwischen den Schlagwörtern wechseln, '
        'mit Leertaste oder Eingabetaste ein Schlagwort an- oder abwählen."',
    ),
    ('"aria-label":"Search results"', '"aria-label":"Suchergebnisse"'),
    (
        '"Search is unavailable. Reload the page to try again."',
        '"Die Suche ist nicht verfügbar. Bitte neu laden."',
    ),
    (
        '${new Intl.NumberFormat("en-US").format(i)} ${i===1?"result":"results"}',
        '${new Intl.NumberFormat("de-DE").format(i)} ${i===1?"Suchergebnis":"Suchergebnisse"}',
    ),
    ('"No results"', '"Keine Suchergebnisse"'),
    ('"Loading search\\u2026"', '"Suche wird initialisiert\\u2026"'),
)


# What axe (WCAG 2.1 AA) finds in the open dialog with results.
ACCESSIBLE = (
    # color-contrast: matched words in the accent colour (#526cfe on white, 4.25:1); links have 7:1.
    (
        "mark{background:#0000;color:var(--color-highlight)}",
        "mark{background:#0000;color:var(--md-typeset-a-color)}",
    ),
    # color-contrast: a result's path in 45 % of the text colour (3.4:1); 70 % as the dialog's text.
    (
        "gap:var(--space-1);color:rgb(var(--color-foreground)/.45);list-style:none",
        "gap:var(--space-1);color:rgb(var(--color-foreground)/var(--alpha-light));list-style:none",
    ),
    # label-content-name-mismatch: a result is named by its title alone while it shows title, path
    # and text; named by all it shows, it reads as it looks (and the path is not read twice).
    (
        '"aria-labelledby":`${e.id}-${s.id}-title`,'
        '"aria-describedby":f.length>0?`${e.id}-${s.id}-path`:void 0,',
        "",
    ),
)


class DialogUnchanged(BuildFailed):
    """Zensical's script is not the one these labels were found in (another Zensical version)."""


def german_dialog(script: str) -> str:
    """The theme's script with the dialog in German and mended; refuse one lacking a piece."""
    for english, german in GERMAN + ACCESSIBLE:
        if script.count(english) != 1:
            raise DialogUnchanged(
                f"Zensicals Suchdialog hat eine unbekannte Form: „{english}“ kommt "
                f"{script.count(english)}-mal vor (erwartet: einmal); die deutschen Beschriftungen "
                "in generator/site/zensical_german.py anpassen"
            )
        script = script.replace(english, german)
    return script


def translate_search_dialog(site: Path) -> None:
    """Rewrite the built site's theme script with the German, mended search dialog."""
    bundles = sorted((site / BUNDLES).glob("bundle.*.js"))
    if len(bundles) != 1:
        raise DialogUnchanged(f"Zensical hat nicht genau ein Skript {BUNDLES}/bundle.*.js erzeugt")
    bundles[0].write_text(german_dialog(bundles[0].read_text(encoding="utf-8")), encoding="utf-8")
