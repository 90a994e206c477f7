# OneDoor — `make site` builds the tool and the portal; `make test` runs every test.
SWIFT      ?= swift
CONFIG     ?= release
CATALOGUE  ?= catalogue
OUTPUT     ?= site
PREFIX     ?= /usr/local
BIN         = .build/$(CONFIG)/onedoor

.PHONY: all site check test swift-test portal-test screenshots deps python-deps browser-deps tool install clean

all: site

# Installs what a fresh machine lacks, and says what it did.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "make: libcmark-dev is missing; installing it with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null \
	    && echo "make: installed libcmark-dev"; \
	fi

python-deps:
	@for module in jsonschema pytest selenium; do \
	  if ! python3 -c "import $$module" 2>/dev/null; then \
	    echo "make: Python $$module is missing; installing it with pip"; \
	    python3 -m pip install -q --root-user-action=ignore $$module && echo "make: installed $$module"; \
	  fi; \
	done

browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "make: chromium and chromium-driver are missing; installing them with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
	    && echo "make: installed chromium and chromium-driver"; \
	fi

tool: deps
	$(SWIFT) build -c $(CONFIG) --product onedoor

check: tool
	$(BIN) check $(CATALOGUE)

site: tool
	$(BIN) build $(CATALOGUE) --output $(OUTPUT)
	@echo "The portal is in $(OUTPUT)/: open $(OUTPUT)/index.html"

test: deps python-deps browser-deps swift-test portal-test

swift-test:
	$(SWIFT) test

# The built portal: catalogue.json against its schema, and the pages in headless Chromium.
portal-test:
	$(SWIFT) build --product onedoor
	ONEDOOR=.build/debug/onedoor python3 -m pytest -q Tests/portal

screenshots: site python-deps browser-deps
	python3 Tests/portal/screenshots.py $(OUTPUT) screenshots

install: tool
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/onedoor

clean:
	rm -rf .build $(OUTPUT)
