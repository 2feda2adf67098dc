# Two commands for everyone: `make lab` (learn) and `make test` (check everything).
# Each sets itself up from nothing and is fast when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
ARGS   ?=
# JupyterLab refuses to run as root (containers, CI) unless told to.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
START  := course/00_start_here/00_start_here.ipynb

.PHONY: lab test course check-course lint dot clean help
.DEFAULT_GOAL := help

help:
	@echo "make lab     set up, then open the course in JupyterLab (ARGS=... passes options on)"
	@echo "make test    set up, then run every test"
	@echo "make course  regenerate course/ from solutions/"
	@echo "make lint    ruff on the package, tests and notebooks"
	@echo "make clean   remove the virtual environment and caches"

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "error: Python 3.11 or newer is needed; run: make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

dot:
	@tools/ensure-graphviz

lab: $(READY) dot
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/$(START) $(AS_ROOT) $(ARGS)

test: $(READY) dot
	$(BIN)/python -m pytest $(ARGS)

course: $(READY)
	$(BIN)/lld-course build

lint: $(READY)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
