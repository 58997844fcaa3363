# Two commands: `make` builds the generator and the example site into output/;
# `make test` runs every test through CTest. `make sanitize` builds everything
# again with AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/
# and runs every test there (scripts/sanitize-test.sh).
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= 2

.PHONY: all deps configure generator site test sanitize bench clean

all: site

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD)/build.ninja

generator: configure
	cmake --build $(BUILD) -j $(JOBS)

site: generator
	$(BUILD)/agendapack build --content content --data data --templates templates --out output

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: generator node_modules/.package-lock.json
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(SANITIZE_BUILD)/build.ninja: | deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAGENDAPACK_SANITIZE=ON

sanitize: $(SANITIZE_BUILD)/build.ninja node_modules/.package-lock.json
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	scripts/sanitize-test.sh $(SANITIZE_BUILD) $(JOBS)

bench: generator
	$(BUILD)/bench/pack_bench

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
