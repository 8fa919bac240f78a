"""The rules of the handbook data: procedure, agreement, signatures and Botschafter, each with its German message."""

from __future__ import annotations

from .support import replace_in

# The contact procedure (process.yaml)


def test_duplicate_role_id(editor):
    first = editor.line_of("process.yaml", "  - id: network")
    to_person = editor.line_of("process.yaml", "    to: person")
    assert editor("process.yaml", "  - id: person\n", "  - id: network\n") == [
        f"data/process.yaml:{{line}}: roles[3] „Regionale Ansprechperson“ (network).id: Kennung „network“ ist "
        f"doppelt vergeben (Rolle in Zeile {first})",
        f"data/process.yaml:{to_person}: steps[5] (person-informed).to: unbekannte Rolle „person“ (nicht in roles)",
    ]


def test_duplicate_step_id(editor):
    first = editor.line_of("process.yaml", "  - id: liaison-named")
    assert editor("process.yaml", "  - id: single-route\n", "  - id: liaison-named\n") == [
        f"data/process.yaml:{{line}}: steps[1] (liaison-named).id: Kennung „liaison-named“ ist doppelt vergeben "
        f"(Schritt in Zeile {first})"
    ]


def test_step_by_an_unknown_role_suggests_the_closest(editor):
    assert editor("process.yaml", "    actor: network\n", "    actor: netwrk\n") == [
        "data/process.yaml:{line}: steps[2] (requested).actor: unbekannte Rolle „netwrk“ (nicht in roles); meinten "
        "Sie „network“?"
    ]


def test_step_to_an_unknown_role(editor):
    assert editor("process.yaml", "    to: person\n", "    to: kammer\n") == [
        "data/process.yaml:{line}: steps[5] (person-informed).to: unbekannte Rolle „kammer“ (nicht in roles)"
    ]


def test_step_to_its_own_actor(editor):
    assert editor("process.yaml", "    to: person\n", "    to: partner\n") == [
        "data/process.yaml:{line}: steps[5] (person-informed).to: der Schritt richtet sich an dieselbe Rolle, "
        "die ihn ausführt („partner“)"
    ]


def test_procedure_without_an_office_contact(editor, data_dir):
    old = (
        "    contact:\n"
        "      organisation: Geschäftsstelle der Offensive Mittelstand (Beispieladresse)\n"
        "      email: geschaeftsstelle@example.org\n"
    )
    roles = editor.line_of("process.yaml", "roles:")
    assert editor("process.yaml", old, "") == [
        f"data/process.yaml:{roles}: roles: keine Rolle hat einen Kontakt; "
        "die Koordinierungsstelle (OM-Geschäftsstelle) braucht „contact“"
    ]


def test_only_the_office_has_a_contact(editor):
    office = editor.line_of("process.yaml", "  - id: office")
    partner = editor.line_of("process.yaml", "  - id: partner")
    contact = "    contact:\n      organisation: Netzwerkbüro\n      email: netz@example.org\n"
    assert editor("process.yaml", "  - id: partner\n", "  - id: partner\n" + contact) == [
        f"data/process.yaml:{partner + 1}: roles[2] „Nationale OM-Partnerinstitution mit nationaler Ansprechperson“ "
        "(partner).contact: nur die Koordinierungsstelle hat einen Kontakt, "
        f"und das ist schon die Rolle in Zeile {office}"
    ]


def test_procedure_needs_steps(editor, data_dir):
    text = (data_dir / "process.yaml").read_text(encoding="utf-8")
    steps = text[text.index("steps:\n") :]
    # The request log's rules also miss their steps; this rule says what is wrong with the list itself.
    assert "data/process.yaml:{line}: steps: mindestens ein Schritt ist nötig" in editor(
        "process.yaml", steps, "steps: []\n"
    )


# The agreement (agreement.yaml)


def test_duplicate_version_id(editor):
    first = editor.line_of("agreement.yaml", "  - id: 2021-06-21")
    found = editor("agreement.yaml", "  - id: 2021-11-11\n", "  - id: 2021-06-21\n")
    assert found[0] == (
        f"data/agreement.yaml:{{line}}: versions[1] (2021-06-21).id: Kennung „2021-06-21“ ist doppelt vergeben "
        f"(Fassung in Zeile {first})"
    )


def test_versions_stand_in_order_of_their_dates(editor):
    assert editor("agreement.yaml", "    date: 2021-11-11\n", "    date: 2021-05-01\n") == [
        "data/agreement.yaml:{line}: versions[1] (2021-11-11).date: Datum 2021-05-01 liegt nicht nach dem der "
        "vorigen Fassung "
        "„2021-06-21“ (2021-06-21); Fassungen stehen in zeitlicher Reihenfolge, die älteste zuerst"
    ]


def test_duplicate_clause_id(editor):
    first = editor.line_of("agreement.yaml", "      - id: ziel")
    assert editor("agreement.yaml", "      - id: regionale-netzwerke\n", "      - id: ziel\n") == [
        f"data/agreement.yaml:{{line}}: versions[0] (2021-06-21).clauses[1].id: Kennung „ziel“ ist doppelt vergeben "
        f"(Abschnitt in Zeile {first})"
    ]


def test_duplicate_clause_number(editor):
    first = editor.line_of("agreement.yaml", "      - id: ziel")
    found = editor("agreement.yaml", "        number: 2\n", "        number: 1\n")
    assert found == [
        f"data/agreement.yaml:{{line}}: versions[0] (2021-06-21).clauses[1].number: Nummer „1“ ist doppelt vergeben "
        f"(Abschnitt in Zeile {first})"
    ]


def test_clause_numbers_ascend(editor):
    third = editor.line_of("agreement.yaml", "        number: 3")
    assert editor("agreement.yaml", "        number: 2\n", "        number: 9\n") == [
        f"data/agreement.yaml:{third}: versions[0] (2021-06-21).clauses[2].number: Nummer 3 folgt auf Nummer 9; "
        "Abschnitte stehen aufsteigend nummeriert"
    ]


def test_clause_number_must_be_a_whole_number(editor):
    assert editor("agreement.yaml", "        number: 3\n", "        number: 3a\n") == [
        "data/agreement.yaml:{line}: versions[0] (2021-06-21).clauses[2].number: keine gültige Nummer; "
        'bitte eine ganze Zahl schreiben, z. B. „3“ ("3a")'
    ]


def test_unknown_version_status_suggests_the_closest(editor):
    assert editor("agreement.yaml", "    status: entwurf\n", "    status: entwuf\n") == [
        'data/agreement.yaml:{line}: versions[0] (2021-06-21).status: unbekannter Wert ("entwuf"); '
        "erlaubt: entwurf, final, verabschiedet; meinten Sie „entwurf“?"
    ]


def test_timeline_stands_in_order_of_its_dates(editor):
    assert editor("agreement.yaml", "    date: 2021-10-01\n", "    date: 2021-07-01\n") == [
        "data/agreement.yaml:{line}: timeline[2].date: Datum 2021-07-01 liegt vor dem des vorigen Schritts "
        "(2021-08-31); der Zeitplan steht in zeitlicher Reihenfolge"
    ]


def test_assumed_date_is_true_or_false(editor):
    assert editor("agreement.yaml", "    assumed: true\n", "    assumed: ja\n") == [
        'data/agreement.yaml:{line}: timeline[2].assumed: muss true oder false sein ("ja")'
    ]


def test_done_step_after_an_open_one(editor, data_dir):
    last = "    date: 2021-11-11\n    state: geplant\n"
    replace_in(data_dir / "agreement.yaml", last, last.replace("geplant", "erledigt"))
    old = "    date: 2021-10-01\n    assumed: true\n    deadline: true\n    state: geplant\n"
    open_step = editor.line_of("agreement.yaml", "  - title: Finale Fassung durch die AG QS")
    done = editor.line_of("agreement.yaml", last.replace("geplant", "erledigt")) + 1
    message = f"ein erledigter Schritt kann nicht auf einen offenen folgen (offener Schritt in Zeile {open_step})"
    assert editor("agreement.yaml", old, old.replace("geplant", "offen")) == [
        f"data/agreement.yaml:{done}: timeline[4].state: {message}",
    ]


# Signatures and Botschafter (networks.yaml)


def test_signature_of_an_unknown_version_suggests_the_closest(editor):
    assert editor("networks.yaml", "      - version: 2021-11-11\n", "      - version: 2021-11-12\n") == [
        "data/networks.yaml:{line}: networks[5] „Beispielnetzwerk Dresden“ (beispiel-dresden).agreement[0].version: "
        "unbekannte Fassung „2021-11-12“ "
        "(nicht in agreement.yaml); meinten Sie „2021-11-11“?"
    ]


def test_only_an_adopted_version_can_be_signed(editor):
    assert editor("networks.yaml", "      - version: 2021-11-11\n", "      - version: 2021-06-21\n") == [
        "data/networks.yaml:{line}: networks[5] „Beispielnetzwerk Dresden“ (beispiel-dresden).agreement[0].version: "
        "die Fassung „2021-06-21“ ist nicht verabschiedet "
        "(Status „entwurf“); unterzeichnet wird nur eine verabschiedete Fassung"
    ]


def test_signed_before_the_version_existed(editor):
    assert editor("networks.yaml", "        signed_on: 2022-03-15\n", "        signed_on: 2021-11-01\n") == [
        "data/networks.yaml:{line}: networks[5] „Beispielnetzwerk Dresden“ "
        "(beispiel-dresden).agreement[0].signed_on: unterzeichnet am 2021-11-01, "
        "vor dem Datum der Fassung (2021-11-11)"
    ]


def test_signatures_stand_oldest_first(editor):
    assert editor("networks.yaml", "        signed_on: 2026-04-20\n", "        signed_on: 2022-03-14\n") == [
        "data/networks.yaml:{line}: networks[5] „Beispielnetzwerk Dresden“ "
        "(beispiel-dresden).agreement[1].signed_on: unterzeichnet am 2022-03-14, vor der "
        "Unterschrift davor (2022-03-15); die Unterschriften stehen in zeitlicher Reihenfolge, die älteste zuerst"
    ]


def test_the_single_signature_of_earlier_data_still_validates_and_is_named_as_written(editor):
    signatures = "    agreement:\n      - version: 2021-11-11\n        signed_on: 2022-03-15\n"
    signatures += "      - version: 2021-11-11\n        signed_on: 2026-04-20\n"
    assert (
        editor("networks.yaml", signatures, "    agreement:\n      version: 2021-11-11\n      signed_on: 2026-04-20\n")
        == []
    )
    assert editor("networks.yaml", "      version: 2021-11-11\n", "      version: 2021-06-21\n") == [
        "data/networks.yaml:{line}: networks[5] „Beispielnetzwerk Dresden“ (beispiel-dresden).agreement.version: die "
        "Fassung „2021-06-21“ ist nicht verabschiedet "
        "(Status „entwurf“); unterzeichnet wird nur eine verabschiedete Fassung"
    ]


def test_botschafter_of_an_unknown_partner(editor):
    assert editor("networks.yaml", "        partner: hwk-hannover\n", "        partner: hwk-hanover\n") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).ambassadors[0].partner: "
        "unbekannter Partner „hwk-hanover“ "
        "(nicht in partners.yaml); meinten Sie „hwk-hannover“?"
    ]


def test_botschafter_email_is_checked_like_every_person(editor):
    assert editor("networks.yaml", "        email: n.schablonski@example.org\n", "        email: n.schablonski@\n") == [
        "data/networks.yaml:{line}: networks[2] „Musternetzwerk Hannover“ (hannover).ambassadors[0].email: keine "
        'gültige E-Mail-Adresse ("n.schablonski@")'
    ]
