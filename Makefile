# 渝助 — the two commands a newcomer needs are `make up` and `make test`. `make help` lists all.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: help setup up down status test test-unit test-integration test-e2e chaos bench lint format demo clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## create .venv, install Python deps, redis-server (apt) and the Kafka jars (mvn)
	@$(PY) -m devstack ensure

up: setup ## start Kafka, Redis and the four services; prints URLs and where logs go
	@$(PY) -m devstack up

down: ## stop everything `make up` (or a test run) of this checkout started
	@if [ -x $(PY) ]; then $(PY) -m devstack down; fi

status: setup ## what runs, where
	@$(PY) -m devstack status

test: setup ## unit + integration + e2e against a real Kafka and Redis (started if not running)
	$(PY) -m pytest

test-unit: setup ## unit tests only (no servers)
	$(PY) -m pytest tests/unit

test-integration: setup ## integration tests only
	$(PY) -m pytest tests/integration

test-e2e: setup ## end-to-end tests only
	$(PY) -m pytest tests/e2e

chaos: setup ## the chaos tests at full size (10,000-application burst; kill -9, restarts)
	YUZHU_CHAOS=large $(PY) -m pytest -m chaos -s --timeout 1800 tests/e2e

bench: setup ## benchmarks against their baselines (not part of `make test`); bench/results/latest.json
	$(PY) -m bench

lint: setup ## ruff (lint + format check) and mypy --strict
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup ## apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

demo: setup ## a scripted resident against the running stack (run `make up` first)
	@$(PY) -m devstack.demo

clean: down ## remove local state (var/) but keep the caches (.venv, .cache)
	rm -rf var
