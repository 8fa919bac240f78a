"""Benchmark at scale: synthetic valid data of a given size, one table of figures (`make bench`).

    python scripts/bench.py [--partners 1000] [--national 100] [--networks 200]
                            [--requests 2000] [--runs 3] [--engines-only]

Everything runs in a throwaway copy of the project in the system's temporary folder (generator/,
overrides/, hand-written docs/, mkdocs.yml and the synthetic data), so the project tree is never
touched. Each time is the fastest of --runs runs (the preview and the engines: the median), each run
a fresh Python process that times only the work, not its imports (`--worker`, below). Times are CPU
seconds of that process (user + system), which a busy machine disturbs less than wall-clock time;
the table names the machine.
No test asserts on these figures: the README quotes a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What the throwaway project copy needs; docs/ without the generated folders (the build makes them).
PROJECT_PARTS = ("generator", "overrides", "overrides-zensical", "docs", "schemas", "mkdocs.yml")
LIMITS = {"check": 1.5, "build": 1.1, "index": 1_000_000, "page": 300_000}


# --- worker: one measurement in a fresh process, reported as one JSON line ------------------------


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB


def _timed(action) -> dict:
    cpu, wall = _cpu(), time.perf_counter()
    result = action()
    return {"cpu": _cpu() - cpu, "wall": time.perf_counter() - wall, "result": result}


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file below folder with inode, size and modification time: a write changes one."""
    return {
        str(path): (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        for path in folder.rglob("*")
        if "__pycache__" not in path.parts
        and path.is_file()
        and (stat := path.stat())
        # The generator's cache, not a page
        and path.relative_to(folder).parts[:2] != ("build", "cache")
    }


def worker(task: str, data: str, out: str) -> dict:
    """Run one task of the benchmark here (cwd: the project copy, which is on sys.path)."""
    import logging

    logging.disable(logging.WARNING)  # MkDocs' notices would mix into the JSON line
    project = Path.cwd()
    if task == "parse":
        import yaml

        files = sorted(Path(data).glob("*.yaml"))
        return _timed(lambda: [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files])
    if task == "check":
        import contextlib
        import io

        from generator.cli import main

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return {**_timed(lambda: main(["check", "--data", data])), "peak_mb": _peak_mb()}
    if task == "generate":
        from generator.pipeline import generate

        return _timed(lambda: len(generate(data, out, "public").changed))
    if task == "build":
        import generator.pipeline as pipeline
        import generator.site.build as site_build

        engine, hooks = {"cpu": 0.0}, {"cpu": 0.0}
        once = _time_one_time_work()
        build_into, build = pipeline.build_into, site_build.build

        # Our hooks and plugin run inside MkDocs' build: they are ours
        def build_with_timed_hooks(config):
            _time_our_events(config, project / "generator", hooks)
            build(config)

        # MkDocs' share; the rest of build_site is the generator's.
        pipeline.build_into, site_build.build = (
            _adding_cpu(build_into, engine),
            build_with_timed_hooks,
        )
        first = _timed(lambda: str(pipeline.build_site("public", data, out)))
        first["engine"], first["hooks"] = engine["cpu"], hooks["cpu"]
        first["templates"], first["codes"] = once["templates"]["cpu"], once["codes"]["cpu"]
        before = _snapshot(project)
        again = _timed(lambda: str(pipeline.build_site("public", data, out)))
        after = _snapshot(project)
        written = sum(before.get(path) != key for path, key in after.items()) + len(
            before.keys() - after.keys()
        )
        return {**first, "rebuild": again["cpu"], "written": written, "peak_mb": _peak_mb()}
    if task == "plain":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        # Loading the configuration imports theme and extensions; build_site times that too.
        return _timed(lambda: build(load_config(str(project / "plain.yml"), site_dir=out)))
    raise SystemExit(f"unknown task {task}")


def _adding_cpu(function, spent: dict):
    """`function`, adding the CPU seconds of every call to spent["cpu"]."""

    def run(*args, **kwargs):
        spent["cpu"] -= _cpu()
        try:
            return function(*args, **kwargs)
        finally:
            spent["cpu"] += _cpu()

    return run


def _time_our_events(config, code: Path, spent: dict) -> None:
    """Wrap every MkDocs event handler below `code` (our hooks, plugins) to add its CPU time."""
    for handlers in config.plugins.events.values():
        for index, handler in enumerate(handlers):
            function = getattr(handler, "__func__", handler)
            if str(getattr(getattr(function, "__code__", None), "co_filename", "")).startswith(
                str(code)
            ):
                handlers[index] = _adding_cpu(handler, spent)


def _time_one_time_work() -> dict[str, dict]:
    """Count what the per-user cache spares later builds: compiling templates, drawing QR codes.

    MkDocs compiles its theme's templates on every build, plain MkDocs too: only ours are counted.
    """
    import jinja2
    import segno

    from generator.pages.render import TEMPLATES

    spent: dict[str, dict] = {"templates": {"cpu": 0.0}, "codes": {"cpu": 0.0}}
    original = jinja2.Environment.compile
    counted = _adding_cpu(original, spent["templates"])

    def compile_template(self, *args, **kwargs):
        ours = getattr(self.loader, "searchpath", None) == [str(TEMPLATES)]
        return (counted if ours else original)(self, *args, **kwargs)

    jinja2.Environment.compile = compile_template
    segno.make = _adding_cpu(segno.make, spent["codes"])
    return spent


# --- driver ---------------------------------------------------------------------------------------


def _project_copy(work: Path, data: Path) -> Path:
    """A copy of the project (docs/ holds only hand-written pages); its data folder is `data`."""
    project = work / "project"
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, project / part)
    (project / "data").symlink_to(data)
    return project


def _plain_config(project: Path, docs: Path) -> None:
    """plain.yml: mkdocs.yml without our hooks, building already generated pages in `docs`."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text += f"\ndocs_dir: {json.dumps(str(docs))}\n"
    (project / "plain.yml").write_text(text, encoding="utf-8")


def _child_env(project: Path, own_cache: bool = False) -> dict[str, str]:
    """A measured child's environment: the copy on its path; with `own_cache` the generator's
    per-user cache beside the copy, so it starts empty."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    return {**env, "XDG_CACHE_HOME": str(project.parent / "user-cache")} if own_cache else env


def _run_worker(project: Path, task: str, data: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    env = _child_env(project, own_cache=True)
    command = [sys.executable, str(project / "bench.py"), "--worker", task, str(data), str(out)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{task} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fastest(project: Path, task: str, data: Path, out: Path, runs: int) -> dict:
    """The fastest of `runs` runs: other work on the machine only ever adds time (see _builds)."""
    return _quickest([_run_worker(project, task, data, out) for _ in range(runs)])


def _in_turns(runs: int, ours, theirs) -> tuple[list[dict], list[dict], list[float]]:
    """`runs` pairs of measurements, one right after the other (see _builds), and their ratios."""
    pairs = [(ours(), theirs()) for _ in range(runs)]
    return [a for a, _ in pairs], [b for _, b in pairs], [a["cpu"] / b["cpu"] for a, b in pairs]


def _quickest(results: list[dict]) -> dict:
    return min(results, key=lambda result: result["cpu"])


def _cli_build(project: Path, data: Path, out: Path, engine: str | None) -> float:
    """CPU seconds of `python -m generator build` as a user runs it, imports and children."""
    shutil.rmtree(out, ignore_errors=True)
    engine_args = ("--engine", engine) if engine else ()
    build = ("build", "--data", str(data), "--site-dir", str(out), *engine_args)
    return _cli_cpu(project, *build, own_cache=True)


def _cli_cpu(project: Path, *args: str, own_cache: bool = False) -> float:
    """CPU seconds of one `python -m generator ARGS` as run by a user or CI, with children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = _child_env(project, own_cache)
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr.decode()[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# The data pull request's job „Daten“ (.github/workflows/pruefen.yml) as commands, in its order; on
# a fresh clone, so without build/cache. Its local proxy: `check` plus the public build.
DATA_JOB = (
    ("`check`", ("check",)),
    ("öffentlicher Build (frischer Klon)", ("build", "--site-dir", "{work}/job-public")),
    (
        "Vorschau öffentlich (`--offline`)",
        ("build", "--offline", "--site-dir", "{work}/job-offline"),
    ),
    (
        "Vorschau intern (`--offline`)",
        ("build", "--offline", "--profile", "intern", "--site-dir", "{work}/job-intern"),
    ),
)
# CPU seconds for `check` plus the public build, so the job ends within two minutes on GitHub
DATA_JOB_LIMIT = 60.0


def _data_job(project: Path, data: Path, work: Path, runs: int) -> list[tuple[str, str, str]]:
    """The data job's steps at this size: CPU seconds of each command (fastest of `runs`)."""
    shutil.rmtree(project / "build", ignore_errors=True)
    seconds = {}
    for label, args in DATA_JOB:
        command = [arg.format(work=work) for arg in args]
        runs_of_step = []
        for _ in range(runs):
            if label.startswith("öffentlicher Build"):
                shutil.rmtree(project / "build", ignore_errors=True)  # CI's clone has no cache
            runs_of_step.append(_cli_cpu(project, *command, "--data", str(data)))
        seconds[label] = min(runs_of_step)
    proxy = seconds["`check`"] + seconds["öffentlicher Build (frischer Klon)"]
    steps = "; ".join(f"{label} {value:.1f} s" for label, value in seconds.items())
    return [
        (
            "Daten-Pull-Request: `check` + öffentlicher Build (Kommandozeile, ohne `build/cache`)",
            f"{proxy:.1f} s (Job „Daten“ Schritt für Schritt: {steps})",
            f"≤ {DATA_JOB_LIMIT:.0f} s",
        )
    ]


def _engines(project: Path) -> list[str]:
    """The build engines the command line offers (`--engine`), or none when it has no choice."""
    env = _child_env(project, own_cache=True)
    command = [sys.executable, "-m", "generator", "build", "--help"]
    text = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True).stdout
    found = re.search(r"--engine \{([^}]*)\}", text)
    if found:
        return found[1].split(",")
    return ["mkdocs", "zensical"] if "--engine" in text else []


def _preview_latency(project: Path, data: Path, runs: int) -> tuple[str, str]:
    """Wall-clock seconds from saving an edit in data/ until `serve` delivers it; start-up."""
    from scripts.preview_latency import measure

    result = measure(project, data, edits=max(5, 2 * runs + 1))
    latencies = result["latencies"]
    edit = (
        f"Median {statistics.median(latencies):.2f} s ({min(latencies):.2f}–{max(latencies):.2f} "
        f"s, {len(latencies)} Änderungen, Wanduhr; CPU des Servers "
        f"{statistics.median(result['cpu']):.2f} s), {result['rebuilds']:.1f} Neubau je Speichern"
    )
    return edit, f"{result['startup']:.1f} s (Wanduhr)"


def _site_sizes(site: Path) -> tuple[int, str, int]:
    pages = [
        (path.stat().st_size, path.relative_to(site).as_posix()) for path in site.rglob("*.html")
    ]
    size, page = max(pages)
    return size, page, (site / "search" / "search_index.json").stat().st_size


def _machine() -> str:
    memory = next(
        (
            int(line.split()[1]) // 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        ),
        0,
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} Kerne ({model}), {memory} GiB, "
        f"Python {platform.python_version()}, Last {load}"
    )


def _kb(size: float) -> str:
    return f"{size / 1000:,.0f} kB".replace(",", ".")


def main(argv: list[str] | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    from scripts.synthetic import Size, write_data

    defaults = Size()
    parser = argparse.ArgumentParser(
        description="Benchmark mit synthetischen Daten; gibt eine Tabelle aus."
    )
    for option in ("partners", "national", "networks", "requests"):
        parser.add_argument(f"--{option}", type=int, default=getattr(defaults, option))
    parser.add_argument(
        "--runs", type=int, default=3, help="Läufe je Messung, ausgegeben wird der Median"
    )
    parser.add_argument(
        "--engines-only", action="store_true", help="nur die Zeilen der Engines messen"
    )
    parser.add_argument(
        "--only-data-job",
        action="store_true",
        help="nur die Zeile des Daten-Pull-Requests (Job „Daten“) messen",
    )
    args = parser.parse_args(argv)
    size = Size(args.partners, args.national, args.networks, args.requests)
    machine = _machine()
    with tempfile.TemporaryDirectory(prefix="om-bench-") as folder:
        work = Path(folder)
        data = write_data(work / "data", size)
        project = _project_copy(work, data)
        shutil.copy2(Path(__file__), project / "bench.py")
        if args.engines_only:
            rows = _engine_rows(project, data, work, args.runs)
        elif args.only_data_job:
            rows = _data_job(project, data, work, args.runs)
        else:
            rows = _measure(project, data, work, args.runs)
    print(
        f"\nBenchmark: {size.partners} Partner ({size.national} "
        f"national), {size.networks} Netzwerke, ",
        end="",
    )
    print(
        f"{size.requests} Anfragen; {args.runs} Läufe je Messung "
        "(der schnellste; Vorschau: Median), CPU-Sekunden"
    )
    print(f"Rechner: {machine}\n")
    print("| Messgröße | Wert | Ziel |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def _builds(project: Path, data: Path, work: Path, runs: int) -> tuple[dict, dict, list[float]]:
    """Our build and plain MkDocs in turns, one cold build; the ratio is of the fastest runs.

    The machine's speed drifts by a third over minutes, and other work only ever adds time: the
    fastest of several runs is the closest to the work itself (as `timeit` reports). A pair runs one
    after the other, so it sees the same speed; the pairs' ratios are shown too.
    Cold: without the generator's per-user cache (compiled templates, QR masks), as on a fresh
    machine or in CI; the runs after it find the cache, as every later build on the machine does.
    """
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(_child_env(project, own_cache=True)["XDG_CACHE_HOME"], ignore_errors=True)
    cold = _run_worker(project, "build", data, work / "site")
    warm, plain, ratios = _in_turns(
        runs,
        lambda: _run_worker(project, "build", data, work / "site"),
        lambda: _run_worker(project, "plain", data, work / "site-plain"),
    )
    fastest = _quickest(warm)
    full = {key: fastest[key] for key in ("cpu", "engine", "hooks")}
    full["added"] = min(_added(r) for r in warm)
    full["added_median"] = statistics.median(_added(r) for r in warm)
    full["rebuild"] = statistics.median(r["rebuild"] for r in warm)
    full["written"] = max(r["written"] for r in warm)
    full["peak_mb"] = max(r["peak_mb"] for r in warm)
    full["plain"] = min(r["cpu"] for r in plain)
    full["plain_median"] = statistics.median(r["cpu"] for r in plain)
    full["ratio"] = full["cpu"] / full["plain"]
    return cold, full, ratios


def _added(run: dict) -> float:
    """What our build adds to MkDocs: everything outside its build() plus our hooks inside."""
    return run["cpu"] - run["engine"] + run["hooks"]


def _pathological(project: Path, work: Path) -> tuple[str, str]:
    """The slowest of the worst files check must refuse quickly (2 MB each): CPU, peak memory."""
    from scripts.pathological import pathological_files

    results = {}
    for name, folder in pathological_files(
        work / "pathological", ROOT / "tests" / "fixtures" / "data"
    ).items():
        results[name] = _run_worker(project, "check", folder, work / "none")
    name, worst = max(results.items(), key=lambda item: item[1]["cpu"])
    peak = max(result["peak_mb"] for result in results.values())
    return (
        f"{worst['cpu']:.2f} s ({name}; {len(results)} Arten), höchstens {peak:.0f} MB",
        "≤ 5 s, ≤ 300 MB",
    )


def _measure(project: Path, data: Path, work: Path, runs: int) -> list[tuple[str, str, str]]:
    checks, parses, check_ratios = _in_turns(
        runs,
        lambda: _run_worker(project, "check", data, work / "none"),
        lambda: _run_worker(project, "parse", data, work / "none"),
    )
    check, parse = _quickest(checks), _quickest(parses)
    generate = _fastest(project, "generate", data, work / "docs-generated", runs)
    # `generate` staged the whole source (hand-written and generated pages); plain MkDocs builds it.
    _plain_config(project, work / "docs-generated")
    cold, full, ratios = _builds(project, data, work, runs)
    largest, page, index = _site_sizes(work / "site")
    preview = _preview_latency(project, data, runs)
    share, plain = full["cpu"] - full["engine"], full["plain"]
    rows = [
        (
            "`check` / libyaml-Parse (`CSafeLoader`)",
            f"{check['cpu']:.2f} s / {parse['cpu']:.2f} s = {check['cpu'] / parse['cpu']:.1f}× "
            f"(schnellste Läufe; Paare: {', '.join(f'{r:.1f}' for r in check_ratios)})",
            f"≤ {LIMITS['check']}×",
        ),
        ("Pathologische Datei (2 MB) prüfen", *_pathological(project, work)),
        ("Erzeugen (laden, prüfen, Seiten schreiben)", f"{generate['cpu']:.2f} s", ""),
        (
            "Build / MkDocs allein, dieselben Seiten ohne Hooks",
            f"{full['cpu']:.1f} s / {full['plain']:.1f} s = {full['ratio']:.2f}× (schnellste "
            f"Läufe; Paare: {', '.join(f'{r:.2f}' for r in ratios)}, "
            f"Median {statistics.median(ratios):.2f}); davon Generator {share:.1f} s, "
            f"MkDocs {full['engine'] - full['hooks']:.1f} s, unsere Hooks darin "
            f"{full['hooks']:.2f} s",
            f"≤ {LIMITS['build']}×",
        ),
        (
            "Was Generator und Hooks zu MkDocs allein hinzufügen",
            f"{full['added']:.2f} s / {plain:.1f} s = "
            f"+{100 * full['added'] / plain:.0f} % (schnellste Läufe; "
            f"Mediane: {full['added_median']:.2f} s / {full['plain_median']:.1f} s = "
            f"+{100 * full['added_median'] / full['plain_median']:.0f} %)",
            f"≤ +{100 * (LIMITS['build'] - 1):.0f} %",
        ),
        (
            "Build wie auf einem frischen Rechner (ohne Cache)",
            f"{cold['cpu']:.1f} s = {cold['cpu'] / plain:.2f}× MkDocs allein (ein Lauf); "
            f"Generator und Hooks {_added(cold):.2f} s = +{100 * _added(cold) / plain:.0f} %, "
            f"davon einmalig je Klon: unsere Vorlagen übersetzen {cold['templates']:.2f} s, "
            f"QR-Codes zeichnen {cold['codes']:.2f} s",
            "kein Ziel: einmalig je Klon",
        ),
        (
            "Erneuter Build, Daten unverändert",
            f"{full['rebuild']:.1f} s, {full['written']:.0f} Dateien geschrieben",
            "0",
        ),
        ("Vorschau: eine gespeicherte Änderung bis zur Seite", preview[0], "≤ 2 s, 1 Neubau"),
        ("Vorschau: Start bis zur ersten Seite", preview[1], "≤ ein voller Build"),
        ("Speicher (Spitze, Build)", f"{full['peak_mb']:.0f} MB", ""),
        ("Größte HTML-Seite", f"{_kb(largest)} ({page})", f"≤ {_kb(LIMITS['page'])}"),
        ("Suchindex", _kb(index), f"≤ {_kb(LIMITS['index'])}"),
    ]
    return rows + _data_job(project, data, work, runs) + _engine_rows(project, data, work, runs)


def _engine_rows(project: Path, data: Path, work: Path, runs: int) -> list[tuple[str, str, str]]:
    """A row per engine the CLI offers: `build --engine …` as a user runs it, median of `runs`."""
    rows = []
    for engine in _engines(project):
        seconds = statistics.median(
            _cli_build(project, data, work / "site-cli", engine) for _ in range(runs)
        )
        rows.append((f"`build --engine {engine}` (Kommandozeile)", f"{seconds:.1f} s", ""))
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(*sys.argv[2:5]), default=str))
    else:
        main()
