"""Measure the live preview at the office's size: start-up, and how soon a save shows.

    .venv/bin/python scripts/preview_latency.py [--partners 1000] [--networks 200] [--edits 7]

Writes synthetic data (scripts/synthetic.py), builds it once with `build` (the time of one full
build), starts `python -m generator serve`, then saves one edited record at a time and polls the
record's page over HTTP, as an open browser tab would, until the edit shows. Prints start-up, the
median and the range of the edit latencies, and the number of rebuilds per save.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic import Size, write_data  # noqa: E402


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(condition, seconds: float = 600, step: float = 0.05) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > seconds:
            raise TimeoutError
        time.sleep(step)
    return time.perf_counter() - started


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PAUSE = 4.0  # seconds between two saves


def measure(project: Path, data: Path, edits: int = 7) -> dict:
    """Start `serve` in `project` on `data`, save `edits` edits of one partner; wall-clock seconds.

    Returns start-up (until the first page is served), each edit's latency (saved → page
    served with the edit, polled as an open tab reloads) and the number of rebuilds per save;
    `data` is restored.
    """
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    port = _port()
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--data",
        str(data),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    partners = data / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    first = text.split("  - id: ", 2)[1].split("\n", 1)[0]
    name = text.split("    name: ", 1)[1].split("\n", 1)[0]
    page = f"http://127.0.0.1:{port}/partner/{first}/"
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            startup = _until(lambda: name in _fetch(page), step=0.2)
            latencies, cpus = [], []
            for number in range(edits):
                marker = f"{name} Änderung {number}"
                partners.write_text(
                    text.replace(f"    name: {name}\n", f"    name: {marker}\n", 1),
                    encoding="utf-8",
                )
                saved, cpu = time.perf_counter(), _cpu_seconds(server.pid)
                _until(lambda marker=marker: marker in _fetch(page))
                latencies.append(time.perf_counter() - saved)
                cpus.append(_cpu_seconds(server.pid) - cpu)
                # An editor reads the page before the next save; meanwhile the rest of the site and
                # the downloads are built, and a second, unwanted rebuild would show in the log.
                time.sleep(PAUSE)
        finally:
            server.terminate()
            server.wait(timeout=30)
            partners.write_text(text, encoding="utf-8")
        log.seek(0)
        rebuilds = log.read().count("Vorschau aktualisiert") - 1
    return {"startup": startup, "latencies": latencies, "cpu": cpus, "rebuilds": rebuilds / edits}


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far, from /proc: less disturbed by a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--networks", type=int, default=200)
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as work:
        data = write_data(Path(work) / "data", Size(partners=args.partners, networks=args.networks))
        started = time.perf_counter()
        command = [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--data",
            str(data),
            "--site-dir",
            f"{work}/site",
        ]
        subprocess.run(command, env=env, check=True, capture_output=True)
        full_build = time.perf_counter() - started
        result = measure(ROOT, data, args.edits)
    latencies = result["latencies"]
    print(f"Daten: {args.partners} Partner, {args.networks} Netzwerke; {os.cpu_count()} Kerne")
    print(f"Ein voller Build (build):      {full_build:6.1f} s")
    print(f"Start der Vorschau bis Seite:  {result['startup']:6.1f} s")
    print(
        f"Gespeicherte Änderung sichtbar: Median {statistics.median(latencies):.2f} s, "
        f"{min(latencies):.2f}–{max(latencies):.2f} s über {len(latencies)} Änderungen; "
        f"CPU des Servers bis dahin: Median {statistics.median(result['cpu']):.2f} s"
    )
    print(f"Neubauten je Speichern:        {result['rebuilds']:.1f}")


if __name__ == "__main__":
    main()
