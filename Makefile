# Two entry points for a fresh machine with Python 3.11 and access to PyPI:
#   make demo   install into .venv, analyse examples/, write the ledger and a report
#   make test   install into .venv, run lint and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: install install-bench demo test lint browser seeds-score bench model clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $(BENCH_STAMP)

install-bench: $(BENCH_STAMP)

demo: install
	mkdir -p $(OUT)
	rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	$(BIN)/claimledger analyze examples --db $(OUT)/demo.db --no-progress
	$(BIN)/claimledger export --db $(OUT)/demo.db --format ledger -o $(OUT)/demo-ledger.json
	$(BIN)/claimledger export --db $(OUT)/demo.db --format markdown -o $(OUT)/demo-report.md
	$(BIN)/claimledger report --db $(OUT)/demo.db -o $(OUT)/demo-report.html
	$(BIN)/claimledger status --db $(OUT)/demo.db
	@echo
	@echo "Ledger JSON:     $(OUT)/demo-ledger.json"
	@echo "Markdown report: $(OUT)/demo-report.md"
	@echo "HTML report:     $(OUT)/demo-report.html  (open it in a browser; works offline)"
	@echo "Database:        $(OUT)/demo.db  (try: $(BIN)/claimledger search 'denied' --db $(OUT)/demo.db)"
	@echo "Web app:         $(BIN)/claimledger serve --db $(OUT)/demo.db  (then open http://127.0.0.1:8000/)"

lint: install
	$(BIN)/ruff check src tests bench

# The browser tests need Debian's chromium; installed only when it is missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo )apt-get update -qq && $(if $(filter 0,$(shell id -u)),,sudo )apt-get install -y -qq --no-install-recommends chromium

browser: $(CHROMIUM)

test: install lint browser
	$(BIN)/python -m pytest -q

# The seed articles live outside the repository (../shared); score them when present.
seeds-score: install
	@if [ -d ../shared/seeds ]; then \
	  rm -f $(OUT)/seeds.db*; mkdir -p $(OUT); \
	  $(BIN)/claimledger analyze ../shared/seeds --db $(OUT)/seeds.db --no-progress >/dev/null && \
	  $(BIN)/claimledger export --db $(OUT)/seeds.db --format ledger -o $(OUT)/seeds.json && \
	  $(BIN)/python ../shared/eval/score_ledger.py $(OUT)/seeds.json ../shared/seeds/expected.yaml; \
	else echo "../shared/seeds is absent: no seeds score"; fi

# Benchmarks read public datasets from ../shared/datasets (outside the repository) and print
# side-by-side figures; they are not tests. Each script also runs on its own.
bench: install-bench
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/timex.py

# Rebuild the stance model (src/claimledger/data/stance_model.json) from FNC-1 and Emergent in
# ../shared/datasets; deterministic, single-threaded, embeddings cached under /tmp (~10 min cold).
model: install-bench
	OMP_NUM_THREADS=1 $(BIN)/python bench/train_stance.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
