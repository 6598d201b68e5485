# nereport developer entry points. `make` (or `make help`) lists the targets.
#
# Environments are real file targets with stamps, so a second call does nothing:
#   .cache/system-deps.stamp   Debian packages (scripts/install-system-deps.sh)
#   .venv/.deps                runtime + dev packages, from requirements/dev.txt
#   .venv/.stamp               nereport itself, editable, from pyproject.toml
#   .venv/share/jupyter/...    the `nereport` Jupyter kernel, inside .venv
#   .venv-lab/.stamp           JupyterLab, in its own env, from requirements/lab.txt
#   node_modules/.stamp        the tests' HTML checkers (axe-core, vnu-jar), from package-lock.json
#   src/nereport/locale/*/LC_MESSAGES/nereport.mo   the compiled translation catalogs
# A change to requirements/dev.txt rebuilds .venv from scratch, so it always
# holds exactly the lock; a change to pyproject.toml only reinstalls nereport.

.DEFAULT_GOAL := help
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --no-print-directory
# Python caches the bytecode of what it imports (in .venv and src) even where the caller set
# PYTHONDONTWRITEBYTECODE, as CI machines do: each kernel, build worker and test process
# imports pandas, Altair and Jupyter, which from source costs 1.7 CPU-s more per process.
unexport PYTHONDONTWRITEBYTECODE

PYTHON ?= python3
VENV := .venv
VENV_LAB := .venv-lab
BIN := $(VENV)/bin
SYSTEM_DEPS := .cache/system-deps.stamp
KERNEL := $(VENV)/share/jupyter/kernels/nereport/kernel.json
NODE_DEPS := node_modules/.stamp
CATALOGS := $(patsubst %.po,%.mo,$(wildcard src/nereport/locale/*/LC_MESSAGES/nereport.po))
POT := .cache/nereport.pot

PYTEST_ARGS ?=
LAB_ARGS ?= --no-browser
# Jupyter refuses to run as root unless told; CI and these machines run as root.
LAB_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
LOCK_ARGS ?=

# pip-compile lives in a throwaway env of its own; bump the version here.
PIP_TOOLS_VERSION := 7.6.2
LOCK_VENV := .cache/lock-venv
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet \
	--strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
# jsonschema imports rfc3987-syntax when it is installed, which costs ~1 s per
# process and per kernel; it arrives with jupyterlab, so it stays out of these.
LEAN_LOCKS := requirements/runtime.txt requirements/dev.txt
NOT_IN_LEAN_LOCKS := ^(jupyterlab|jupyter-server|jupyter-events|rfc3987-syntax)==

.PHONY: help setup test check lint reports bench data-docs data-package lab lock clean distclean raw messages

help: ## Show this help
	@echo "Usage: make TARGET [PYTEST_ARGS=...] [LAB_ARGS=...] [LOCK_ARGS=...]"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

## Environments ----------------------------------------------------------------

$(SYSTEM_DEPS): scripts/install-system-deps.sh $(wildcard /var/lib/dpkg/status)
	bash scripts/install-system-deps.sh
	@mkdir -p $(@D) && touch $@

# uv installs the locked packages: 4 s against pip's 45 s for requirements/dev.txt, and 1 s
# against 8 s for nereport itself. It does not read pip's configuration: where it cannot
# reach an index, pip (which does) installs the same pins.
# --no-deps: the lock pins every package, so there is nothing to resolve; `pip check` then
# confirms that the pins fit together. Python compiles what is imported on first use.
UV_VERSION := 0.13.9
UV := $(BIN)/uv
# $(call install,ENV,ARGS): install ARGS (pinned, no dependencies) into the env ENV.
install = $(UV) pip install --python $(1)/bin/python --no-deps $(2) \
	|| $(1)/bin/python -m pip install --no-compile --no-deps $(2)

$(VENV)/.deps: requirements/dev.txt | $(SYSTEM_DEPS)
	@echo "==> building $(VENV) from requirements/dev.txt"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(call install,$(VENV),-r requirements/dev.txt)
	@touch $@

$(VENV)/.stamp: $(VENV)/.deps pyproject.toml
	$(call install,$(VENV),-e .)
	@# Fails when pyproject.toml asks for something the lock lacks: run `make lock`.
	$(BIN)/python -m pip check
	@touch $@

$(KERNEL): $(VENV)/.stamp
	$(BIN)/python -m ipykernel install --sys-prefix --name nereport \
		--display-name "nereport (Python $$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])'))"
	@touch $@

$(VENV_LAB)/.stamp: requirements/lab.txt | $(SYSTEM_DEPS) $(VENV)/.deps
	@echo "==> building $(VENV_LAB) from requirements/lab.txt"
	rm -rf $(VENV_LAB)
	$(PYTHON) -m venv $(VENV_LAB)
	$(call install,$(VENV_LAB),-r requirements/lab.txt)
	$(VENV_LAB)/bin/python -m pip check
	@touch $@

# npm and Java come with the system packages. --ignore-scripts: vnu-jar's postinstall only
# looks for Java, and downloads a runtime of its own when it finds none.
$(NODE_DEPS): package-lock.json | $(SYSTEM_DEPS)
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# gettext catalogs: written by hand (make messages), compiled here.
%.mo: %.po $(VENV)/.deps
	$(BIN)/pybabel compile --statistics -D nereport -i $< -o $@

setup: $(SYSTEM_DEPS) $(KERNEL) $(NODE_DEPS) $(CATALOGS) ## System packages, .venv (locked deps + editable nereport), the nereport kernel, node_modules, catalogs
	@echo "setup: $(VENV) is ready (kernel 'nereport' in $(VENV)/share/jupyter); node_modules holds the HTML checkers"

## Everyday --------------------------------------------------------------------

# The tests run on both cores (pytest-xdist); a module's tests stay on one worker, so its
# fixtures are made once. Modules are handed out longest first (tests/conftest.py), not by
# their number of tests. PYTEST_ARGS="-n0" runs them in this process.
PYTEST_PARALLEL ?= -n 2 --dist loadscope --no-loadscope-reorder

# The environments are built side by side (the lab env once uv is in .venv; npm), each one's log
# kept whole.
test: ## Lint, then run every test, on both cores (e.g. PYTEST_ARGS="-k pdf")
	$(MAKE) -j2 --output-sync=target setup $(VENV_LAB)/.stamp
	$(MAKE) lint
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

check: setup lint ## The inner loop: lint, then the fast tests (not those marked slow)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not slow" $(PYTEST_ARGS)

lint: $(VENV)/.stamp ## ruff (check and format) and the parts' import rules (lint-imports)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/lint-imports

lab: setup $(VENV_LAB)/.stamp ## JupyterLab at the project root; tracked notebooks are saved without outputs
	JUPYTER_PATH="$(CURDIR)/$(VENV)/share/jupyter" $(VENV_LAB)/bin/jupyter lab \
		--config="$(CURDIR)/jupyter/jupyter_server_config.py" \
		--ServerApp.root_dir="$(CURDIR)" \
		--MappingKernelManager.default_kernel_name=nereport $(LAB_ROOT) $(LAB_ARGS)

reports: setup ## Build the reports (nereport build)
	$(BIN)/nereport build

bench: setup ## Run the benchmarks (bench/run.py)
	$(BIN)/python bench/run.py

data-docs: setup ## Write the dataset documentation to data/docs
	$(BIN)/nereport describe --all --output data/docs

data-package: setup ## Write the datasets as a Frictionless data package to data/package
	$(BIN)/nereport export data/package

## Maintenance -----------------------------------------------------------------

messages: $(VENV)/.stamp ## Extract the messages (code, notebooks, policy data) and update the .po catalogs
	@mkdir -p $(@D) .cache
	$(BIN)/pybabel extract -F src/nereport/locale/babel.cfg -k N_ -k translate --sort-output \
		--add-location=file --project nereport --copyright-holder "nereport" -o $(POT) .
	$(BIN)/pybabel update --ignore-obsolete --no-fuzzy-matching -D nereport -i $(POT) \
		-d src/nereport/locale

REFERENCE ?= ../shared/reference
raw: ## Recompile data/raw and its SHA256SUMS from $(REFERENCE) (scripts/compile_raw.py)
	python3 scripts/compile_raw.py --reference $(REFERENCE)

$(LOCK_VENV)/.stamp-$(PIP_TOOLS_VERSION):
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools==$(PIP_TOOLS_VERSION)
	@touch $@

lock: $(LOCK_VENV)/.stamp-$(PIP_TOOLS_VERSION) ## Re-pin requirements/*.txt from pyproject.toml (LOCK_ARGS=--upgrade bumps all)
	$(PIP_COMPILE) -o requirements/runtime.txt pyproject.toml
	$(PIP_COMPILE) --extra dev -c requirements/runtime.txt -o requirements/dev.txt pyproject.toml
	@# The lab env holds JupyterLab only, not the runtime: read just that extra.
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["lab"], sep="\n")' \
		| $(PIP_COMPILE) -o requirements/lab.txt -
	sed -i 's/-r -$$/nereport[lab] (pyproject.toml)/' requirements/lab.txt
	@if grep -HEi '$(NOT_IN_LEAN_LOCKS)' $(LEAN_LOCKS); then \
		echo "lock: the packages above must stay out of $(LEAN_LOCKS)" >&2; exit 1; fi
	@echo "lock: wrote requirements/{runtime,dev,lab}.txt"

clean: ## Remove built reports (keeps reports/.gitkeep) and caches
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf .cache .pytest_cache .ruff_cache
	find . \( -path ./.git -o -path ./$(VENV) -o -path ./$(VENV_LAB) \) -prune \
		-o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean ## clean, and remove .venv, .venv-lab and node_modules
	rm -rf $(VENV) $(VENV_LAB) node_modules
