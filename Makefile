# osmand-account — the two commands are `make run` and `make test`; the rest are helpers.
SHELL := /bin/bash
PORT ?= 8080
GALLERY_PORT ?= 8082

.PHONY: run test setup build build-gallery gallery-static gallery-review devserver dev gallery size fmt clean update-screenshots bench fuzz fresh-test

## make run: install what is missing, build the app, serve it with demo data on :$(PORT)
run: setup build devserver
	@echo "Open http://127.0.0.1:$(PORT)/map/account/"
	target/debug/devserver --port $(PORT) --seed demo --dev --dist dist

## make test: fmt, clippy, native tests, wasm tests in Chromium, Playwright end-to-end
test: setup
	@scripts/test.sh

setup:
	@scripts/setup.sh

build:
	scripts/release.sh

devserver:
	cargo build -p devserver

## make dev: hot reload on :8081 (trunk serve) with the API proxied to a devserver on :8080
dev: setup devserver
	target/debug/devserver --port 8080 --seed demo --dev --dist dist & \
	  trap "kill $$!" EXIT; scripts/wasm.sh trunk serve --skip-version-check

## make gallery: the designers' gallery (no server) on :$(GALLERY_PORT)
gallery: setup
	scripts/wasm.sh trunk serve gallery.html --dist dist-gallery-dev --public-url / --port $(GALLERY_PORT) --skip-version-check

build-gallery:
	scripts/wasm.sh trunk build gallery.html --dist dist-gallery --public-url /gallery/ --skip-version-check

## make gallery-static: the gallery as plain files (dist-gallery-static/) that open from a folder or any host
gallery-static: setup
	scripts/gallery-static.sh dist-gallery-static

## make gallery-review: every state's committed baseline next to its current picture, changed first
gallery-review: setup build build-gallery devserver
	node scripts/gallery-review.mjs --out target/gallery-review
	@echo "Open target/gallery-review/index.html"

## make update-screenshots: renew the gallery screenshot baselines (end2end/tests/__screenshots__)
update-screenshots: setup build build-gallery devserver
	cd end2end && npx playwright test tests/gallery.spec.ts --update-snapshots

## make size: transfer sizes of the release bundle (raw, gzip, brotli)
size: setup build
	@scripts/size.sh dist

## make bench: size budget, cold load vs static HTML, 10k/50k-version Changes (figures, not tests)
bench: setup build devserver
	@echo "== release transfer size (budget: 250 KB brotli)"; scripts/size.sh dist
	@echo; echo "== cold load"; node bench/load.mjs
	@echo; echo "== language switch"; node bench/lang.mjs
	@if [ -x bench/run.sh ]; then echo; echo "== Changes at 10 000 / 50 000 versions"; bench/run.sh; fi

## make fuzz: long fuzzing runs of every response decoder and of the devserver's request parsing
FUZZ_CASES ?= 200000
fuzz:
	FUZZ_CASES=$(FUZZ_CASES) cargo test -p osmand-api --test fuzz -- --nocapture 2>&1 | grep -E "fuzz\(|test result"
	FUZZ_CASES=$(FUZZ_CASES) cargo test -p devserver --test fuzz -- --nocapture 2>&1 | grep -E "fuzz\(|test result"

## make fresh-test: make test in a fresh clone with an empty cargo home (what a newcomer gets)
fresh-test:
	scripts/fresh-clone-test.sh --run

fmt:
	cargo fmt --all

clean:
	cargo clean; rm -rf dist dist-gallery end2end/test-results
