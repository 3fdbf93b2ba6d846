# strat - plain POSIX-style Makefile (GNU make).  See README.md.
#
#   make            build ./strat, libstrat.a and libstrat.so
#   make deps       install the Debian packages the build and tests need
#   make check      unit, golden and crash tests; then again under ASan+UBSan
#   make bench      benchmarks, printed as ratios measured side by side
#   make install    PREFIX=/usr/local DESTDIR= ...

VERSION   = 0.1.0
SOVERSION = 0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
INCDIR    = $(INCLUDEDIR)
DATADIR  ?= $(PREFIX)/share
MANDIR   ?= $(DATADIR)/man
CC       ?= cc
B        ?= build
PKGS      = yaml-0.1 libgit2 libcmark-gfm zlib
OPT      ?= -O2 -g
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
CFLAGS   += -std=c11 $(OPT) $(WARN) $(SAN) \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) \
            -lcmark-gfm-extensions
LDFLAGS  += $(SAN)

LIB_SRC  := $(sort $(wildcard lib/*.c))
CMD_SRC  := $(sort $(wildcard cmd/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
CMD_OBJ  := $(CMD_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
HEADERS  := $(wildcard include/strat/*.h) include/strat/rules.def
MAN1     := $(wildcard man/*.1)
MAN5     := $(wildcard man/*.5)
MAN7     := $(wildcard man/*.7)

# Every library the build produces exports only the strat_* API, so a
# program may have its own arena_alloc or glob_match: $(B)/libstrat.a is one
# relocatable object whose other globals are made local (ld -r, objcopy),
# $(B)/libstrat.so.* its shared twin (a version script).  The programs and
# tests built here, which call lib/'s internal functions, link
# $(B)/internal.o: every object of lib/ as one relocatable object (ld -r),
# not a library, never installed.
INTERNAL := $(B)/internal.o
PUB_SO   := $(B)/libstrat.so.$(SOVERSION).$(VERSION:$(SOVERSION).%=%)
PUB      := $(B)/libstrat.a $(PUB_SO)

all: strat $(PUB) strat.pc

strat: $(B)/strat
	cp $(B)/strat $@

$(B)/strat: $(CMD_OBJ) $(INTERNAL)
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(INTERNAL) $(LDLIBS)

$(INTERNAL): $(LIB_OBJ)
	$(LD) -r -o $@ $(LIB_OBJ)

$(LIB_OBJ): CFLAGS += -fPIC

$(B)/libstrat.a: $(INTERNAL)
	rm -f $@ $(B)/strat-pub.o
	objcopy --wildcard --keep-global-symbol='strat_*' $(INTERNAL) \
	    $(B)/strat-pub.o
	ar rcs $@ $(B)/strat-pub.o

$(PUB_SO): $(LIB_OBJ) tools/libstrat.map
	$(CC) -shared $(LDFLAGS) -Wl,-soname,libstrat.so.$(SOVERSION) \
	    -Wl,--version-script=tools/libstrat.map -o $@ $(LIB_OBJ) $(LDLIBS)

# The rule catalogue of the specification, as C (lib/rule_help.c).
$(B)/gen/rule_help.inc: spec/SPEC.md tools/rule-help.sh
	@mkdir -p $(@D)
	sh tools/rule-help.sh spec/SPEC.md \
	    https://github.com/strat-dev/strat/blob/main/spec/SPEC.md > $@.tmp
	mv $@.tmp $@
$(B)/lib/rule_help.o: $(B)/gen/rule_help.inc
$(B)/lib/rule_help.o: CPPFLAGS += -I$(B)/gen

# The JSON Schemas of spec/schema, as C (cmd/schema.c: strat schema).
SCHEMAS  := $(sort $(wildcard spec/schema/*.schema.json))
$(B)/gen/schemas.inc: $(SCHEMAS) tools/schema-c.sh
	@mkdir -p $(@D)
	sh tools/schema-c.sh $(SCHEMAS) > $@.tmp
	mv $@.tmp $@
$(B)/cmd/schema.o: $(B)/gen/schemas.inc
$(B)/cmd/schema.o: CPPFLAGS += -I$(B)/gen

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib $(CFLAGS) -o $@ $< $(INTERNAL) \
	    $(LDLIBS) -lcmocka

# pkg-config: the shared library links with -lstrat alone; a static link
# (pkg-config --static) gets the dependencies from the .private fields.
STRAT_PC = printf 'prefix=%s\nlibdir=%s\nincludedir=%s\n\nName: strat\nDescription: plans in git: lint and measure execution\nVersion: %s\nRequires.private: %s\nLibs: -L$${libdir} -lstrat\nLibs.private: -lcmark-gfm-extensions\nCflags: -I$${includedir}\n'

strat.pc: Makefile
	$(STRAT_PC) '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' '$(VERSION)' \
	    '$(PKGS)' > $@

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)

deps:
	@sh tools/deps.sh

# Fuzz targets (fuzz/fuzz_*.c).  The replay drivers are plain C: built
# with the tests, they replay the seeds and tests/fuzz-regress/ in make check
# (tests/suite-fuzz-replay.sh).  make fuzz runs each target under libFuzzer
# for FUZZ_SECONDS (default 60) and reports executions and findings.
# fuzz_history builds git repositories with libgit2 directly (test code).
FUZZ_TARGETS := yaml lint markdown history git
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(B)/tests/fuzz-replay-%)
FUZZ_SECONDS ?= 60
# fuzz_git writes loose objects and packs itself (zlib)
FUZZ_LIBS    :=
FB           := build/fuzz

$(B)/tests/fuzz-replay-%: fuzz/fuzz_%.c fuzz/replay.c fuzz/util.c \
    fuzz/fuzz.h $(INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib -Ifuzz $(CFLAGS) -o $@ fuzz/fuzz_$*.c \
	    fuzz/replay.c fuzz/util.c $(INTERNAL) $(LDLIBS) $(FUZZ_LIBS)

fuzz:
	$(MAKE) B=$(FB) CC=clang OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
	    $(FB)/internal.o
	for t in $(FUZZ_TARGETS); do \
	    clang $(CPPFLAGS) -Ilib -Ifuzz -std=c11 -O1 -g $(WARN) \
	        $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	        -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
	        -o $(FB)/fuzz-$$t fuzz/fuzz_$$t.c fuzz/util.c \
	        $(FB)/internal.o $(LDLIBS) $(FUZZ_LIBS) || exit 1; \
	done
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh $(FB) $(FUZZ_TARGETS)

$(B)/tests/md-shape: tests/md_shape.c $(INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Ilib $(CFLAGS) -o $@ tests/md_shape.c \
	    $(INTERNAL) $(LDLIBS)

units: $(UNIT_BIN) $(FUZZ_REPLAY) $(B)/tests/md-shape

# The test suite: unit tests, golden CLI tests, the crash test.
# Not 'all': the sanitizer pass (B=build/san) must not copy its binary to
# ./strat, where make install would take it.
test: $(B)/strat $(PUB) strat.pc units
	@sh tests/run.sh $(B)

# Layout: the files listed here are checked against .clang-format (by make
# check too): every C file and header of the tree.
FORMAT_FILES ?= $(LIB_SRC) $(wildcard lib/*.h) $(CMD_SRC) $(wildcard cmd/*.h) \
	$(wildcard include/strat/*.h) $(wildcard tests/*.c tests/unit/*.[ch]) \
	$(wildcard fuzz/*.[ch] bench/*.c)

format-check:
	@fail=0; for f in $(FORMAT_FILES); do \
	    clang-format --dry-run --Werror "$$f" || fail=1; \
	done; exit $$fail

check: format-check test
	STRAT_TEST_SLOW=1 $(MAKE) B=build/san CC=clang \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    OPT="-O1 -g" test

# Every suite with every binary (strat, unit tests, fuzz replay drivers,
# md-shape) under valgrind memcheck; any error or definite/indirect leak in
# any process fails (tests/run.sh).  SUITES="unit tests/suite-x.sh" narrows.
check-valgrind: all units
	@VALGRIND=1 STRAT_TEST_SLOW=1 sh tests/run.sh $(B)

bench: all
	@if [ -f bench/run.sh ]; then sh bench/run.sh $(B); fi
	@if [ -f bench/report.sh ]; then sh bench/report.sh $(B); fi
	@if [ -f bench/metrics.sh ]; then sh bench/metrics.sh $(B); fi

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(INCDIR)/strat $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(DATADIR)/strat/schema
	install -m 0755 $(B)/strat $(DESTDIR)$(BINDIR)/strat
	install -m 0644 $(B)/libstrat.a $(DESTDIR)$(LIBDIR)/libstrat.a
	install -m 0755 $(PUB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(PUB_SO)) \
	    $(DESTDIR)$(LIBDIR)/libstrat.so.$(SOVERSION)
	ln -sf libstrat.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libstrat.so
	$(STRAT_PC) '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' '$(VERSION)' \
	    '$(PKGS)' > $(DESTDIR)$(LIBDIR)/pkgconfig/strat.pc
	chmod 0644 $(DESTDIR)$(LIBDIR)/pkgconfig/strat.pc
	install -m 0644 spec/schema/*.schema.json $(DESTDIR)$(DATADIR)/strat/schema/
	install -m 0644 $(HEADERS) $(DESTDIR)$(INCDIR)/strat/
	[ -z "$(MAN1)" ] || install -m 0644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	[ -z "$(MAN5)" ] || install -m 0644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	[ -z "$(MAN7)" ] || install -m 0644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	if [ -d completion ]; then \
	    mkdir -p $(DESTDIR)$(DATADIR)/bash-completion/completions \
	        $(DESTDIR)$(DATADIR)/zsh/site-functions; \
	    install -m 0644 completion/strat.bash \
	        $(DESTDIR)$(DATADIR)/bash-completion/completions/strat; \
	    install -m 0644 completion/_strat \
	        $(DESTDIR)$(DATADIR)/zsh/site-functions/_strat; \
	fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/strat $(DESTDIR)$(LIBDIR)/libstrat.a \
	    $(DESTDIR)$(LIBDIR)/libstrat.so* \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/strat.pc \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions/strat \
	    $(DESTDIR)$(DATADIR)/zsh/site-functions/_strat
	rm -rf $(DESTDIR)$(INCDIR)/strat $(DESTDIR)$(DATADIR)/strat
	for m in $(notdir $(MAN1)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done
	for m in $(notdir $(MAN5)); do rm -f $(DESTDIR)$(MANDIR)/man5/$$m; done
	for m in $(notdir $(MAN7)); do rm -f $(DESTDIR)$(MANDIR)/man7/$$m; done

clean:
	rm -rf build strat strat.pc

.PHONY: all deps units test check format-check check-valgrind bench install uninstall \
	clean fuzz
