"""Filtered overview pages that work without JavaScript: networks by state and status, partners by
kind, level and network."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.addresses import (
    BY_KIND,
    BY_LEVEL,
    BY_NETWORK,
    BY_STATE,
    BY_STATUS,
    NETWORK_PAGES,
    PARTNER_PAGES,
)
from generator.german import slug
from generator.model.directory import Directory
from generator.pages.family import Renderer
from generator.pages.markup import html_link, inert

NETWORKS, PARTNERS = "data/networks.yaml", "data/partners.yaml"


@dataclass(frozen=True)
class Choice:
    """One value of a facet: its label, the page listing the entries that have it, their number."""

    label: str
    page: str
    title: str
    entries: tuple
    # Where the list is edited, for „Seite bearbeiten“: the data file, or the network's record
    source: str


@dataclass(frozen=True)
class Facet:
    """A property entries are filtered by, with every value that occurs."""

    name: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class MenuChoice:
    """A facet value as filter links show it: no entries, so a changed record keeps it equal."""

    label: str
    page: str
    count: int


@dataclass(frozen=True)
class Menu:
    """A facet as the list of filter links shows it."""

    name: str
    choices: tuple[MenuChoice, ...]


def facet_menu(facets: Sequence[Facet]) -> tuple[Menu, ...]:
    """The links to every filter page, with the number of entries each lists."""
    return tuple(
        Menu(facet.name, tuple(MenuChoice(c.label, c.page, len(c.entries)) for c in facet.choices))
        for facet in facets
    )


def network_facets(directory: Directory) -> tuple[Facet, ...]:
    """Networks by state (in the order of the state list) and by status."""
    networks = directory.networks
    # A network over several Länder is listed on the page of each.
    states = _values(networks, lambda n: [(label, label) for label in n.state_labels])
    statuses = _values(networks, lambda n: [(n.status, n.status_label)])
    return (
        _facet(
            "Bundesland",
            states,
            lambda _, label: state_page(label),
            "Netzwerke in {}",
            lambda _: NETWORKS,
        ),
        _facet(
            "Status",
            statuses,
            lambda key, _: filter_page(BY_STATUS, key),
            "Netzwerke mit dem Status „{}“",
            lambda _: NETWORKS,
        ),
    )


def state_page(label: str) -> str:
    """The filter page of one Land, below docs/."""
    return filter_page(BY_STATE, slug(label))


def filter_page(folder: str, key: str) -> str:
    """A filter page below docs/: an index page, so its HTML links work alike in every engine.

    The lists link in HTML (markup.html_link), relative to the address the page is served at. MkDocs
    passes such links on as they are; Zensical reads them relative to the page's file. Only for
    `…/key/index.md` are the two the same folder (`…/key.md` is served at `…/key/` too, one level
    deeper than its file).
    """
    return f"{folder.rstrip('/')}/{key}/index.md"


def partner_facets(directory: Directory) -> tuple[Facet, ...]:
    """Partners by kind, by level (bundesweit or regional) and by the networks they take part in."""
    partners = directory.partners
    kinds = _values(partners, lambda p: [(p.kind, p.kind_label)])
    levels = _values(partners, lambda p: [(p.scope, p.scope_label)])
    members: dict[str, list] = {n.id: [] for n in directory.networks}
    # One pass over the partners, in their order, instead of one per network
    for partner in partners:
        for network_id in dict.fromkeys(r.id for r in partner.networks):
            members[network_id].append(partner)
    networks = [((n.id, n.name), tuple(members[n.id])) for n in directory.networks if members[n.id]]
    # The network's record lists its partners: that is where the list changes.
    sources = {n.id: n.source for n in directory.networks}
    return (
        _facet(
            "Art",
            kinds,
            lambda key, _: filter_page(BY_KIND, key),
            "Partner der Art „{}“",
            lambda _: PARTNERS,
        ),
        _facet(
            "Ebene",
            levels,
            lambda key, _: filter_page(BY_LEVEL, key),
            "Partner der Ebene „{}“",
            lambda _: PARTNERS,
        ),
        _facet(
            "Netzwerke",
            networks,
            lambda key, _: filter_page(BY_NETWORK, key),
            "Partner im Netzwerk „{}“",
            sources.__getitem__,
        ),
    )


def _facet(
    name: str,
    groups: Sequence[tuple[tuple[str, str], tuple]],
    page: Callable[[str, str], str],
    title: str,
    source: Callable[[str], str],
) -> Facet:
    """A facet from its (key, label) groups of entries: each choice's page, title and source."""
    return Facet(
        name,
        tuple(
            Choice(label, page(key, label), title.format(label), entries, source(key))
            for (key, label), entries in groups
        ),
    )


def facet_tokens(facets: Sequence[Facet]) -> dict[str, str]:
    """Entry id → its facet values as short tokens: facet letter and choice number ("a0 b12").

    The instant filter (om-filter.js) numbers the links of the facet list the same way; short tokens
    keep the overview of 1,000 partners small.
    """
    tokens: dict[str, list[str]] = {}
    for letter, facet in zip("abcdefghijklmnopqrstuvwxyz", facets, strict=False):
        for number, choice in enumerate(facet.choices):
            for entry in choice.entries:
                tokens.setdefault(entry.id, []).append(f"{letter}{number}")
    return {entry_id: " ".join(values) for entry_id, values in tokens.items()}


def _values(entries: Sequence, keys: Callable) -> list[tuple[tuple[str, str], tuple]]:
    """Each (id, label) that occurs, sorted by label, with its entries (an entry may have many)."""
    groups: dict[tuple[str, str], list] = {}
    for entry in entries:
        for key in keys(entry):
            groups.setdefault(key, []).append(entry)
    return sorted(
        ((value, tuple(items)) for value, items in groups.items()),
        key=lambda item: item[0][1].casefold(),
    )


def filter_pages(renderer: Renderer, directory: Directory) -> dict[str, str]:
    """One page per facet value, listing the networks or partners that have it."""
    pages = {}
    templates = {NETWORK_PAGES: "networks_filtered.md.j2", PARTNER_PAGES: "partners_filtered.md.j2"}
    totals = {NETWORK_PAGES: len(directory.networks), PARTNER_PAGES: len(directory.partners)}
    for facets in (network_facets(directory), partner_facets(directory)):
        links = facet_links(renderer, facet_menu(facets))
        for facet in facets:
            for choice in facet.choices:
                section = choice.page.split("/", 1)[0]
                context = {
                    "intern": directory.intern,
                    "links": links[choice.page],
                    "choice": choice,
                }
                pages[choice.page] = renderer.render_once(
                    templates[section], context | {"total": totals[section]}
                )
    return pages


def facet_links(renderer: Renderer, menu: tuple[Menu, ...]) -> dict[str, Markup]:
    """The list of filter links of each filter page, its own choice shown, not linked.

    Pages in one folder see every link alike (relative addresses), so the list is rendered once per
    folder, as seen from a page beside them that is none of them, and each page's own link replaced:
    a hundred filter pages of 200 links each would otherwise make 20,000 links one by one.
    """
    template, seen, links = renderer.template("filter_links.md.j2"), {}, {}
    for choice in (c for facet in menu for c in facet.choices):
        folder = choice.page.removesuffix("/index.md").rsplit("/", 1)[0]
        beside = f"{folder}/-/index.md"
        if folder not in seen:
            seen[folder] = template.render(menu=menu, current=None, here=beside)
        own = html_link(choice.label, choice.page, beside)
        strong = Markup("<strong>{}</strong> (").format(inert(choice.label))
        links[choice.page] = Markup(seen[folder].replace(f"{own} (", strong, 1).rstrip("\n"))
    return links
