#!/usr/bin/env bash
# build.sh builds, serves and tests articleclean. Run `./build.sh help`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

SEED=../shared/seed/000_264c4bb1c048f56c.txt

usage() {
	cat <<'EOF'
usage: ./build.sh [command] [args]

  (none)              build web/articleclean.wasm and copy wasm_exec.js (and the sample)
  serve [--port N]    build, then serve web/ on http://127.0.0.1:N (default $PORT or 8080)
  test                install what is missing, then go vet, go test (native and js/wasm),
                      a short fuzz of every fuzz target, and the Node and browser tests
  fuzz [duration]     run every Go fuzz target for duration each (default 60s)
  eval [args]         run the corpus evaluation (go run ./internal/eval/cmd/eval)
  bench               Go benchmarks, then tests/bench/bench.mjs when present
  extension           build, then assemble the browser extension in dist/extension/ and zip it
                      to dist/articleclean-extension.zip (web/extension/build.mjs)
  help                this text

Environment: ARTICLECLEAN_REQUIRE_BROWSER=1 makes a missing Chromium an error.
EOF
}

step() { printf '\n==> %s\n' "$*"; }

# wasm_gcflags prints the -gcflags arguments listed in wasm/gcflags.
wasm_gcflags() {
	grep -v -e '^#' -e '^[[:space:]]*$' wasm/gcflags | sed 's/^/-gcflags=/'
}

build() {
	local version
	version=$(git describe --always --dirty 2>/dev/null || echo dev)
	step "building web/articleclean.wasm ($version)"
	local gcflags=()
	mapfile -t gcflags < <(wasm_gcflags)
	GOOS=js GOARCH=wasm go build -trimpath "${gcflags[@]}" -ldflags="-s -w -X main.version=$version" \
		-o web/articleclean.wasm ./wasm
	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" web/wasm_exec.js
	chmod 644 web/wasm_exec.js
	# The acceptance seed lives outside the repository; where it is absent the
	# committed, invented web/sample.html stands in, so "Try the sample" never
	# requests a missing file (a 404 is a console error in the page test).
	if [[ -f $SEED ]]; then
		cp "$SEED" web/sample.txt
	else
		cp web/sample.html web/sample.txt
	fi
	chmod 644 web/sample.txt
}

need_node() {
	if ! command -v node >/dev/null; then
		echo "build.sh: node (20 or newer) is required on PATH" >&2
		exit 1
	fi
}

# ensure_node_modules runs `npm ci` when node_modules is missing or older
# than package-lock.json.
ensure_node_modules() {
	need_node
	if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
		step "npm ci"
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	fi
}

# ensure_browser installs Debian's Chromium when it is missing and we may.
ensure_browser() {
	local chromium=${ARTICLECLEAN_CHROMIUM:-/usr/bin/chromium}
	[[ -x $chromium ]] && return 0
	if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
		step "installing chromium with apt-get"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
		[[ -x $chromium ]] && return 0
	fi
	echo "build.sh: no Chromium at $chromium; install it (Debian: sudo apt-get install chromium) to run the browser tests" >&2
	if [[ ${ARTICLECLEAN_REQUIRE_BROWSER:-} == 1 ]]; then
		exit 1
	fi
}

# fuzz_targets prints "package-dir FuzzName" for every Go fuzz target.
fuzz_targets() {
	grep -rE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(' internal wasm 2>/dev/null |
		sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#\1 \2#' | sort -u || true
}

fuzz_all() {
	local duration=$1 dir name found=0
	while read -r dir name; do
		[[ -n $dir ]] || continue
		found=1
		step "fuzz $name in ./$dir ($duration)"
		go test -run='^$' -fuzz="^${name}\$" -fuzztime="$duration" "./$dir"
	done < <(fuzz_targets)
	if [[ $found == 0 ]]; then
		echo "no fuzz targets found"
	fi
}

run_tests() {
	ensure_node_modules
	ensure_browser
	step "go vet"
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./...
	step "go test"
	go test ./...
	step "go test (js/wasm under node)"
	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./...
	step "fuzz smoke"
	# A count, not a duration: Go 1.26's fuzz coordinator can report a
	# spurious "context deadline exceeded" when a -fuzztime duration ends
	# (golang/go#75804, fixed in Go 1.27); a count never races a deadline.
	fuzz_all 20000x
	build
	step "node --test"
	mkdir -p test-artifacts
	node --test tests/*.test.mjs
}

# extension builds the wasm, then assembles the browser extension (load
# dist/extension/ unpacked, or ship the zip).
extension() {
	need_node
	build
	step "assembling dist/extension and dist/articleclean-extension.zip"
	node web/extension/build.mjs
}

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case $cmd in
build)
	build
	;;
serve)
	port=${PORT:-8080}
	while [[ $# -gt 0 ]]; do
		case $1 in
		--port) port=${2:?--port needs a number}; shift 2 ;;
		--port=*) port=${1#--port=}; shift ;;
		*) echo "build.sh serve: unknown argument $1" >&2; exit 2 ;;
		esac
	done
	need_node
	build
	exec node tests/serve.mjs --port "$port"
	;;
test)
	run_tests
	;;
fuzz)
	fuzz_all "${1:-60s}"
	;;
eval)
	exec go run ./internal/eval/cmd/eval "$@"
	;;
bench)
	step "go benchmarks"
	go test -run='^$' -bench=. -benchmem ./internal/...
	# The peer benchmark is its own module (go-readability stays out of ours).
	(cd internal/benchpeer && go test -run='^$' -bench=. -benchmem .)
	if [[ -f tests/bench/bench.mjs ]]; then
		need_node
		build
		step "node tests/bench/bench.mjs"
		node tests/bench/bench.mjs "$@"
	fi
	;;
extension)
	extension
	;;
help | -h | --help)
	usage
	;;
*)
	usage >&2
	exit 2
	;;
esac
