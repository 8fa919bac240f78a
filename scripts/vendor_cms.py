"""Vendor Sveltia CMS into docs/redaktion/: pinned npm packages, checked hashes, no CDN.

Run `python scripts/vendor_cms.py` (needs `npm`, only when the pinned versions change); the result
is committed, so `make site` on a fresh clone needs no npm. Each package comes from the npm registry
through `npm pack` and must match its pinned integrity hash. Sveltia's bundle builds three kinds of
addresses on other hosts; each rewrite below must match exactly once, or the script stops (a new
version needs a look, not a guess):

- its German interface texts from unpkg → `./locales/de.json` beside the page,
- its three fonts from jsDelivr → `./fonts/…` (the same files from the fontsource npm packages),
- GitHub's status page (githubstatus.com, run by a third party) → nothing: the status
  reads as unknown,
- its check for a newer version (unpkg) → nothing: updates come through this script, pinned,
- and one that is not about hosts: its viewport tag forbids zooming on a phone (WCAG 1.4.4);
  that part goes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "redaktion"


@dataclass(frozen=True)
class Package:
    """A pinned npm package, its sha512 integrity (`npm view … dist.integrity`) and files."""

    name: str
    version: str
    integrity: str
    files: dict[str, str]  # path inside the package → path below docs/redaktion/


CMS = Package(
    "@sveltia/cms",
    "0.221.1",
    "sha512-J+Qoik9kGMk2L7vNpOQrnDmFRi+NB6vwJ0f657YtsxWH0P8WYSYRRSRC2pQ/jGGbVlM//Pg/WIgmkpswqoo3gQ==",
    {
        "dist/sveltia-cms.js": "sveltia-cms.js",
        "locales/de.json": "locales/de.json",
        "LICENSE.txt": "LICENSE-sveltia-cms.txt",
    },
)
FONTS = (
    Package(
        "@fontsource-variable/source-sans-3",
        "5.3.0",
        "sha512-dpi0GZk7EQe2tYpg6Q0Fx0OmUgnuGu+0rHPgtXqtKhglYmJuP7jZ12Mu1uN+NfRaJRY1Emn8AQJEWzmoZ4wa9g==",
        {
            "files/source-sans-3-latin-wght-normal.woff2": "fonts/source-sans-3-latin-wght-normal.woff2",  # noqa: E501
            "LICENSE": "fonts/LICENSE-source-sans-3.txt",
        },
    ),
    Package(
        "@fontsource/noto-mono",
        "5.3.0",
        "sha512-QZieY3OyKEImCXg3HRiF6p6/H0GXX94uEb53ayLyQgCTB20LdkvsyJIgigo6lAGmVw3WEs40DdG5KTqpxfwgGg==",
        {
            "files/noto-mono-latin-400-normal.woff2": "fonts/noto-mono-latin-400-normal.woff2",
            "LICENSE": "fonts/LICENSE-noto-mono.txt",
        },
    ),
    Package(
        "@fontsource-variable/material-symbols-outlined",
        "5.3.7",
        "sha512-d6kLamaMdad40AYoyJEBgCH63fRLklC7GW7bgb7WWbPh/UzuW483Dlyfmn3vxpiNsHLIMBOcYYkZDtOC9Y3MUA==",
        {
            "files/material-symbols-outlined-latin-wght-normal.woff2": (
                "fonts/material-symbols-outlined-latin-wght-normal.woff2"
            ),
            "LICENSE": "fonts/LICENSE-material-symbols-outlined.txt",
        },
    ),
)
JSDELIVR = "https://cdn.jsdelivr.net/fontsource/fonts/"
# (text in the bundle, replacement): each must occur exactly once.
REWRITES = (
    ("USe=`${iP}@${rP}/locales`", "USe=`./locales`"),
    (
        JSDELIVR + "source-sans-3:vf@5.3.0/latin-wght-normal.woff2",
        "./fonts/source-sans-3-latin-wght-normal.woff2",
    ),
    (
        JSDELIVR + "noto-mono@5.3.0/latin-400-normal.woff2",
        "./fonts/noto-mono-latin-400-normal.woff2",
    ),
    (
        JSDELIVR + "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "./fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    ("Oye=`https://www.githubstatus.com/api/v2/status.json`", "Oye=`data:,`"),
    ("NSe=`${iP}/package.json`", "NSe=`data:,`"),
    # WCAG 1.4.4: the page must let people zoom on a phone (axe: meta-viewport).
    ("`initial-scale=1`,`maximum-scale=1`,", "`initial-scale=1`,"),
)
HEADER = (
    "/* Sveltia CMS {version} (MIT, LICENSE-sveltia-cms.txt), "
    "vendored by scripts/vendor_cms.py. */\n"
)


def fetch(package: Package, folder: Path) -> bytes:
    """The package tarball from the npm registry, refused unless it matches the pinned hash."""
    spec = f"{package.name}@{package.version}"
    result = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = (folder / result.stdout.strip().splitlines()[-1]).read_bytes()
    algorithm, _, expected = package.integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise SystemExit(
            f"{spec}: integrity {algorithm}-{actual} does not match the pinned {package.integrity}"
        )
    return tarball


def unpack(package: Package, tarball: bytes) -> dict[str, bytes]:
    """The wanted files of a package tarball, keyed by their place below docs/redaktion/."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        return {
            target: archive.extractfile(f"package/{source}").read()  # type: ignore[union-attr]
            for source, target in package.files.items()
        }


def rewrite(bundle: str) -> str:
    """The bundle with each address on another host replaced by the site's own file (or none)."""
    for old, new in REWRITES:
        count = bundle.count(old)
        if count != 1:
            raise SystemExit(f"rewrite expected once in the bundle, found {count} times: {old}")
        bundle = bundle.replace(old, new)
    return bundle


def vendored_files() -> dict[str, bytes]:
    """Every vendored file below docs/redaktion/, after hash checks and rewrites."""
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as temporary:
        for package in (CMS, *FONTS):
            files |= unpack(package, fetch(package, Path(temporary)))
    bundle = rewrite(files["sveltia-cms.js"].decode("utf-8"))
    files["sveltia-cms.js"] = (HEADER.format(version=CMS.version) + bundle).encode("utf-8")
    return files


def main() -> int:
    for relative, data in sorted(vendored_files().items()):
        target = TARGET / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
