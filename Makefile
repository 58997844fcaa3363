# Two commands: `make` builds the generator and the example site into output/;
# `make test` runs every test through CTest. `make sanitize` builds everything
# again with AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/
# and runs every test there (scripts/sanitize-test.sh). `make fuzz` builds the
# libFuzzer targets (clang, in build-fuzz/) and runs each for FUZZ_SECONDS;
# `make fuzz-smoke` runs each for FUZZ_SMOKE_SECONDS.
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= 2
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20

.PHONY: all deps configure generator site test sanitize bench clean fuzz-build fuzz fuzz-smoke

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

$(FUZZ_BUILD)/build.ninja: | deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DAGENDAPACK_FUZZ=ON -DAGENDAPACK_TESTS=OFF

fuzz-build: $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers

# One target after another, one process each, over seeds gathered from the
# tree and what earlier runs found (build-fuzz/corpus/); any finding fails.
fuzz: fuzz-build
	python3 tests/fuzz/seeds.py . $(FUZZ_BUILD)/corpus
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_BUILD)/corpus

# The same from the seeds alone, so a short run stays short however large
# the long runs' corpora have grown.
fuzz-smoke: fuzz-build
	rm -rf $(FUZZ_BUILD)/smoke-corpus
	python3 tests/fuzz/seeds.py . $(FUZZ_BUILD)/smoke-corpus
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS) $(FUZZ_BUILD)/smoke-corpus

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD)
