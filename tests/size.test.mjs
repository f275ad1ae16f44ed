// The size budget of the .wasm (issue 6): at most 1.0 MB brotli and at most
// 2.2 times a hello-world Go wasm built in the same run with the same flags,
// so a heavy dependency cannot slip in unnoticed. Both programs are built
// here from source into a temporary directory; Go must be on PATH.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { MAX_BROTLI_BYTES, MAX_HELLO_RATIO, measureBoth } from './bench/wasmsize.mjs';

// OVER_BUDGET names the known gap while the target is not yet met: the
// budget checks then report as todo (shown, not fatal) and the ceiling
// below still fails hard. Set it to false once the budget holds. Measured
// 2026-11 after encoding/json left (-75 KB): ~1,118,000 B brotli, 2.53x
// hello. What remains above budget: bluemonday with regexp, unicode tables
// and its CSS parser (~139 KB brotli), time.Parse/Format (~16 KB).
// 2026-11-27: ~1,159,000 B, 2.62x, after the time package and std html left
// (-30 KB). The floor bench.mjs measures (x/net/html and bluemonday alone)
// is 847.8 KB, 1.92x: the budget leaves 0.28x for all cleaning logic.
const OVER_BUDGET = 'issue 6: .wasm is ~1.16 MB brotli, 2.62x hello (x/net/html + bluemonday alone: 1.92x)';

// The ceiling while over budget: what the binary measured when the gap was
// recorded plus a few percent, so growth is caught even before the budget
// is met. It only ever moves down.
const CEILING_BROTLI_BYTES = 1_165_000;
const CEILING_HELLO_RATIO = 2.64;

function haveGo() {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'go is not on PATH';
  }
}

describe('wasm size budget', { skip: haveGo() }, () => {
  let m;
  before(() => {
    m = measureBoth();
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    console.log(`# articleclean.wasm raw ${kb(m.ours.raw)}, gzip ${kb(m.ours.gzip)}, brotli ${kb(m.ours.brotli)}; ` +
      `hello ${kb(m.hello.brotli)} brotli; ratio ${m.ratio.toFixed(2)}x`);
  });

  it(`brotli size is at most ${MAX_BROTLI_BYTES} bytes`, { todo: OVER_BUDGET }, () => {
    assert.ok(m.ours.brotli <= MAX_BROTLI_BYTES,
      `articleclean.wasm is ${m.ours.brotli} B brotli, over the ${MAX_BROTLI_BYTES} B budget by ${m.ours.brotli - MAX_BROTLI_BYTES} B`);
  });

  it(`brotli size is at most ${MAX_HELLO_RATIO}x a hello-world Go wasm`, { todo: OVER_BUDGET }, () => {
    assert.ok(m.ratio <= MAX_HELLO_RATIO,
      `articleclean.wasm is ${m.ratio.toFixed(3)}x the hello-world (${m.ours.brotli} B vs ${m.hello.brotli} B brotli), ` +
      `over the ${MAX_HELLO_RATIO}x budget by ${m.ours.brotli - Math.floor(MAX_HELLO_RATIO * m.hello.brotli)} B`);
  });

  it('does not grow past the recorded ceiling while over budget', () => {
    assert.ok(m.ours.brotli <= CEILING_BROTLI_BYTES,
      `articleclean.wasm grew to ${m.ours.brotli} B brotli, above the ${CEILING_BROTLI_BYTES} B ceiling`);
    assert.ok(m.ratio <= CEILING_HELLO_RATIO,
      `articleclean.wasm grew to ${m.ratio.toFixed(3)}x the hello-world, above the ${CEILING_HELLO_RATIO}x ceiling`);
  });

  it('the hello-world is a plausible floor', () => {
    // A broken hello build (say, a stub) would make every ratio pass.
    assert.ok(m.hello.raw > 1_000_000 && m.hello.brotli > 300_000,
      `hello-world is only ${m.hello.raw} B raw, ${m.hello.brotli} B brotli`);
  });
});
