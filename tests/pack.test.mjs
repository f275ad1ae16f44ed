// The npm package as published: `npm pack` in web/ must hold everything the
// module needs (the wasm, Go's wasm_exec.js, the module, its worker, the
// runtime and their types) and every file the exports map names; and the
// packed tarball, unpacked somewhere far from the repository, must clean a
// page on its own when imported by its package name. Node only, no browser.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { webDir } from './lib.mjs';

const run = promisify(execFile);

// npm must not phone home (update notices, audit) while packing.
const npmEnv = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

// What the module cannot work without; package.json and README.md are what
// a registry page and a resolver need.
const REQUIRED = [
  'articleclean.wasm', 'wasm_exec.js', 'articleclean.js', 'articleclean.worker.js',
  'runtime.js', 'articleclean.d.ts', 'runtime.d.ts', 'package.json', 'README.md',
];

// Every file path in an exports map, whatever the nesting of conditions.
function exportTargets(exp) {
  if (typeof exp === 'string') return [exp];
  if (exp === null || typeof exp !== 'object') return [];
  return Object.values(exp).flatMap(exportTargets);
}

const kB = (n) => `${(n / 1024).toFixed(1)} KiB`;

function requireBuilt() {
  for (const f of ['articleclean.wasm', 'wasm_exec.js']) {
    if (!existsSync(join(webDir, f))) {
      assert.fail(`web/${f} is missing: run ./build.sh first (it builds the wasm and copies wasm_exec.js)`);
    }
  }
}

describe('npm package (web/)', () => {
  const pkg = JSON.parse(readFileSync(join(webDir, 'package.json'), 'utf8'));
  let tmp;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'articleclean-pack-'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('npm pack --dry-run lists every file the module needs and every export', async (t) => {
    requireBuilt();
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: webDir, env: npmEnv, maxBuffer: 16 << 20 });
    const [info] = JSON.parse(stdout);
    assert.equal(info.name, pkg.name);
    const files = new Set(info.files.map((f) => f.path));
    const missing = REQUIRED.filter((f) => !files.has(f));
    assert.deepEqual(missing, [], `missing from the tarball: ${missing.join(', ')}`);

    const targets = [...new Set([
      ...exportTargets(pkg.exports),
      pkg.main, pkg.types, pkg.module, pkg.browser,
    ].filter((p) => typeof p === 'string'))].map((p) => p.replace(/^\.\//, ''));
    assert.ok(targets.length > 0, 'package.json names no entry points');
    const unexported = targets.filter((p) => !files.has(p));
    assert.deepEqual(unexported, [], `package.json names files the tarball lacks: ${unexported.join(', ')}`);

    // The wasm in the tarball is the one just built, not a stale stand-in.
    const wasm = info.files.find((f) => f.path === 'articleclean.wasm');
    assert.ok(wasm.size > 100000, `articleclean.wasm is only ${wasm.size} bytes`);

    t.diagnostic(`${info.filename}: ${info.files.length} files, packed ${info.size} bytes (${kB(info.size)}), unpacked ${info.unpackedSize} bytes (${kB(info.unpackedSize)})`);
    for (const f of info.files) t.diagnostic(`  ${f.path} ${f.size}`);
  });

  it('the packed tarball, extracted on its own, cleans a page when imported by name', { timeout: 120000 }, async (t) => {
    requireBuilt();
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: webDir, env: npmEnv, maxBuffer: 16 << 20 });
    const [info] = JSON.parse(stdout);
    const tarball = join(tmp, info.filename);
    assert.ok(existsSync(tarball), `no tarball at ${tarball}`);
    t.diagnostic(`packed ${info.filename}: ${info.size} bytes`);

    // Installed by hand as node_modules/articleclean of a project in tmp, so
    // the import below goes through the package's own exports map and can
    // reach nothing in the repository.
    const dest = join(tmp, 'app', 'node_modules', 'articleclean');
    mkdirSync(dest, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);
    for (const f of REQUIRED) assert.ok(existsSync(join(dest, f)), `${f} not in the extracted package`);

    const script = `
      import { cleanArticle, isReaderable, version, terminate } from 'articleclean';
      import * as runtime from 'articleclean/runtime';
      const page = '<!DOCTYPE html><html><head><title>Lighthouse keepers</title></head><body>' +
        '<nav><a href="/">Home</a> <a href="/about">About</a></nav>' +
        '<div class="ad-slot">Advertisement</div>' +
        '<article><h1>Lighthouse keepers</h1>' +
        '<p>The last lighthouse keepers on the northern coast kept logbooks of every storm, every passing ship and every repair to the great lamp.</p>' +
        '<p>Their notes, now kept in the town archive, show how the work changed once the lamps were automated and the keepers moved ashore.</p>' +
        '<p><a href="https://example.org/logbooks?utm_source=newsletter&amp;page=2" onclick="steal()">Read the logbooks</a></p>' +
        '</article><script>steal()</script></body></html>';
      try {
        const r = await cleanArticle(page, { url: 'https://example.org/keepers' });
        const bytes = await cleanArticle(new TextEncoder().encode(page));
        console.log(JSON.stringify({
          title: r.title, content: r.content, text: r.textContent, bytesTitle: bytes.title,
          readerable: await isReaderable(page), version: await version(),
          runtimeExports: Object.keys(runtime),
        }));
      } finally {
        await terminate();
      }
    `;
    // A file, not `node -e`: worker_threads workers inherit the parent's
    // execArgv, and `--input-type` is refused for a file-based worker.
    writeFileSync(join(tmp, 'app', 'main.mjs'), script);
    const out = await run(process.execPath, ['main.mjs'], { cwd: join(tmp, 'app'), timeout: 60000 });
    const r = JSON.parse(out.stdout.trim().split('\n').pop());
    t.diagnostic(`standalone package version ${r.version}; ${r.text.length} characters of text`);
    assert.equal(r.title, 'Lighthouse keepers');
    assert.equal(r.bytesTitle, 'Lighthouse keepers');
    assert.equal(typeof r.readerable, 'boolean');
    assert.equal(typeof r.version, 'string');
    assert.ok(r.runtimeExports.length > 0, 'articleclean/runtime exports nothing');
    assert.match(r.text, /logbooks of every storm/);
    assert.match(r.text, /moved ashore/);
    assert.doesNotMatch(r.text, /Advertisement/);
    assert.doesNotMatch(r.content, /<script|onclick|utm_source|<nav\b/i);
    assert.match(r.content, /href="https:\/\/example\.org\/logbooks\?page=2"/);
  });
});
