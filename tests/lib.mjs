// lib.mjs holds what the JavaScript tests share: where things are, the
// acceptance seed, and a Chromium started the way this project allows
// (Debian's binary, no downloads, no network beyond 127.0.0.1).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const webDir = fileURLToPath(new URL('../web/', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
export const moduleURL = new URL('../web/articleclean.js', import.meta.url);

// The seed lives in the shared folder beside the repository and is never
// copied into it; build.sh copies it to web/sample.txt for the page.
const seedCandidates = [
  process.env.ARTICLECLEAN_SEED,
  fileURLToPath(new URL('../../shared/seed/000_264c4bb1c048f56c.txt', import.meta.url)),
  fileURLToPath(new URL('../web/sample.txt', import.meta.url)),
].filter(Boolean);

export const seedPath = seedCandidates.find((p) => existsSync(p)) ?? null;

/** @returns {Buffer|null} the acceptance seed's bytes, or null when absent. */
export function seedBytes() {
  return seedPath ? readFileSync(seedPath) : null;
}

/** What the seed must give, from reading the file itself. */
export const SEED = {
  title: '【视频】G20外长峰会：北京和莫斯科拒绝签署联合声明',
  urlHas: 'rfi.fr',
  published: '2023-03-02',
  youtubeID: 'itaHeusNkWw',
  image: 'blinken-lavrov.jpg',
};

export const chromiumPath = process.env.ARTICLECLEAN_CHROMIUM ?? '/usr/bin/chromium';
export const requireBrowser = process.env.ARTICLECLEAN_REQUIRE_BROWSER === '1';

/**
 * Tells the browser tests whether to run: a string is the reason to skip.
 * With ARTICLECLEAN_REQUIRE_BROWSER=1 a missing browser fails instead.
 */
export function browserSkipReason() {
  if (existsSync(chromiumPath)) return false;
  if (requireBrowser) {
    throw new Error(`no Chromium at ${chromiumPath} and ARTICLECLEAN_REQUIRE_BROWSER=1`);
  }
  return `no Chromium at ${chromiumPath}: install it (apt-get install chromium) to run the browser tests`;
}

/** Starts headless Chromium; every request off 127.0.0.1 is refused. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  return browser;
}

/** A browser context whose requests may only reach 127.0.0.1. */
export async function localContext(browser, opts = {}) {
  const context = await browser.newContext(opts);
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  return context;
}
