# SPDX-License-Identifier: BSD-2-Clause
# Thin wrapper over CMake (as cmark has): `make demo`, `make check`, `make bench`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

PREFIX ?= /usr/local

.PHONY: all deps build demo check bench precision fuzz format screenshots install uninstall package clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/statuslog parse fixtures/plan.md

# then the reason of each skipped test, in one line (ctest keeps it in its log)
check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@awk '/^[0-9]+\/[0-9]+ Test: / { name = $$3 } /skipping|skipped:/ { print "skipped: " name ": " $$0 }' \
	    $(BUILD)/Testing/Temporary/LastTest.log

bench: build
	scripts/bench $(BUILD)

# per rule, the findings on ../shared/corpus/others and real, and how many
# of the judged findings (others/judged.tsv) each rule keeps or still makes
precision: build
	tests/corpus/precision $(BUILD)/statuslog

# libFuzzer targets with clang, ASan and UBSan; FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz: deps
	@command -v clang >/dev/null || scripts/install-deps clang
	@CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DSLOG_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS) --target fuzz_read fuzz_mustache fuzz_config fuzz_append fuzz_check fuzz_mcp fuzz_lsp
	scripts/fuzz build-fuzz $(FUZZ_SECONDS)

# The browser test's screenshots of the HTML digests (light, dark and narrow), into docs/.
screenshots: build
	@command -v chromium >/dev/null || scripts/install-deps chromium
	cd $(BUILD) && ctest -R '^browser$$' --output-on-failure
	cp $(BUILD)/digest-example-light-1280.png $(BUILD)/digest-example-dark-500.png \
	   $(BUILD)/digest-corpus-light-1280.png docs/

# make install [PREFIX=/usr/local] [DESTDIR=...]: the program, the shared and
# static libraries, headers, pkg-config and CMake files, man pages and
# completions. make uninstall [PREFIX=...] [DESTDIR=...] removes what the
# last install wrote and the directories it made (scripts/install), and
# refuses when PREFIX or DESTDIR differ from the install's.
install: build
	@scripts/install install $(BUILD) $(PREFIX) "$(DESTDIR)"

uninstall:
	@scripts/install uninstall $(BUILD) $(PREFIX) "$(DESTDIR)"

# make package: the Debian packages statuslog, libstatuslog0 and
# libstatuslog-dev (debian/, built by debhelper) in $(BUILD)/deb
package: deps
	@scripts/build-deb $(BUILD)/deb

format:
	clang-format -i src/*/*.c src/*/*.h include/statuslog/*.h tests/unit/*.c bench/*.c fuzz/*.c fuzz/*.h

clean:
	rm -rf $(BUILD)
