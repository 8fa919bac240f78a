"""Where the generated pages live: the folders with one page per record, and the site's own pages.

Declared here, before any stage, because three stages need the same list: the page families write
to these addresses (and give them to the templates that link there), the records' rules refuse an
id equal to a name the site already uses there (`index` replacing an overview, `bundesland`
replacing the filter pages), and staging keeps hand-written pages out of the folders (ROOTS). A
family takes its addresses from here, so a folder it writes cannot be missing from what the rule
and staging check.
"""

from __future__ import annotations

# Folder below docs/ → the data section whose records get one page each there
# ("networks.yaml", "networks").
RECORD_FOLDERS: dict[str, tuple[str, str]] = {}
# Folder below docs/ → names the families write there themselves (a page's stem or a subfolder).
FIXED_NAMES: dict[str, set[str]] = {}
# Every page (`netzwerke/index.md`) and folder (`daten/`) declared as written by the site itself.
FIXED_PAGES: set[str] = set()


# Record folders whose pages are `<id>/index.md` (raw HTML links resolve alike in both engines).
INDEX_FOLDERS: set[str] = set()
# Top-level folders (and files) of docs/ the families write: hand-written pages must not use them.
ROOTS: set[str] = set()


def record_folder(folder: str, data_file: str, section: str, *, as_index: bool = False) -> str:
    """Declare a folder with one page per record of a data section; return the folder."""
    RECORD_FOLDERS[folder] = (data_file, section)
    ROOTS.add(folder.split("/", 1)[0])
    if as_index:
        INDEX_FOLDERS.add(folder)
    return folder


def record_page(folder: str, key: str) -> str:
    """The source file of a record's page (`netzwerke/owl.md`, `partner/netzwerk/owl/index.md`)."""
    return f"{folder}/{key}/index.md" if folder in INDEX_FOLDERS else f"{folder}/{key}.md"


def fixed_page(path: str) -> str:
    """Declare and return a page (`netzwerke/index.md`) or folder (`…/status/`) always written."""
    parts = path.rstrip("/").split("/")
    ROOTS.add(parts[0])
    FIXED_PAGES.add(path)
    for depth in range(1, len(parts)):
        FIXED_NAMES.setdefault("/".join(parts[:depth]), set()).add(parts[depth].removesuffix(".md"))
    return path


# The directory (pages/render.py, pages/filters.py)
NETWORK_PAGES = record_folder("netzwerke", "networks.yaml", "networks")
PARTNER_PAGES = record_folder("partner", "partners.yaml", "partners")
NETWORK_INDEX, PARTNER_INDEX = fixed_page("netzwerke/index.md"), fixed_page("partner/index.md")
BY_STATE, BY_STATUS = fixed_page("netzwerke/bundesland/"), fixed_page("netzwerke/status/")
BY_KIND, BY_LEVEL = fixed_page("partner/art/"), fixed_page("partner/ebene/")
BY_NETWORK = record_folder(
    fixed_page("partner/netzwerk/").rstrip("/"), "networks.yaml", "networks", as_index=True
)
NETWORK_CARDS, PARTNER_CARDS = fixed_page("netzwerke/vcard/"), fixed_page("partner/vcard/")
# The handbook (pages/handbook.py)
VERSION_PAGES = record_folder(
    fixed_page("vereinbarung/fassungen/").rstrip("/"), "agreement.yaml", "versions"
)
SIGNING_PAGES = record_folder(
    fixed_page("vereinbarung/netzwerke/").rstrip("/"), "networks.yaml", "networks"
)
SHEET_PAGES = record_folder("merkblaetter", "networks.yaml", "networks")
SHEETS_INDEX = fixed_page("merkblaetter/index.md")
AGREEMENT_INDEX = fixed_page("vereinbarung/index.md")
CHANGES = fixed_page("vereinbarung/aenderungen.md")
# The internal meeting kits (pages/meetingkit.py)
KIT_PAGES = record_folder("intern/treffen", "networks.yaml", "networks")
KIT_INDEX = fixed_page("intern/treffen/index.md")
# The reference (pages/render.py, pages/guide.py, pages/schemas.py) and the
# downloads (pages/exports.py)
FIELD_REFERENCE, EDITING_GUIDE = (
    fixed_page("referenz/datenfelder.md"),
    fixed_page("referenz/daten-pflegen.md"),
)
SCHEMAS, DOWNLOADS = fixed_page("schemas/").rstrip("/"), fixed_page("daten/").rstrip("/")
DOWNLOADS_INDEX = fixed_page("daten/index.md")
# The procedure, the Botschafter, the named contacts (pages/handbook.py, pages/requests.py)
PROCEDURE, AMBASSADORS = fixed_page("verfahren/index.md"), fixed_page("botschafter/index.md")
COVERAGE = fixed_page("ansprechpersonen/index.md")
# The internal pages (pages/requests.py, pages/gaps.py)
REQUESTS, REVIEW = fixed_page("intern/anfragen.md"), fixed_page("intern/pruefen.md")
PLANNER = fixed_page("intern/luecken.md")
# The legal pages (pages/legal.py) and the home page (pages/home.py)
IMPRINT, PRIVACY = fixed_page("rechtliches/impressum.md"), fixed_page("rechtliches/datenschutz.md")
HOME = fixed_page("index.md")
