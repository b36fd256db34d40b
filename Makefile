# exodus - GNU Make build. Out-of-tree objects in $(BUILD); every target that
# needs Debian packages runs scripts/deps first (a no-op when all are there).

BUILD    ?= build
CC       ?= cc
PKGS     := sqlite3 gsl jansson libmicrohttpd libpq
OPT      ?= -O2
WARN     := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wvla -Wdouble-promotion -fno-common
DEFS     := -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
SAN      ?=
# "#pragma omp simd" asks for vectorisation; under clang's sanitizers the
# instrumented loop cannot be vectorised and clang says so as a warning
# (-Wpass-failed), which -Werror would make fatal. It is a speed hint the
# sanitized build does not need, so that build alone is told not to warn.
SIMD_OK   = $(if $(and $(SAN),$(findstring clang,$(CC))),-Wno-pass-failed)
# The project's reference data (R's survival outputs, exact Hawkes MLEs,
# HR data sets) that the tests read in place; CI has it beside the checkout.
SHARED   ?= $(abspath ../shared)
WERROR   ?=
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = $(CFLAGS) $(WARN) $(WERROR) $(DEFS) $(SAN) $(SIMD_OK) -fopenmp -MMD -MP
LIB_CFLAGS = $(ALL_CFLAGS) -fvisibility=hidden -fPIC -Iinclude -Isrc -I$(BUILD)/gen \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CLI_CFLAGS = $(ALL_CFLAGS) -Iinclude -Isrc/cli -DEXO_DATA_DIR='"$(CURDIR)/data"'
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lunistring -lz -lm -fopenmp

LIB_DIRS := src/core src/store src/ingest src/model src/analysis src/report src/serve
LIB_SRC  := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(wildcard src/cli/*.c)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
SCHEMA   := $(sort $(wildcard src/store/schema/*.sql))
SCHEMA_PG := $(sort $(wildcard src/store/schema_pg/*.sql))
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
BENCH_SRC := $(wildcard bench/bench_*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
# The calibration benchmark's truth simulator: linked into the unit tests
# (which test it) and bench/calibrate, never into the library.
TRUTH_OBJ := $(BUILD)/bench/truth.o

LIBA := $(BUILD)/libexodus.a
EXE  := $(BUILD)/exodus

# The shared library: libexodus.so.MAJOR.MINOR.PATCH from exodus.h, soname
# libexodus.so.MAJOR, exporting only the exo_ names (scripts/exodus.map).
VERSION := $(shell sed -n 's/^\#define EXO_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$$/\2/p' include/exodus.h | paste -sd.)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
SONAME  := libexodus.so.$(SOMAJOR)
SO      := $(BUILD)/libexodus.so.$(VERSION)
MAN     := $(BUILD)/doc/exodus.1
COMPL   := $(BUILD)/doc/exodus.bash

# make install [PREFIX=/usr/local] [DESTDIR=]; make uninstall removes what
# the manifest it wrote lists ($(PREFIX)/share/exodus/install-manifest).
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share
PYTHON     ?= /usr/bin/python3
PYTHONDIR  ?= $(LIBDIR)/python$(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)/dist-packages
INSTALL_VARS = DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' BINDIR='$(BINDIR)' \
    LIBDIR='$(LIBDIR)' INCLUDEDIR='$(INCLUDEDIR)' MANDIR='$(MANDIR)' \
    DATADIR='$(DATADIR)' PYTHONDIR='$(PYTHONDIR)' VERSION='$(VERSION)' \
    SONAME='$(SONAME)' BUILD='$(BUILD)'

.PHONY: all deps test check unit cli-tests mpi shared-data browser-tests bench bench-serve train-extract parse-extract \
        demo lint cxx-header fmt clean fuzz install uninstall install-tests \
        calibrate python python-tests
all: $(EXE) $(LIBA) $(SO) $(MAN) $(COMPL)

deps:
	@./scripts/deps

$(BUILD)/gen/schema.inc: $(SCHEMA) scripts/embed
	@mkdir -p $(dir $@)
	./scripts/embed $(SCHEMA) > $@

$(BUILD)/src/store/schema.o: $(BUILD)/gen/schema.inc

# The PostgreSQL store's migrations, in that server's dialect (src/store/pg.c).
$(BUILD)/gen/schema_pg.inc: $(SCHEMA_PG) scripts/embed
	@mkdir -p $(dir $@)
	./scripts/embed $(SCHEMA_PG) > $@

$(BUILD)/src/store/pg.o: $(BUILD)/gen/schema_pg.inc

# data/companies.csv (alias,org; no quoted fields) as C rows for lexicon.c.
$(BUILD)/gen/companies.inc: data/companies.csv
	@mkdir -p $(dir $@)
	tail -n +2 $< | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
	    -e 's/^\([^,]*\),\(.*\)$$/{"\1", "\2"},/' > $@

$(BUILD)/src/ingest/lexicon.o: $(BUILD)/gen/companies.inc

# data/extract-model.csv (feature,6 weights; sorted by feature as strcmp
# sorts; no quoted fields) as C rows for model.c: the learned reader of
# extract (ex17c), written by tests/extract/news/train.c.
$(BUILD)/gen/extract_model.inc: data/extract-model.csv
	@mkdir -p $(dir $@)
	tail -n +2 $< | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
	    -e 's/^\([^,]*\),\(.*\)$$/{"\1", {\2}},/' > $@

# data/extract-calibration.csv (feature,weight): the second look (ex20c),
# written by the same trainer in the same run. Its (reader) row is the
# cksum of the reader it was trained with: a second look trained on
# another reader is stale, and the build stops.
$(BUILD)/gen/extract_calibration.inc: data/extract-calibration.csv data/extract-model.csv
	@mkdir -p $(dir $@)
	@sum=$$(cksum < data/extract-model.csv | cut -d' ' -f1); \
	grep -qx "(reader),$$sum" $< || { echo "$<: stale, trained with another data/extract-model.csv (make train-extract writes both)" >&2; exit 1; }
	tail -n +2 $< | grep -v '^(reader),' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
	    -e 's/^\([^,]*\),\(.*\)$$/{"\1", \2},/' > $@

$(BUILD)/src/ingest/model.o: $(BUILD)/gen/extract_model.inc $(BUILD)/gen/extract_calibration.inc

# The trainer of that model (liblinear); run by hand after the development
# sets or the features change: make train-extract. It reads every devN.txt
# of tests/extract/news and chooses C and the threshold by cross-validation
# (ex17m; docs/extract.md), and in the same run trains the second look on
# the candidates (ex20c), writing data/extract-calibration.csv.
$(BUILD)/train-extract: tests/extract/news/train.c tests/extract/news/news_sets.h $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) -o $@ $< $(LIBA) $(LIBS) -llinear

train-extract: deps $(BUILD)/train-extract
	$(BUILD)/train-extract tests/extract/news data/extract-model.csv data/extract-calibration.csv

# Issue 17's fifth round (ex17p): link-grammar's parse of the gated
# sentences, measured against the development sets and on the adversarial
# inputs; an experiment, never linked into the library (docs/extract.md,
# "Fifth round: a parser"). make parse-extract prints the figures.
$(BUILD)/parse-extract: tests/extract/news/parse_exp.c tests/extract/news/news_sets.h bench/adversarial_text.h $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) $(shell pkg-config --cflags link-grammar 2>/dev/null) -o $@ $< $(LIBA) $(LIBS) \
	    $(shell pkg-config --libs link-grammar 2>/dev/null || echo -llink-grammar)

parse-extract: deps $(BUILD)/parse-extract
	$(BUILD)/parse-extract tests/extract/news dev dev2 dev3 dev4
	$(BUILD)/parse-extract --bench 1000000

# Report assets: the page, style and renderer, and the chart libraries that
# scripts/deps installs with npm ci from package-lock.json (the stamp is
# renewed whenever the lock file changes).
ASSETS    := $(sort $(wildcard src/report/assets/*))
VENDOR_JS := node_modules/vega/build/vega.min.js \
             node_modules/vega-interpreter/build/vega-interpreter.min.js \
             node_modules/vega-lite/build/vega-lite.min.js \
             node_modules/vega-embed/build/vega-embed.min.js
NODE_STAMP := node_modules/.exodus-lock

$(NODE_STAMP): package-lock.json scripts/deps
	./scripts/deps
	@touch $@

$(BUILD)/gen/assets.inc: $(ASSETS) $(NODE_STAMP) scripts/embed-assets
	@mkdir -p $(dir $@)
	./scripts/embed-assets $(ASSETS) $(VENDOR_JS) > $@.tmp
	mv $@.tmp $@

$(BUILD)/src/report/assets.o: $(BUILD)/gen/assets.inc

$(BUILD)/src/cli/%.o: src/cli/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CFLAGS) -c $< -o $@

$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(EXE): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LIBS)

$(SO): $(LIB_OBJ) scripts/exodus.map
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=scripts/exodus.map -Wl,--no-undefined \
	    -o $@ $(LIB_OBJ) $(LIBS)
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libexodus.so

# exodus-mpi (src/mpi/): the CLI's scan and a Cox fit across MPI ranks.
# Only 'make mpi' (and the tests) build it, so exodus never needs MPI;
# Open MPI's mpicc wraps $(CC).
MPICC   ?= OMPI_CC=$(CC) mpicc
MPI_EXE := $(BUILD)/exodus-mpi
MPI_OBJ := $(filter-out $(BUILD)/src/cli/main.o,$(CLI_OBJ)) \
           $(BUILD)/mpi/cli_main.o $(BUILD)/mpi/exodus_mpi.o
mpi: $(MPI_EXE)
$(BUILD)/mpi/cli_main.o: src/cli/main.c
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CFLAGS) -DEXO_CLI_NO_MAIN -c $< -o $@
$(BUILD)/mpi/exodus_mpi.o: src/mpi/exodus_mpi.c
	@mkdir -p $(dir $@)
	$(MPICC) $(CLI_CFLAGS) -c $< -o $@
$(MPI_EXE): $(MPI_OBJ) $(LIBA)
	$(MPICC) $(ALL_CFLAGS) -o $@ $(MPI_OBJ) $(LIBA) $(LIBS)

# The manual page and the completion script come from the binary's own
# command and option tables (src/cli/doc.c), so they cannot drift from -h.
$(MAN): $(EXE)
	@mkdir -p $(dir $@)
	$(EXE) --dump-man > $@.tmp && mv $@.tmp $@

$(COMPL): $(EXE)
	@mkdir -p $(dir $@)
	$(EXE) --dump-completion > $@.tmp && mv $@.tmp $@

install: all
	@$(INSTALL_VARS) ./scripts/install install

uninstall:
	@$(INSTALL_VARS) ./scripts/install uninstall

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) -Ibench -DEXO_SHARED_DIR='"$(SHARED)"' \
	    -DEXO_SOURCE_DIR='"$(CURDIR)"' -c $< -o $@

$(BUILD)/test-unit: $(TEST_OBJ) $(TRUTH_OBJ) $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJ) $(TRUTH_OBJ) $(LIBA) $(LIBS) -lcriterion

# Only libc and GSL: the truth must not lean on the code it judges.
$(TRUTH_OBJ): bench/truth.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags gsl 2>/dev/null) -c $< -o $@

$(BUILD)/bench/%: bench/%.c $(wildcard bench/*.h) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) -o $@ $< $(LIBA) $(LIBS)

# The calibration of the spiral verdict (bench/calibrate.c): not part of
# make bench, since its default table is 11,200 full analyses (56 cells of
# 200 replicates), each with its own bootstrap. Public API only, like the
# CLI. Options through CALIBRATE_ARGS='--reps 50 --markdown'.
CALIBRATE := $(BUILD)/bench/calibrate
$(CALIBRATE): bench/calibrate.c $(TRUTH_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iinclude -Ibench $(shell pkg-config --cflags gsl 2>/dev/null) \
	    -o $@ $< $(TRUTH_OBJ) $(LIBA) $(LIBS)

calibrate: deps $(CALIBRATE)
	$(CALIBRATE) $(CALIBRATE_ARGS)

unit: deps $(BUILD)/test-unit
	$(BUILD)/test-unit --jobs 2

cli-tests: deps shared-data $(EXE) $(MPI_EXE)
	EXODUS=$(abspath $(EXE)) EXO_SHARED=$(SHARED) ./tests/cli/run

# Stops at once, and says why, when the reference data is not there.
shared-data:
	@test -f $(SHARED)/data/hawkes/reference.json && \
	    test -d $(SHARED)/data/survival-ref && \
	    test -f $(SHARED)/data/hr/HRDataset_v14.csv || { \
	    echo "make: the tests compare against the reference data in" \
	        "$(SHARED) (data/hawkes, data/survival-ref, data/hr), which is" \
	        "not there: put the project's 'shared' folder beside this" \
	        "checkout, or run make SHARED=/path/to/shared test" >&2; exit 1; }

# The whole suite: unit tests, CLI golden tests and the cheap lint checks.
# Criterion does not fail a test whose worker LeakSanitizer flags at exit,
# so the log is searched for sanitizer reports too.
test: deps shared-data
	$(MAKE) --no-print-directory all mpi $(BUILD)/test-unit
	@$(BUILD)/test-unit --jobs 2 > $(BUILD)/unit.log 2>&1; s=$$?; \
	    cat $(BUILD)/unit.log; test $$s = 0 || exit $$s; \
	    if grep -n "Sanitizer" $(BUILD)/unit.log; then \
	        echo "sanitizer reports in the unit tests" >&2; exit 1; fi
	EXODUS=$(abspath $(EXE)) EXO_SHARED=$(SHARED) ./tests/cli/run
	./scripts/lint-symbols $(LIBA) $(SO)
	@$(MAKE) --no-print-directory cxx-header
	clang-format --dry-run -Werror $(FORMATTED) && echo "format: ok"
	EXODUS=$(abspath $(EXE)) ./tests/serve/run
	EXODUS=$(abspath $(EXE)) ./tests/views/run
	EXODUS=$(abspath $(EXE)) SHOTS=$(abspath $(BUILD))/screenshots \
	    node tests/browser/run.mjs
	$(MAKE) --no-print-directory install-tests
	$(MAKE) --no-print-directory python-tests

# The browser tests alone (headless Debian chromium through playwright-core).
browser-tests: deps $(EXE)
	EXODUS=$(abspath $(EXE)) SHOTS=$(abspath $(BUILD))/screenshots \
	    node tests/browser/run.mjs

# Installs into $(BUILD)/stage and checks the installed files: the example
# program through pkg-config, the Python module, the manual page against
# -h, the completion script, and that uninstall leaves nothing behind.
install-tests: all
	rm -rf $(BUILD)/stage
	$(MAKE) --no-print-directory install DESTDIR=$(abspath $(BUILD)/stage) \
	    PREFIX=/usr/local
	CC='$(CC)' SAN='$(SAN)' CFLAGS='$(CFLAGS) $(WARN) $(WERROR)' \
	    EXODUS=$(abspath $(EXE)) STAGE=$(abspath $(BUILD)/stage) \
	    EXO_SHARED=$(SHARED) \
	    PREFIX=/usr/local PYTHON=$(PYTHON) $(INSTALL_VARS) \
	    ./tests/install/run

# The Python package (python/) as a wheel that bundles libexodus.so and the
# command, built by python/_build/exodus_build.py with the standard library
# only (pip install ./python uses the same backend).
WHEEL_DIR := $(BUILD)/python
# A sanitized library (make check) needs the sanitizer runtimes loaded
# first in python3, which is not built with them.
SAN_PRELOAD := $(strip \
    $(if $(findstring address,$(SAN)),$(shell $(CC) -print-file-name=libasan.so)) \
    $(if $(findstring undefined,$(SAN)),$(shell $(CC) -print-file-name=libubsan.so)))
python: $(SO) $(EXE)
	rm -rf $(WHEEL_DIR) && mkdir -p $(WHEEL_DIR)
	cd python && LD_PRELOAD='$(SAN_PRELOAD)' ASAN_OPTIONS=detect_leaks=0 \
	    EXODUS_LIBRARY=$(abspath $(BUILD)/$(SONAME)) \
	    EXODUS=$(abspath $(EXE)) $(PYTHON) -c 'import sys; \
	    sys.path.insert(0, "_build"); import exodus_build as b; \
	    print(b.build_wheel(sys.argv[1]))' $(abspath $(WHEEL_DIR))

# pip install --no-index into fresh virtual environments, then tests/python
# against the command's --json (tests/python/run says how).
python-tests: deps shared-data python
	CC='$(CC)' SAN='$(SAN)' EXODUS=$(abspath $(EXE)) EXO_SHARED=$(SHARED) \
	    WHEEL=$$(ls $(abspath $(WHEEL_DIR))/exodus-*.whl) ./tests/python/run

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# then each fuzz target for a bounded time.
check: deps
	$(MAKE) --no-print-directory test BUILD=build-san OPT=-O1 \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
	$(MAKE) --no-print-directory fuzz

FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 30
fuzz: deps
	@for t in $(FUZZ_TARGETS); do \
	    $(MAKE) --no-print-directory build-fuzz/fuzz_$$t || exit 1; \
	    mkdir -p tests/fuzz/corpus/$$t; \
	    echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	    ./build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=0 \
	        -close_fd_mask=3 tests/fuzz/corpus/$$t 2>build-fuzz/$$t.log \
	        || { tail -40 build-fuzz/$$t.log; exit 1; }; \
	    tail -1 build-fuzz/$$t.log; \
	done

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(BUILD)/gen/schema.inc $(BUILD)/gen/schema_pg.inc $(BUILD)/gen/companies.inc $(BUILD)/gen/extract_model.inc $(BUILD)/gen/extract_calibration.inc $(BUILD)/gen/assets.inc
	@mkdir -p build-fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(DEFS) -Iinclude -Isrc -I$(BUILD)/gen \
	    $(shell pkg-config --cflags $(PKGS)) -fopenmp=libgomp -o $@ $< $(LIB_SRC) $(LIBS)

# survival_vs_r.sh installs R (apt-get) when it is missing, then times
# exodus against R's coxph and survfit on one generated CSV file.
bench: deps $(BENCH_BIN) $(EXE)
	@for b in $(BENCH_BIN); do echo "== $$b"; $$b || exit 1; done
	@echo "== bench/import-schema-floor.sh"
	./bench/import-schema-floor.sh
	@echo "== bench/survival_vs_r.sh"
	./bench/survival_vs_r.sh --install-r $(BUILD)
	@echo "== bench/serve-wrk"
	EXODUS=$(abspath $(EXE)) ./bench/serve-wrk

# wrk against the dashboard on loopback: /api/orgs, /api/flows and
# /api/spiral with 100 connections, then /api/orgs under /api/runway load.
bench-serve: deps $(EXE)
	EXODUS=$(abspath $(EXE)) ./bench/serve-wrk

demo: deps $(EXE)
	$(EXE) demo

FORMATTED := $(LIB_SRC) $(CLI_SRC) $(wildcard src/mpi/*.c) include/exodus.h \
             $(foreach d,$(LIB_DIRS) src/cli,$(wildcard $(d)/*.h))

# exodus.h promises that it compiles as C++ (extern "C"): a small C++
# file that uses it is compiled with g++ and clang++. scripts/deps
# installs both (build-essential, clang); a missing one fails the check
# rather than skipping it.
cxx-header:
	@for cxx in g++ clang++; do \
	    if ! command -v $$cxx >/dev/null 2>&1; then \
	        echo "exodus.h as C++: $$cxx is missing (scripts/deps installs it)" >&2; \
	        exit 1; fi; \
	    cmd="$$cxx -std=c++11 -fsyntax-only -Wall -Wextra -pedantic $(WERROR)"; \
	    cmd="$$cmd -Iinclude tests/cxx/header.cpp"; \
	    echo "$$cmd"; $$cmd || exit 1; \
	done; echo "exodus.h as C++: ok"

lint: $(LIBA) $(SO)
	./scripts/lint-symbols $(LIBA) $(SO)
	clang-format --dry-run -Werror $(FORMATTED)

fmt:
	clang-format -i $(FORMATTED)

clean:
	rm -rf build build-san build-clang build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(TRUTH_OBJ:.o=.d) \
    $(CALIBRATE).d $(BUILD)/mpi/cli_main.d $(BUILD)/mpi/exodus_mpi.d
