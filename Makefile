# The two commands of the README:  `make run`  and  `make test`.
# Everything else here is what those two need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BUILD_STAMP := $(VENV)/.build-stamp
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint setup translations update-translations screenshots reliability clean dist dist-smoke bench

# In CI (CI=true) `make test` also builds the packaged application and runs it headless
# (`make dist dist-smoke`, about 80 s more); locally run those two when packaging
# matters, or `make test FROZEN_SMOKE=yes`. docs/packaging.md says why.
FROZEN_SMOKE ?= $(if $(filter true 1 yes,$(CI)),yes,)

run: setup
	$(BIN)/promises-app

# ruff and mypy first (seconds; mypy keeps its cache in .mypy_cache), then the tests. Chromium and
# its driver (the published page's accessibility check) are installed first when missing.
test: setup lint
	scripts/ensure-test-packages.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(if $(FROZEN_SMOKE),$(MAKE) --no-print-directory dist dist-smoke)

setup: $(STAMP) translations

# The static checks `make test` runs: lint (ruff) and types (mypy), configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m mypy

$(STAMP): pyproject.toml scripts/ensure-system-packages.sh
	PYTHON=$(PYTHON) scripts/ensure-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Re-scan the sources for translatable strings (then translate the new entries in the .ts).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find promises_app/ui -name '*.py') -ts $(TS)

clean:
	rm -rf $(VENV) resources/translations/*.qm .pytest_cache .mypy_cache .ruff_cache build dist

# The one-folder application dist/medborgarloften/ (build.spec; docs/packaging.md).
dist: setup $(BUILD_STAMP)
	rm -rf dist/medborgarloften
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@echo "dist/medborgarloften: $$(du -sh dist/medborgarloften | cut -f1)"

# The packaged application headless: --smoke on a fresh demo database, then its command line.
dist-smoke:
	PYTHON=$(BIN)/python scripts/frozen-smoke.sh dist/medborgarloften

$(BUILD_STAMP): $(STAMP) pyproject.toml scripts/ensure-build-packages.sh
	PYTHON=$(BIN)/python scripts/ensure-build-packages.sh
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $@

# The window on the demo data as PNG files (offscreen), shown in the README.
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m promises_app.ui.shell.screenshots docs/screenshots

# The crash test at full size (200 kills per journal mode; CI runs 25), with its figures.
reliability: setup
	rm -f reliability-report.txt
	KILL_ROUNDS=200 P1_REPORT=reliability-report.txt QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/reliability
	cat reliability-report.txt

# The performance figures against their targets (issue 7): one table, also written to
# docs/performance.md. Databases are generated once into build/bench/ and reused.
bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m promises_app.bench.run --cache build/bench --out docs/performance.md
