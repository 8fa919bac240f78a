"""Synthetic but valid data of any size, for the benchmark and for measuring the preview at scale.

    python scripts/synthetic.py TARGET [--partners 1000] [--national 100] [--networks 200]
                                [--requests 2000]

writes the five data files into TARGET (a new or empty folder). The data is fictional, deterministic
(the same options give the same bytes) and passes `python -m generator check --data TARGET`.
The module writes YAML text itself and imports nothing from generator/, so it keeps working
while the loader changes; the other data files (procedure, agreement, legal pages) are copied
from the test fixtures.
About a tenth of the names carry umlauts (München, Köln, Lübeck, …), as the real data does, so the
search index and its ASCII spellings grow the way they would.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"
# Every recorded date lies before this day, so `check` never sees a date in the future.
LAST_DAY = (2026, 10, 31)
STEPS = (
    "requested",
    "liaison-asked",
    "person-named",
    "person-informed",
    "contact-passed",
)  # logged steps of process.yaml
# Written here; the others are copied
GENERATED = ("partners.yaml", "networks.yaml", "requests.yaml")
AGREEMENT_VERSION = "2021-11-11"  # the adopted version in the fixture agreement.yaml

# Cities with a state and a point inside Germany; networks and regional partners spread over them.
CITIES = (
    ("München", "BY", 48.137, 11.575),
    ("Nürnberg", "BY", 49.452, 11.077),
    ("Würzburg", "BY", 49.791, 9.953),
    ("Augsburg", "BY", 48.370, 10.898),
    ("Köln", "NW", 50.937, 6.960),
    ("Düsseldorf", "NW", 51.227, 6.773),
    ("Münster", "NW", 51.960, 7.626),
    ("Bielefeld", "NW", 52.030, 8.532),
    ("Dortmund", "NW", 51.514, 7.465),
    ("Hannover", "NI", 52.376, 9.732),
    ("Göttingen", "NI", 51.541, 9.916),
    ("Osnabrück", "NI", 52.279, 8.047),
    ("Lübeck", "SH", 53.866, 10.686),
    ("Kiel", "SH", 54.323, 10.123),
    ("Hamburg", "HH", 53.551, 9.993),
    ("Bremen", "HB", 53.079, 8.801),
    ("Berlin", "BE", 52.520, 13.405),
    ("Potsdam", "BB", 52.391, 13.065),
    ("Cottbus", "BB", 51.756, 14.333),
    ("Rostock", "MV", 54.092, 12.099),
    ("Greifswald", "MV", 54.093, 13.387),
    ("Dresden", "SN", 51.050, 13.737),
    ("Leipzig", "SN", 51.340, 12.375),
    ("Zwickau", "SN", 50.718, 12.496),
    ("Magdeburg", "ST", 52.120, 11.628),
    ("Halle", "ST", 51.483, 11.970),
    ("Erfurt", "TH", 50.978, 11.029),
    ("Jena", "TH", 50.927, 11.589),
    ("Frankfurt", "HE", 50.110, 8.682),
    ("Kassel", "HE", 51.312, 9.479),
    ("Gießen", "HE", 50.584, 8.678),
    ("Mainz", "RP", 49.993, 8.247),
    ("Trier", "RP", 49.750, 6.637),
    ("Saarbrücken", "SL", 49.240, 6.997),
    ("Stuttgart", "BW", 48.776, 9.183),
    ("Tübingen", "BW", 48.521, 9.057),
    ("Freiburg", "BW", 47.999, 7.842),
    ("Mannheim", "BW", 49.488, 8.466),
)
REGIONAL_KINDS = (
    ("kammer", "Handwerkskammer"),
    ("kammer", "Industrie- und Handelskammer"),
    ("verband", "Unternehmerverband"),
    ("beratung", "Beratungsnetzwerk Mittelstand"),
    ("forschung", "Hochschule für Arbeitsgestaltung"),
    ("sonstige", "Wirtschaftsförderung"),
    ("sozialpartner", "Gewerkschaftsbüro"),
)
NATIONAL_KINDS = (
    ("unfallversicherung", "Berufsgenossenschaft"),
    ("krankenversicherung", "Krankenkasse"),
    ("verband", "Bundesverband"),
    ("forschung", "Bundesinstitut"),
    ("arbeitsverwaltung", "Bundesagentur"),
    ("sozialpartner", "Bundesvereinigung"),
)
TOPICS = (
    "Gefährdungsbeurteilung in kleinen Betrieben",
    "Betriebsnachfolge im Handwerk",
    "Fachkräftesicherung und Ausbildung",
    "Gesunde Arbeit im Büro",
    "Digitalisierung im Mittelstand",
    "Führung und Unternehmenskultur",
    "Energieeffizienz in Gewerbebetrieben",
    "Arbeitsschutz auf Baustellen",
)
FIRST_NAMES = (
    "Anna",
    "Jörg",
    "Miriam",
    "Tobias",
    "Sören",
    "Käthe",
    "Lukas",
    "Zoë",
    "Jens",
    "Ümit",
    "Petra",
    "Ole",
)
LAST_NAMES = (
    "Beispiel",
    "Mustermann",
    "Probesang",
    "Vorlage",
    "Exempel",
    "Schablone",
    "Müsterle",
    "Größmann",
)


@dataclass(frozen=True)
class Size:
    """How much data to make: partners (of them `national` nationwide ones), networks, requests."""

    partners: int = 1000
    national: int = 100
    networks: int = 200
    requests: int = 2000


@dataclass
class _Partner:
    id: str
    name: str
    kind: str
    national: bool
    city: str
    # (contact id, network id, named_on)
    contacts: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class _Network:
    id: str
    name: str
    city: tuple[str, str, float, float]
    partners: list[str] = field(default_factory=list)


def write_data(target: Path, size: Size = Size(), seed: int = 2026) -> Path:
    """Write the five data files of `size` into target (created if missing); return target."""
    if size.national > size.partners or size.national < 1 or size.networks < 1:
        raise ValueError("need 1 ≤ national ≤ partners and at least one network")
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    # The files whose size does not grow with the directory
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        if fixture.name not in GENERATED:
            shutil.copyfile(fixture, target / fixture.name)
    partners = _partners(size)
    networks = _networks(size, partners, rng)
    requests = _requests(size, partners, networks, rng)
    (target / "partners.yaml").write_text(_partners_yaml(partners, rng), encoding="utf-8")
    (target / "networks.yaml").write_text(_networks_yaml(networks, rng), encoding="utf-8")
    (target / "requests.yaml").write_text(_requests_yaml(requests), encoding="utf-8")
    return target


def _day(rng: random.Random, first_year: int = 2021) -> str:
    year = rng.randint(first_year, LAST_DAY[0] - 1)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _checked_day(rng: random.Random) -> str:
    """A recent verified_on, so `check` warns about few records (it depends on the calendar)."""
    return f"{LAST_DAY[0]}-{rng.randint(LAST_DAY[1] - 2, LAST_DAY[1]):02d}-{rng.randint(1, 28):02d}"


def _partners(size: Size) -> list[_Partner]:
    partners = []
    for i in range(size.partners):
        national = i < size.national
        city = CITIES[i % len(CITIES)][0]
        kind, label = (NATIONAL_KINDS if national else REGIONAL_KINDS)[i % (6 if national else 7)]
        name = f"{label} Deutschland {i}" if national else f"{label} {city} {i}"
        partners.append(
            _Partner(f"{'bund' if national else 'reg'}-{i}", name, kind, national, city)
        )
    return partners


def _networks(size: Size, partners: list[_Partner], rng: random.Random) -> list[_Network]:
    """Networks with few national and several regional partners; each partner joins at least one."""
    networks = []
    national = [p for p in partners if p.national]
    regional = [p for p in partners if not p.national]
    for i in range(size.networks):
        city = CITIES[i % len(CITIES)]
        network = _Network(f"netz-{i}", f"Netzwerk {city[0]} {i}", city)
        network.partners += [p.id for p in rng.sample(national, min(len(national), 4))]
        network.partners += [p.id for p in rng.sample(regional, min(len(regional), 4))]
        networks.append(network)
    for j, partner in enumerate(regional):  # no partner without a network
        members = networks[j % len(networks)].partners
        if partner.id not in members:
            members.append(partner.id)
    by_id = {p.id: p for p in partners}
    # National members name a regional contact for about half their networks
    for network in networks:
        for partner_id in network.partners:
            partner = by_id[partner_id]
            if partner.national and rng.random() < 0.5:
                contact = (f"{partner.id}-{network.id}", network.id, _day(rng))
                partner.contacts.append(contact)
    return networks


def _requests(
    size: Size, partners: list[_Partner], networks: list[_Network], rng: random.Random
) -> list[dict]:
    """Requests of networks to their national partners, in every state of the procedure."""
    by_id = {p.id: p for p in partners}
    pairs = [(n.id, p) for n in networks for p in n.partners if by_id[p].national]
    contacts = {(network, p.id): cid for p in partners for cid, network, _ in p.contacts}
    requests = []
    for i in range(size.requests):
        network, partner = pairs[i % len(pairs)]
        year, month = 2021 + i % 5, 1 + (i // 5) % 12
        days = [f"{year}-{month:02d}-{day:02d}" for day in (2, 6, 12, 16, 22)]
        contact = contacts.get((network, partner))
        count = 5 if contact else rng.choice((1, 2))
        request = {
            "id": f"{year}-{network}-{partner}-{i}",
            "network": network,
            "partner": partner,
            "topic": TOPICS[i % len(TOPICS)],
            "status": "erledigt" if count == 5 else rng.choice(("offen", "eingestellt")),
            "steps": dict(zip(STEPS[:count], days[:count], strict=True)),
        }
        if contact:
            request["person"] = contact
        requests.append(request)
    return requests


def _person(rng: random.Random, key: str, indent: str, consent: bool) -> str:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    lines = [
        f"name: {first} {last}",
        "function: Referentin Netzwerke",
        f"email: {key}@example.org",
        f"phone: +49 30 0000 {rng.randint(1000, 9999)}",
    ]
    if consent:
        lines += ["consent:", "  given_on: 2024-01-15", "  via: E-Mail an die Geschäftsstelle"]
    lines.append("example: true")
    return "".join(f"{indent}{line}\n" for line in lines)


# The Länder codes of the schema, in its order: national partners name where they are present.
_LANDS = [
    "BW",
    "BY",
    "BE",
    "BB",
    "HB",
    "HH",
    "HE",
    "MV",
    "NI",
    "NW",
    "RP",
    "SL",
    "SN",
    "ST",
    "SH",
    "TH",
]


def _partners_yaml(partners: list[_Partner], rng: random.Random) -> str:
    out = ["# Synthetic data (scripts/synthetic.py); all people are fictional.\npartners:\n"]
    for p in partners:
        out.append(f"  - id: {p.id}\n    name: {p.name}\n    kind: {p.kind}\n")
        out.append(f"    scope: {'national' if p.national else 'regional'}\n")
        out.append(f"    website: https://{p.id}.example.org\n")
        out.append(
            f"    description: >-\n      Einrichtung aus {p.city} "
            "für Betriebe und Beschäftigte im Mittelstand.\n"
        )
        if p.national:
            present = sorted(rng.sample(_LANDS, rng.randint(3, len(_LANDS))), key=_LANDS.index)
            out.append(f"    present_in: [{', '.join(present)}]\n    liaison:\n")
            out.append(_person(rng, f"liaison.{p.id}", "      ", rng.random() < 0.5))
        if p.contacts:
            out.append("    regional_contacts:\n")
            for cid, network, named_on in p.contacts:
                out.append(
                    f"      - id: {cid}\n        network: {network}\n        named_on: {named_on}\n"
                )
                out.append(_person(rng, cid, "        ", rng.random() < 0.3))
        out.append(f"    verified_on: {_checked_day(rng)}\n\n")
    return "".join(out)


def _networks_yaml(networks: list[_Network], rng: random.Random) -> str:
    out = ["# Synthetic data (scripts/synthetic.py); all people are fictional.\nnetworks:\n"]
    for n in networks:
        city, state, lat, lon = n.city
        out.append(
            f"  - id: {n.id}\n    name: {n.name}\n    region: "
            f"Region {city} und Umgebung\n    states: [{state}]\n"
        )
        out.append(f"    location:\n      lat: {lat + rng.uniform(-0.2, 0.2):.4f}\n")
        out.append(f"      lon: {lon + rng.uniform(-0.2, 0.2):.4f}\n")
        status = rng.choice(("initiative", "musternetzwerk", "pausiert"))
        out.append(f"    status: {status}\n    status_since: {_day(rng)}\n")
        out.append(
            f"    description: >-\n      Regionales Netzwerk der Offensive Mittelstand in {city}.\n"
        )
        out.append(
            "    contact:\n      organisation: Netzwerkbüro "
            f"{city} {n.id}\n      email: {n.id}@example.org\n"
        )
        out.append(
            f"      street: Beispielstraße {rng.randint(1, 99)}\n      postcode: "
            f'"{rng.randint(10000, 99999)}"\n'
        )
        out.append(f"      city: {city}\n")
        out.append(f"    partners: [{', '.join(n.partners)}]\n")
        if status == "musternetzwerk":
            out.append(
                f"    agreement:\n      version: {AGREEMENT_VERSION}\n "
                f"     signed_on: {_day(rng, 2022)}\n"
            )
        if rng.random() < 0.3:
            out.append("    ambassadors:\n      - ")
            out.append(_person(rng, f"botschaft.{n.id}", "        ", rng.random() < 0.5)[8:])
            out.append(f"        partner: {n.partners[-1]}\n")
        out.append(f"    verified_on: {_checked_day(rng)}\n\n")
    return "".join(out)


def _requests_yaml(requests: list[dict]) -> str:
    out = ["# Synthetic data (scripts/synthetic.py).\noverdue_after_days: 30\nrequests:\n"]
    for r in requests:
        out.append(f"  - id: {r['id']}\n    network: {r['network']}\n    partner: {r['partner']}\n")
        out.append(f"    topic: {r['topic']}\n    status: {r['status']}\n    steps:\n")
        out.extend(f"      {step}: {day}\n" for step, day in r["steps"].items())
        if "person" in r:
            out.append(f"    person: {r['person']}\n")
        out.append("\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Synthetische, gültige Daten einer gewünschten Größe schreiben."
    )
    parser.add_argument("target", type=Path, help="Zielordner (neu oder leer)")
    defaults = Size()
    for option in ("partners", "national", "networks", "requests"):
        parser.add_argument(f"--{option}", type=int, default=getattr(defaults, option))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.target.exists() and any(args.target.iterdir()):
        sys.exit(f"Zielordner {args.target} ist nicht leer")
    size = Size(args.partners, args.national, args.networks, args.requests)
    write_data(args.target, size, args.seed)
    print(
        f"{size.partners} Partner, {size.networks} "
        f"Netzwerke, {size.requests} Anfragen in {args.target}"
    )


if __name__ == "__main__":
    main()
