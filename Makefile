# OneDoor — `make site` builds the tool and the portal; `make test` runs every test.
SWIFT      ?= swift
CONFIG     ?= release
CATALOGUE  ?= catalogue
OUTPUT     ?= site
PREFIX     ?= /usr/local
BIN         = .build/$(CONFIG)/onedoor

.PHONY: all site check test swift-test js-test portal-test dist dist-test bench bench-deps fuzz screenshots deps python-deps browser-deps node-deps tool install clean

all: site

# Installs what a fresh machine lacks, and says what it did.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "make: libcmark-dev is missing; installing it with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null \
	    && echo "make: installed libcmark-dev"; \
	fi
	@# The time zones of notices: onedoor carries its own rules, the system's tools (date, cron) read these.
	@if [ ! -e /usr/share/zoneinfo/America/Halifax ]; then \
	  echo "make: tzdata is missing; installing it with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tzdata >/dev/null && echo "make: installed tzdata"; \
	fi

# Each Python module the tests import, and the pip package that gives it (axe-core 4.9.1 comes in
# selenium-axe-python, pinned so that the accessibility rules do not change under the tests).
python-deps:
	@for pair in jsonschema:jsonschema pytest:pytest selenium:selenium yaml:PyYAML selenium_axe_python:selenium-axe-python==2.2.0 pre_commit:pre-commit snowballstemmer:snowballstemmer==3.1.1; do \
	  module=$${pair%%:*}; package=$${pair#*:}; \
	  if ! python3 -c "import $$module" 2>/dev/null; then \
	    echo "make: Python $$module is missing; installing $$package with pip"; \
	    python3 -m pip install -q --root-user-action=ignore "$$package" && echo "make: installed $$package"; \
	  fi; \
	done

browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "make: chromium and chromium-driver are missing; installing them with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
	    && echo "make: installed chromium and chromium-driver"; \
	fi

node-deps:
	@if ! command -v node >/dev/null; then \
	  echo "make: node is missing; installing nodejs with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null \
	    && echo "make: installed nodejs"; \
	fi

tool: deps
	$(SWIFT) build -c $(CONFIG) --product onedoor

check: tool
	$(BIN) check $(CATALOGUE)

site: tool
	$(BIN) build $(CATALOGUE) --output $(OUTPUT)
	@echo "The portal is in $(OUTPUT)/: open $(OUTPUT)/index.html"

test: deps python-deps browser-deps node-deps swift-test js-test portal-test dist-test

swift-test:
	$(SWIFT) test

# The search client's logic without a browser, on the index the Swift tests recorded in Golden/.
js-test: node-deps
	node --test Tests/search/

# The built portal: catalogue.json against its schema, and the pages in headless Chromium.
portal-test:
	$(SWIFT) build --product onedoor
	ONEDOOR=.build/debug/onedoor python3 -m pytest -q Tests/portal

# A self-contained Linux binary for CI jobs to download: the Swift runtime and Foundation linked in
# (--static-swift-stdlib), cmark linked in from its static library, and libcurl — which Foundation's
# URLSession names and nothing of onedoor calls — stood in for by dist/curl-stub.c. It needs only what
# every Debian and Ubuntu with apt has (libc, libm, libstdc++, libgcc). Into
# onedoor-VERSION-linux-ARCH.tar.gz, with the man page and the bash, zsh and fish completions.
DIST = .build-dist
dist: deps
	mkdir -p $(DIST)/pkgconfig $(DIST)/stub
	printf 'Name: libcmark\nDescription: cmark, linked into the binary\nVersion: %s\nLibs: -L%s -l:libcmark.a\nCflags: %s\n' \
	  "$$(pkg-config --modversion libcmark)" "$$(pkg-config --variable=libdir libcmark)" "$$(pkg-config --cflags libcmark)" \
	  > $(DIST)/pkgconfig/libcmark.pc
	cc -O2 -c dist/curl-stub.c -o $(DIST)/stub/curl-stub.o && ar rcs $(DIST)/stub/libcurl.a $(DIST)/stub/curl-stub.o
	PKG_CONFIG_PATH=$(CURDIR)/$(DIST)/pkgconfig $(SWIFT) build -c release --product onedoor --scratch-path $(DIST) \
	  --static-swift-stdlib -Xlinker -L$(CURDIR)/$(DIST)/stub
	@set -e; version=$$($(DIST)/release/onedoor --version); name=onedoor-$$version-linux-$$(uname -m); stage=$(DIST)/$$name; \
	rm -rf $$stage; mkdir -p $$stage/bin $$stage/share/man/man1 $$stage/share/bash-completion/completions \
	  $$stage/share/zsh/site-functions $$stage/share/fish/vendor_completions.d; \
	strip -o $$stage/bin/onedoor $(DIST)/release/onedoor; \
	$$stage/bin/onedoor --generate-completion-script bash > $$stage/share/bash-completion/completions/onedoor; \
	$$stage/bin/onedoor --generate-completion-script zsh > $$stage/share/zsh/site-functions/_onedoor; \
	$$stage/bin/onedoor --generate-completion-script fish > $$stage/share/fish/vendor_completions.d/onedoor.fish; \
	mkdir -p $(DIST)/man; \
	PKG_CONFIG_PATH=$(CURDIR)/$(DIST)/pkgconfig $(SWIFT) package --scratch-path $(DIST) --allow-writing-to-directory $(DIST)/man \
	  generate-manual --output-directory $(DIST)/man >/dev/null; \
	cp $(DIST)/man/onedoor.1 $$stage/share/man/man1/onedoor.1; \
	tar czf $$name.tar.gz -C $(DIST) $$name; \
	echo "make: wrote $$name.tar.gz ($$(du -h $$name.tar.gz | cut -f1))"

# The archive as a CI job would use it: unpacked, run with nothing in its environment, and checked with
# ldd for any library a plain system lacks; its man page and completions against its --help.
dist-test: dist python-deps
	python3 -m pytest -q Tests/dist

# Speed against Hugo and the I/O floor; writes bench/RESULTS.md. SIZES="1000 10000" for a shorter run.
bench: deps python-deps browser-deps node-deps bench-deps
	$(SWIFT) build -c release --product onedoor
	bench/run.sh

bench-deps: python-deps
	@if ! python3 -c "import pagefind_bin" 2>/dev/null; then \
	  echo "make: Pagefind is missing; installing pagefind-bin with pip"; \
	  python3 -m pip install -q --root-user-action=ignore "pagefind-bin==1.5.2" && echo "make: installed pagefind-bin"; \
	fi
	@for tool in hyperfine hugo; do \
	  if ! command -v $$tool >/dev/null; then \
	    echo "make: $$tool is missing; installing it with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$tool >/dev/null && echo "make: installed $$tool"; \
	  fi; \
	done
	@if [ ! -x /usr/bin/time ]; then \
	  echo "make: /usr/bin/time is missing; installing the time package with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null && echo "make: installed time"; \
	fi

# libFuzzer over every stage a source file goes through. FUZZ_SECONDS=1800 for a long run.
# New inputs go to .build-fuzz/corpus; crashes to .build-fuzz/crash-*. make test replays the seeds.
FUZZ_SECONDS ?= 300
fuzz: deps
	$(SWIFT) build -c release --product onedoor-fuzz --scratch-path .build-fuzz \
	  --sanitize fuzzer --sanitize address -Xswiftc -DFUZZING
	mkdir -p .build-fuzz/corpus
	.build-fuzz/release/onedoor-fuzz .build-fuzz/corpus Tests/OneDoorKitTests/Fixtures/fuzz-corpus \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
	  -artifact_prefix=.build-fuzz/ -print_final_stats=1

screenshots: site python-deps browser-deps
	python3 Tests/portal/screenshots.py $(OUTPUT) screenshots

# The binary, its man page and shell completions (bash, zsh, fish) under PREFIX.
install: tool
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
	  $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(PREFIX)/bin/onedoor
	$(BIN) --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/onedoor
	$(BIN) --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_onedoor
	$(BIN) --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/onedoor.fish
	mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-directory .build/man generate-manual --output-directory .build/man
	install -m 644 .build/man/onedoor.1 $(PREFIX)/share/man/man1/onedoor.1
	@echo "Installed onedoor, its man page and completions under $(PREFIX)"

clean:
	rm -rf .build $(OUTPUT)
