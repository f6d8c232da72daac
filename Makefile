# Thin wrapper over CMake (as cmark has): `make demo`, `make check`, `make bench`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo check bench format clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/statuslog parse fixtures/plan.md

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	scripts/bench $(BUILD)

format:
	clang-format -i src/*.c src/*.h src/cli/*.c src/cli/*.h include/statuslog/*.h tests/unit/*.c bench/*.c

clean:
	rm -rf $(BUILD)
