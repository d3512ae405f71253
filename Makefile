# Two entry points for a fresh machine with Python 3.11 and access to PyPI:
#   make demo   install into .venv, analyse examples/, write the ledger and a report
#   make test   install into .venv, run lint and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: install install-bench demo test lint seeds-score bench clean

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
	$(BIN)/claimledger status --db $(OUT)/demo.db
	@echo
	@echo "Ledger JSON:     $(OUT)/demo-ledger.json"
	@echo "Markdown report: $(OUT)/demo-report.md"
	@echo "Database:        $(OUT)/demo.db  (try: $(BIN)/claimledger search 'denied' --db $(OUT)/demo.db)"

lint: install
	$(BIN)/ruff check src tests bench

test: install lint
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

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache
