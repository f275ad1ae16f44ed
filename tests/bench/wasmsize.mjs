// wasmsize.mjs builds the articleclean .wasm and a hello-world Go .wasm with
// the same toolchain and flags, and measures both raw, gzip and brotli. The
// size budget test (tests/size.test.mjs) and the benchmark
// (tests/bench/bench.mjs) share it, so both compare like with like.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { repoRoot } from '../lib.mjs';

// The flags of build.sh's build step: the budget is about what ships.
// wasm/gcflags lists per-package compiler flags, one a line; they name
// only articleclean's packages, so the hello-world build is unchanged.
export const GO_BUILD_FLAGS = [
  '-trimpath', '-ldflags=-s -w',
  ...readFileSync(join(repoRoot, 'wasm', 'gcflags'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => `-gcflags=${l}`),
];

// The targets: the .wasm at most 1.0 MB brotli and at most 2.2
// times a hello-world Go wasm (the Go runtime alone, the physical floor).
export const MAX_BROTLI_BYTES = 1_000_000;
export const MAX_HELLO_RATIO = 2.2;

// The smallest program that publishes a function to JavaScript the way
// wasm/main.go does: syscall/js, one js.FuncOf, and a blocked main.
const HELLO_MAIN = `package main

import "syscall/js"

func main() {
	js.Global().Set("__hello", js.FuncOf(func(js.Value, []js.Value) any { return "hello" }))
	if ready := js.Global().Get("__helloReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
`;

function goBuild(dir, pkg, out) {
  execFileSync('go', ['build', ...GO_BUILD_FLAGS, '-o', out, pkg], {
    cwd: dir,
    env: { ...process.env, GOOS: 'js', GOARCH: 'wasm', GOFLAGS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Sizes of one file: raw, gzip -9 and brotli at quality 11 (as a CDN serves it). */
export function sizesOf(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Builds both programs into a fresh temporary directory, and with floor set
 * also internal/benchfloor: the required dependencies (x/net/html and
 * bluemonday) doing their part of a call and nothing else.
 * @returns {{dir: string, ours: string, hello: string, floor?: string, cleanup: () => void}}
 */
export function buildBoth({ floor = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'articleclean-size-'));
  const ours = join(dir, 'articleclean.wasm');
  const hello = join(dir, 'hello.wasm');
  goBuild(repoRoot, './wasm', ours);
  const helloDir = join(dir, 'hello');
  mkdirSync(helloDir);
  writeFileSync(join(helloDir, 'go.mod'), 'module hello\n\ngo 1.21\n');
  writeFileSync(join(helloDir, 'main.go'), HELLO_MAIN);
  goBuild(helloDir, '.', hello);
  const built = { dir, ours, hello, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  if (floor) {
    built.floor = join(dir, 'floor.wasm');
    goBuild(repoRoot, './internal/benchfloor', built.floor);
  }
  return built;
}

/** Builds and measures both (and the floor, with floor set); the files are removed afterwards unless keep is set. */
export function measureBoth({ keep = false, floor = false } = {}) {
  const b = buildBoth({ floor });
  try {
    const ours = sizesOf(readFileSync(b.ours));
    const hello = sizesOf(readFileSync(b.hello));
    const out = { ours, hello, ratio: ours.brotli / hello.brotli, files: keep ? b : null };
    if (floor) out.floor = sizesOf(readFileSync(b.floor));
    return out;
  } finally {
    if (!keep) b.cleanup();
  }
}
