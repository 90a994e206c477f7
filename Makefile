# OneDoor — `make site` builds the tool and the portal; `make test` runs every test.
SWIFT      ?= swift
CONFIG     ?= release
CATALOGUE  ?= catalogue
OUTPUT     ?= site
PREFIX     ?= /usr/local
BIN         = .build/$(CONFIG)/onedoor

.PHONY: all site check test swift-test browser-test deps python-deps tool install clean

all: site

# Installs what a fresh machine lacks, and says what it did.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "make: libcmark-dev is missing; installing it with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null \
	    && echo "make: installed libcmark-dev"; \
	fi

python-deps:
	@if ! python3 -c "import jsonschema" 2>/dev/null; then \
	  echo "make: Python jsonschema is missing; installing it with pip"; \
	  python3 -m pip install -q jsonschema && echo "make: installed jsonschema"; \
	fi

tool: deps
	$(SWIFT) build -c $(CONFIG) --product onedoor

check: tool
	$(BIN) check $(CATALOGUE)

site: tool
	$(BIN) build $(CATALOGUE) --output $(OUTPUT)
	@echo "The portal is in $(OUTPUT)/: open $(OUTPUT)/index.html"

test: deps python-deps swift-test

swift-test:
	$(SWIFT) test

install: tool
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/onedoor

clean:
	rm -rf .build $(OUTPUT)
