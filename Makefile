# Shortcuts for the verb-named scripts in scripts/ (which CI and the README use).
.PHONY: install run test check audit bench bench-stall bench-scale bench-annotate

install:
	scripts/install

run:
	scripts/run

test:
	scripts/test

check: install
	scripts/check

audit: install
	scripts/audit

bench:
	scripts/bench

bench-stall:
	scripts/bench-stall

bench-scale:
	scripts/bench-scale

bench-annotate:
	scripts/bench-annotate
