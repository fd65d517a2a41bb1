# fuzz/fuzz.mk - the libFuzzer build, driven by fuzz/build.sh (make -f fuzz/fuzz.mk OUT=...).
# Separate from the automake build: its own compiler (clang), flags and output directory.
# Every driver source outside driver/api/ (the exported entry points) goes into one static
# archive; each fuzz/fuzz_NAME.c links against it, so only what a target uses is pulled in.
CC ?= clang-14
OUT ?= build/fuzz
PKGS = odbcinst libpq libcurl libcrypto json-c libxml-2.0
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# configure's one definition the sources use
VERSION := $(shell grep -m1 '^AC_INIT' configure.ac | cut -d[ -f3 | cut -d] -f1)
CFLAGS_FUZZ = -g -O1 -std=c11 -D_GNU_SOURCE -DPACKAGE_VERSION='"$(VERSION)"' -pthread -Wall -Wextra -Wno-unused-parameter \
	-Idriver -Ifuzz $(shell pkg-config --cflags $(PKGS)) $(SAN)
LIBS = $(shell pkg-config --libs $(PKGS)) -pthread

DRIVER_SRC = $(filter-out driver/api/%,$(wildcard driver/*.c driver/*/*.c driver/aws/creds/*.c)) \
	driver/api/api_util.c
DRIVER_OBJ = $(patsubst %.c,$(OUT)/obj/%.o,$(DRIVER_SRC))
TARGETS = $(patsubst fuzz/%.c,$(OUT)/%,$(wildcard fuzz/fuzz_*.c))

all: $(TARGETS)

$(OUT)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_FUZZ) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(OUT)/librsfuzz.a: $(DRIVER_OBJ)
	rm -f $@
	ar rcs $@ $^

$(OUT)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_util.h $(OUT)/librsfuzz.a
	$(CC) $(CFLAGS_FUZZ) -fsanitize=fuzzer -MMD -MP -MF $@.d $< $(OUT)/librsfuzz.a $(LIBS) -o $@

-include $(DRIVER_OBJ:.o=.d) $(TARGETS:=.d)

.PHONY: all
