# `make run` and `make test` do all the set-up on a fresh clone (README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean reliability reset console browser screenshots

$(STAMP): requirements.txt requirements-solver.txt requirements-dev.txt clients/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q "pip<26.3"
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP) console
	$(BIN)/python -m local.run

test: $(STAMP) console browser
	$(BIN)/python -m pytest -n auto -q

# The pictures of docs/console/, taken by the browser tests.
screenshots: $(STAMP) console browser
	JAOT_SCREENSHOTS=docs $(BIN)/python -m pytest -n 2 -q tests/console

bench: $(STAMP)
	$(BIN)/python bench/ddb_calls.py
	$(BIN)/python bench/cold_import.py
	$(BIN)/python bench/solve_overhead.py
	$(BIN)/python bench/version_calls.py
	$(BIN)/python bench/templates.py
	$(BIN)/python bench/routing.py
	$(BIN)/python bench/async_runs.py
	$(BIN)/python bench/local_service.py
	$(BIN)/python bench/mathopt_overhead.py

# The console (docs/console.md): npm packages from console/package-lock.json, built into
# chalicelib/console_assets/ (served at /console, carried by the Lambda package).
CONSOLE_INDEX := chalicelib/console_assets/index.html
CONSOLE_SOURCES := $(shell find console/src console/scripts -type f 2>/dev/null) console/index.html console/vite.config.js \
	console/package.json console/bundle-budget.json

console: $(CONSOLE_INDEX)

console/node_modules/.package-lock.json: console/package-lock.json
	@command -v npm >/dev/null || { echo "make console: Node.js 20.19+ with npm is needed to build the console (docs/console.md)"; exit 1; }
	cd console && npm ci --no-audit --no-fund
	touch $@

$(CONSOLE_INDEX): console/node_modules/.package-lock.json $(CONSOLE_SOURCES)
	cd console && npm run build || { rm -f ../$(CONSOLE_INDEX); exit 1; }

# The browser tests (tests/console) drive Debian's chromium; nothing is downloaded by Playwright.
browser:
	@test -x /usr/bin/chromium || { if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y chromium; \
	  else sudo apt-get update -q && sudo apt-get install -y chromium; fi; }

reliability: $(STAMP)
	$(BIN)/python scripts/reliability.py

clean:
	rm -rf $(VENV) .pytest_cache

# Starts `make run` from empty: removes what it stored (JAOT_DATA_DIR, default .jaot/).
reset:
	rm -rf "$${JAOT_DATA_DIR:-.jaot}"

# Deployment (docs/deployment.md): nothing here needs an AWS account or credentials.
STAGE ?= dev
LAYER_ZIP := build/layer/solver-layer.zip

.PHONY: layer package docs

layer: $(LAYER_ZIP)

$(LAYER_ZIP): requirements-solver.txt deploy/layer.py deploy/lambda_runtime.py | $(STAMP)
	$(BIN)/python -m deploy.layer --out build/layer

package: $(LAYER_ZIP) console | $(STAMP)
	$(BIN)/python -m deploy.package --stage $(STAGE) --out build/package/$(STAGE) --layer $(LAYER_ZIP)

# The solver image of the Fargate long runs (deploy/image/Dockerfile): built when a Docker
# engine answers, otherwise its checked build context is left in build/image/.
.PHONY: image
image: | $(STAMP)
	$(BIN)/python -m deploy.image --out build/image

docs: | $(STAMP)
	mkdir -p build
	AWS_DEFAULT_REGION=$${AWS_DEFAULT_REGION:-us-east-1} $(BIN)/python -c "import json; from app import app; \
	from chalicelib.api.openapi import build_document; print(json.dumps(build_document(app), indent=2))" \
	> build/openapi.json
	@echo "wrote build/openapi.json (served live at /api/v2/openapi.json, rendered at /docs)"

# Fuzzing (tests/fuzz/test_fuzz_api.py): schemathesis against the local server's own
# OpenAPI document. `make test` runs a short, seeded run; this is the long one, with a
# new seed each time (printed, and kept in build/fuzz/summary.json with the reports).
FUZZ_EXAMPLES ?= 300
.PHONY: fuzz
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_PHASES=$${FUZZ_PHASES:-examples,coverage,fuzzing,stateful} \
	FUZZ_SEED=$${FUZZ_SEED:-random} FUZZ_TIMEOUT_S=$${FUZZ_TIMEOUT_S:-14400} \
	FUZZ_REPORT_DIR=$${FUZZ_REPORT_DIR:-build/fuzz} $(BIN)/python -m pytest -q -s -p no:xdist tests/fuzz
