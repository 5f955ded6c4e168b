// e2e.mjs — the map page end to end, as a person would use it.
//
// Ingests the seed pages from ../shared into a fresh store, starts
// `build/sitrep serve` on a free loopback port, opens the page in headless
// Chromium (Debian's, driven by playwright-core), moves the date slider to
// 2017-03-05, opens Palmyra and checks that the detail panel names the
// government as holder and lists the sources (outlet + sentence) behind it.
// A screenshot is saved to build/artifacts/page.png either way.
//
// Any request the page makes to somewhere other than the server fails the
// test: the page must work with no internet.
//
// Exit status: 0 passed, 1 failed, 77 skipped (no ../shared, no Chromium,
// no playwright-core, or no build/sitrep).
//
// Run from the repository root: node tests/serve/e2e.mjs

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DATE = '2017-03-05';
const PLACE = 'Palmyra';
const EXPECTED_HOLDER = 'government';
const artifacts = path.join(root, 'build', 'artifacts');

function skip(why) {
  console.log(`e2e: skipped: ${why}`);
  process.exit(77);
}

const shared = process.env.SITREP_SHARED || path.join(root, '..', 'shared');
const seedsDir = path.join(shared, 'corpus', 'seeds');
if (!fs.existsSync(seedsDir)) skip(`${seedsDir} not present`);
const sitrep = path.join(root, 'build', 'sitrep');
if (!fs.existsSync(sitrep)) skip('build/sitrep not built');
if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} not installed (scripts/setup.sh --test)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core not installed (npm ci)');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-e2e-'));
const db = path.join(tmp, 'seeds.db');
const failures = [];
const check = (ok, what) => {
  console.log(`e2e: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// ---- Store --------------------------------------------------------------
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => path.join(seedsDir, f));
const ingest = spawnSync(sitrep, ['ingest', ...seeds, '--db', db], { encoding: 'utf8' });
if (ingest.status !== 0 && ingest.status !== 1) {
  console.log(ingest.stderr);
  console.log(`e2e: FAIL sitrep ingest exited ${ingest.status}`);
  process.exit(1);
}
console.log(`e2e: ${ingest.stderr.trim().split('\n').pop()}`);

// ---- Server -------------------------------------------------------------
const server = spawn(sitrep, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (d) => { serverErr += d; });
const port = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('server did not start in 10 s')), 10000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) { clearTimeout(timer); resolve(Number(m[1])); }
  });
  server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${serverErr}`)); });
});
const origin = `http://127.0.0.1:${port}`;
console.log(`e2e: server on ${origin}`);

// ---- Browser --------------------------------------------------------------
const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));
let context;
let exitCode = 1;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const external = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

  await page.goto(origin + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const countries = await page.locator('#map path.country').count();
  check(countries >= 6, `map draws the borders of Syria and its neighbours (${countries} countries)`);
  check(await page.locator('#map path.country.syria').count() === 1, 'Syria is outlined');

  // Move the slider as a user would end up doing: set its value, fire input.
  const index = await page.evaluate((date) => {
    const s = document.querySelector('#slider');
    const first = Date.parse('2011-03-01T00:00:00Z') / 86400000;
    s.value = String(Date.parse(date + 'T00:00:00Z') / 86400000 - first);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    return s.value;
  }, DATE);
  await page.waitForSelector(`body[data-control-date="${DATE}"]`, { timeout: 10000 });
  check(await page.inputValue('#date') === DATE, `slider (${index}) moved the map to ${DATE}`);
  const places = await page.locator('#map .place').count();
  check(places > 0, `places drawn for ${DATE} (${places})`);
  const legend = await page.locator('#legend li').count();
  check(legend > 0, `legend lists sides and event types (${legend} entries)`);

  // Open Palmyra through the place box, then check the panel.
  await page.fill('#find-place', PLACE);
  await page.press('#find-place', 'Enter');
  await page.waitForSelector('#detail[data-kind="place"] h2', { timeout: 10000 });
  const heading = (await page.locator('#detail h2').first().textContent()) || '';
  check(heading.includes(PLACE), `detail panel opened ${PLACE} ("${heading.trim()}")`);
  const holder = page.locator('#detail .holder').first();
  const side = await holder.getAttribute('data-side');
  const holderText = ((await holder.textContent()) || '').trim();
  check(side === EXPECTED_HOLDER && /government/i.test(holderText),
    `holder on ${DATE} is the government (panel says "${holderText}", side ${side || 'none'})`);
  const sources = page.locator('#detail .period .source');
  const nsources = await sources.count();
  check(nsources >= 1, `timeline lists its sources (${nsources})`);
  if (nsources > 0) {
    const first = sources.first();
    const outlet = ((await first.locator('.who').textContent()) || '').trim();
    const sentence = ((await first.locator('blockquote').textContent()) || '').trim();
    check(outlet.length > 0 && sentence.length > 20,
      `a source names its outlet and sentence ("${outlet}": ${sentence.slice(0, 60)}…)`);
  }
  // The current period is the one the holder line comes from.
  const current = await page.locator('#detail .period.current').count();
  check(current === 1, `one timeline period is marked current on ${DATE} (${current})`);

  // An event click shows claims with outlets and sentences.
  const firstEvent = page.locator('#event-list li').first();
  if (await firstEvent.count()) {
    await firstEvent.click();
    await page.waitForSelector('#detail[data-kind="event"] .source', { timeout: 10000 });
    check(await page.locator('#detail .source blockquote').count() >= 1,
      'an event from the list opens with its reports and sentences');
    // Back to Palmyra for the screenshot.
    await page.fill('#find-place', PLACE);
    await page.press('#find-place', 'Enter');
    await page.waitForSelector('#detail[data-kind="place"] h2', { timeout: 10000 });
  }

  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'page.png') });
  console.log(`e2e: screenshot ${path.join(artifacts, 'page.png')}`);
  check(external.length === 0, `no request left the machine${external.length ? ': ' + external.join(' ') : ''}`);
  check(pageErrors.length === 0, `no script errors${pageErrors.length ? ': ' + pageErrors.join(' | ') : ''}`);
  exitCode = failures.length ? 1 : 0;
} catch (e) {
  console.log(`e2e: FAIL ${e.stack || e}`);
  exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  // A clean stop on SIGTERM is part of the contract.
  server.kill('SIGTERM');
  const code = await new Promise((resolve) => {
    if (server.exitCode !== null) resolve(server.exitCode);
    const t = setTimeout(() => { server.kill('SIGKILL'); resolve('killed'); }, 5000);
    server.on('exit', (c) => { clearTimeout(t); resolve(c); });
  });
  check(code === 0, `server stopped cleanly on SIGTERM (exit ${code})`);
  if (code !== 0) exitCode = 1;
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`e2e: ${failures.length ? failures.length + ' check(s) failed' : 'all checks passed'}`);
process.exit(exitCode);
