/*
 * run.mjs - the report and the dashboard in a real browser: Debian's
 * headless chromium driven by playwright-core. Builds a store from the
 * hostile fixtures and the bundled AI-lab data, writes a report, starts
 * 'exodus serve --port 0', and on a laptop and a phone viewport checks
 * that every chart rendered (a non-empty SVG), that the page logged no
 * errors and made no request it should not (none at all for the report),
 * and that injected names appear as text, never as markup (no alert, no
 * onmouseover attribute, the names in the text and in the hover tooltip).
 * Both pages run under a policy without 'unsafe-eval' (Vega's expressions
 * go through vega-interpreter): any securitypolicyviolation event fails,
 * and every chart either page drew is drawn again in a page without a
 * policy, with Vega's own expression compiler and with the interpreter,
 * and the two SVGs must be the same.
 * The retailer's HR export, in a store of its own, is checked in both: its
 * departures as bars, curves by team and hire year, reasons, Cox table.
 * Screenshots go to $SHOTS (build/screenshots). Ends with
 * "browser: N passed, N failed"; the exit status says the same.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exodus = process.env.EXODUS || path.join(root, 'build/exodus');
const shots = process.env.SHOTS || path.join(root, 'build/screenshots');
const fix = path.join(root, 'tests/fixtures');
const hostileOrg = '<script>alert(1)</script>';
const hostilePerson = '" onmouseover="x';
const tmp = mkdtempSync(path.join(tmpdir(), 'exodus-browser-'));
const db = path.join(tmp, 'b.db');
mkdirSync(shots, { recursive: true });

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) passed++;
  else { failed++; console.log(`browser: FAIL ${what}${detail ? ': ' + detail : ''}`); }
}

function run(...args) {
  return execFileSync(exodus, ['--db', db, ...args], { encoding: 'utf8', timeout: 120000 });
}
run('import', 'aliases', path.join(root, 'data/aliases.csv'));
run('import', 'moves', path.join(root, 'data/ai-lab-moves.csv'));
run('import', 'finance', path.join(root, 'data/ai-lab-finance.csv'));
for (const k of ['moves', 'finance', 'spells']) run('import', k, path.join(fix, `${k}-hostile.csv`));
const reportPath = path.join(tmp, 'report.html');
run('report', 'OpenAI', hostileOrg, '-o', reportPath,
  '--scenario', path.join(root, 'data/scenarios/openai-2024.json'), '--scenario-org', 'OpenAI',
  '--compare', 'OpenAI', '--compare', 'Anthropic', '--compare', hostileOrg, '--compare-as-of', '2024-08-06');
const compareIds = ['compare-then-departures', 'compare-then-valuation', 'compare-now-departures', 'compare-now-valuation'];
const flowIds = ['sankey', 'netflow'];
const runwayIds = ['runway-cash', 'runway-headcount', 'runway-dilution'];

/* The HR export in a store of its own: the retailer's report. */
const hrDb = path.join(tmp, 'hr.db');
const hrOrg = 'Canadian retailer (HR sample)';
execFileSync(exodus, ['--db', hrDb, '-q', 'import', 'spells', '--map',
  'id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc',
  '--date-format', '%m/%d/%Y', '--null-date', '1/1/1900', '--org', hrOrg, '--reason-map',
  'Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=',
  path.join(root, 'data/hr/emp_tmnt.csv.gz')], { timeout: 120000 });
const hrReport = path.join(tmp, 'hr.html');
execFileSync(exodus, ['--db', hrDb, 'report', hrOrg, '-o', hrReport], { timeout: 300000 });
const hrIds = ['timeline', 'qq', 'km', 'team', 'cohort', 'cuminc'];

/* A dashboard on 'store', on a free port; its first line names it. */
function serve(store) {
  const proc = spawn(exodus, ['--db', store, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve did not start')), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^serving (http:\/\/127\.0\.0\.1:\d+)\//m);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
  return { proc, url };
}
const main = serve(db), hr = serve(hrDb);
const server = main.proc, hrServer = hr.proc;
const base = await main.url, hrBase = await hr.url;

/*
 * The HR views: the departures as bars of counts (not 1,485 dots), a
 * legend of the levels present only, the curves by team and by hire year
 * with their bands, the reasons for leaving and the contagion Cox table
 * with and without strata(team), and the report's median.
 */
async function checkHr(page, what) {
  const bars = await page.$$eval('[data-chart="timeline"] .mark-rect path', (ps) => ps.length);
  check(bars >= 100, `${what}: the departures are bars per month`, String(bars));
  const dots = await page.$$eval('[data-chart="timeline"] .mark-symbol.role-mark path', (ps) => ps.length);
  check(dots < 50, `${what}: no stacked departure dots`, String(dots));
  const legend = await page.$$eval('[data-chart="timeline"] .role-legend-label text', (ts) => ts.map((t) => t.textContent));
  check(legend.length === 1 && legend[0] === 'unknown', `${what}: the legend lists only the level present`, legend.join(','));
  for (const id of ['team', 'cohort']) {
    const bands = await page.$$eval(`[data-chart="${id}"] .mark-area path`, (ps) => ps.length);
    check(bands >= 10, `${what}: '${id}' curves have their bands`, String(bands));
  }
  const text = await page.evaluate(() => document.body.innerText);
  check(text.includes('contagion(90) + strata(team)') && /retirement/.test(text) && /layoff/.test(text),
    `${what}: the Cox table with strata(team) and the reasons for leaving`);
  check(text.includes('median tenure 24.51 years') && text.includes('observed from 2005-12-31'),
    `${what}: retention with delayed entry (median 24.51 years)`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const viewports = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, deviceScaleFactor: 2 },
];

/*
 * Run in each page before its own scripts: records every policy violation,
 * and every chart specification handed to vegaEmbed (by trapping the
 * global the library's bundle assigns), with its data-chart id.
 */
function watchPage() {
  window.__exoViolations = [];
  window.__exoSpecs = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__exoViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`);
  });
  let embed;
  Object.defineProperty(window, 'vegaEmbed', {
    configurable: true,
    get() { return embed; },
    set(f) {
      embed = Object.assign(function (el, spec, opts) {
        window.__exoSpecs.push({ id: el.getAttribute('data-chart'), spec: JSON.stringify(spec) });
        return f.call(this, el, spec, opts);
      }, f);
    },
  });
}

/* Opens 'url' and returns the page and what it logged and fetched. */
async function open(url, vp) {
  const ctx = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    isMobile: !!vp.isMobile, deviceScaleFactor: vp.deviceScaleFactor || 1,
  });
  const page = await ctx.newPage();
  await page.addInitScript(watchPage);
  const log = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss(); });
  await page.goto(url);
  return { ctx, page, log };
}

async function waitReady(page, what) {
  try {
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60000 });
  } catch (e) {
    check(false, `${what}: rendered in time`, e.message);
    return false;
  }
  const state = await page.getAttribute('body', 'data-state');
  check(state === 'ready', `${what}: every chart rendered`, state);
  return state === 'ready';
}

/* Every chart holder has an SVG of real size with marks in it. */
async function checkCharts(page, what, expectIds) {
  const charts = await page.$$eval('[data-chart]', (els) => els.map((el) => {
    const svg = el.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return {
      id: el.getAttribute('data-chart'),
      width: box.width, height: box.height,
      marks: svg ? svg.querySelectorAll('path, line, rect, circle, text').length : 0,
      symbols: svg ? svg.querySelectorAll('.mark-symbol path').length : 0,
    };
  }));
  for (const id of expectIds)
    check(charts.some((c) => c.id === id), `${what}: a '${id}' chart`, JSON.stringify(charts.map((c) => c.id)));
  for (const c of charts)
    check(c.width > 100 && c.height > 100 && c.marks > 10, `${what}: chart '${c.id}' drawn`,
      JSON.stringify(c));
  return charts;
}

/* No policy violation, a policy without 'unsafe-eval', and a vegaEmbed
 * call for every chart; returns the specifications the page drew. */
async function checkPolicy(page, what, policy) {
  check(/script-src/.test(policy) && !/unsafe-eval|unsafe-inline/.test(policy),
    `${what}: the policy allows neither eval nor inline code`, policy);
  const v = await page.evaluate(() => window.__exoViolations);
  check(v.length === 0, `${what}: no policy violation`, v.slice(0, 5).join(' | '));
  const specs = await page.evaluate(() => window.__exoSpecs);
  const drawn = await page.$$eval('[data-chart]', (els) => els.length);
  check(specs.length >= drawn && drawn > 0, `${what}: every chart went through vegaEmbed`,
    `${specs.length} specifications for ${drawn} charts`);
  return specs.map((s) => ({ what, id: s.id, spec: s.spec }));
}

/* The departures under the timeline's time axis: spread along it, not
 * all at one x (what a wrong domain under the interpreter did). */
async function checkTimeline(page, what) {
  const xs = await page.$$eval('[data-chart="timeline"] .mark-symbol.role-mark path', (ps) =>
    ps.map((p) => Number((/translate\(([-\d.e]+)/.exec(p.getAttribute('transform') || '') || [])[1])));
  const distinct = new Set(xs.filter((x) => Number.isFinite(x)).map((x) => Math.round(x)));
  check(xs.length > 0 && distinct.size > Math.min(5, xs.length / 2),
    `${what}: the timeline's departures are spread along its time axis`,
    `${distinct.size} distinct x of ${xs.length}`);
}

/*
 * Draws every specification in a page without a policy, once with Vega's
 * expression compiler and once with the interpreter the pages use, and
 * compares the SVGs: the interpreter must change no chart.
 */
async function checkInterpreter(specs) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  for (const lib of ['vega/build/vega.min.js', 'vega-interpreter/build/vega-interpreter.min.js',
    'vega-lite/build/vega-lite.min.js'])
    await page.addScriptTag({ content: readFileSync(path.join(root, 'node_modules', lib), 'utf8') });
  const seen = new Set();
  for (const s of specs) {
    const key = s.id + s.spec;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = await page.evaluate(async (text) => {
      const vg = vegaLite.compile(JSON.parse(text)).spec;
      const svg = (runtime, opts) => new vega.View(runtime, Object.assign({ renderer: 'none' }, opts))
        .width(640).toSVG();
      try {
        // Clip paths are numbered by a counter shared by every view of
        // the page: the numbers differ between two drawings, nothing else.
        const ids = (t) => t.replace(/clip\d+/g, 'clip');
        const compiled = ids(await svg(vega.parse(vg)));
        const interpreted = ids(await svg(vega.parse(vg, null, { ast: true }),
          { expr: vega.expressionInterpreter }));
        let i = 0;
        while (i < compiled.length && compiled[i] === interpreted[i]) i++;
        return { same: compiled === interpreted, a: compiled.length, b: interpreted.length,
          at: i, compiled: compiled.slice(Math.max(0, i - 60), i + 60),
          interpreted: interpreted.slice(Math.max(0, i - 60), i + 60) };
      } catch (e) {
        return { error: e.message };
      }
    }, s.spec);
    check(r.same === true, `${s.what}: chart '${s.id}' is the same drawn by the interpreter`, JSON.stringify(r));
  }
  await ctx.close();
  return seen.size;
}

async function checkText(page, what) {
  const text = await page.evaluate(() => document.body.innerText);
  check(text.includes(hostileOrg), `${what}: the hostile organisation name shows as text`);
  const injected = await page.evaluate(() => ({
    onmouseover: document.querySelectorAll('[onmouseover]').length,
    onerror: document.querySelectorAll('[onerror]').length,
    bold: [...document.querySelectorAll('b, img')].filter((e) => !e.closest('#vg-tooltip-element')).length,
    scripts: [...document.scripts].filter((s) => !s.type && /alert\(/.test(s.textContent)).length,
  }));
  check(injected.onmouseover === 0 && injected.onerror === 0 && injected.bold === 0 && injected.scripts === 0,
    `${what}: no markup from the data`, JSON.stringify(injected));
}

/* The flows name the hostile organisation in SVG text, as text. */
async function checkFlows(page, what) {
  const labels = await page.$$eval('[data-chart="sankey"] svg text', (ts) => ts.map((t) => t.textContent));
  check(labels.some((t) => t.startsWith(hostileOrg)), `${what}: the Sankey labels the hostile organisation as text`,
    labels.slice(0, 12).join(' | '));
  const bands = await page.$$eval('[data-chart="sankey"] .mark-area path', (ps) => ps.length);
  check(bands >= 5, `${what}: the Sankey has its bands`, String(bands));
  const bars = await page.$$eval('[data-chart="netflow"] .mark-rect path', (ps) => ps.length);
  check(bars >= 3, `${what}: the net-flow chart has bars`, String(bars));
  const fans = await page.$$eval('[data-chart="runway-cash"] .mark-area path', (ps) => ps.length);
  check(fans >= 2, `${what}: the runway fan has its two bands`, String(fans));
}

/* Hovers the departure dots until the tooltip names the hostile person. */
async function checkTooltip(page, what, sectionId) {
  const dots = await page.$$(`${sectionId} [data-chart="timeline"] .mark-symbol.role-mark path`);
  let seen = '';
  for (const dot of dots.slice(0, 80)) {
    try { await dot.hover({ timeout: 2000, force: true }); } catch { continue; }
    seen = await page.evaluate(() => {
      const t = document.getElementById('vg-tooltip-element');
      return t ? t.textContent : '';
    });
    if (seen.includes(hostilePerson)) break;
  }
  check(seen.includes(hostilePerson), `${what}: the tooltip names '${hostilePerson}' as text`, seen.slice(0, 120));
  const bad = await page.evaluate(() => {
    const t = document.getElementById('vg-tooltip-element');
    return t ? t.querySelectorAll('[onmouseover], script, img').length : -1;
  });
  check(bad === 0, `${what}: the tooltip holds no markup from the data`, String(bad));
}

const drawnSpecs = [];
try {
  for (const vp of viewports) {
    /* The report: a file that must not fetch anything. */
    const what = `report (${vp.name})`;
    const { ctx, page, log } = await open(pathToFileURL(reportPath).href, vp);
    if (await waitReady(page, what)) {
      await checkCharts(page, what, ['timeline', 'qq', 'km', ...flowIds, ...runwayIds, ...compareIds]);
      await checkText(page, what);
      await checkFlows(page, what);
      const side = await page.$eval('[data-section="compare-now"]', (s) => s.textContent);
      check(/side by side/.test(side) && /founders remaining/.test(side) && /dilution per priced round/.test(side),
        `${what}: the comparison lists its rows`, side.slice(0, 200));
      const card = await page.$eval('#org-0 .card', (c) => c.textContent);
      check(/months of runway/.test(card) && /median > 60/.test(card), `${what}: OpenAI's card shows its runway`, card.slice(0, 200));
      const probs = await page.$eval('[data-section="runway"]', (s) => s.textContent);
      check(/within 12 months/.test(probs) && /loop gain/.test(probs) && /dominant link/.test(probs),
        `${what}: the runway states P(cash-out), the loop gain and its dominant link`);
      if (vp.name === 'laptop') await checkTooltip(page, what, '#org-1');
      await checkTimeline(page, what);
    }
    const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    drawnSpecs.push(...await checkPolicy(page, what, policy));
    await page.screenshot({ path: path.join(shots, `report-${vp.name}.png`), fullPage: true });
    const outside = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    check(outside.length === 0, `${what}: no network request`, outside.join(' '));
    check(log.errors.length === 0, `${what}: no console errors`, log.errors.join(' | '));
    check(log.dialogs.length === 0, `${what}: no dialog opened`, log.dialogs.join(' | '));
    await ctx.close();
  }
  for (const vp of viewports) {
    const what = `dashboard (${vp.name})`;
    const { ctx, page, log } = await open(`${base}/?org=${encodeURIComponent(hostileOrg)}`, vp);
    const policy = await page.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy') || '');
    if (await waitReady(page, what)) {
      await checkCharts(page, what, ['timeline', 'qq', 'km', ...flowIds, ...runwayIds]);
      await checkTimeline(page, what);
      await checkText(page, what);
      await checkFlows(page, what);
      /* Another organisation and a date range through the controls. */
      await page.selectOption('#exo-org', 'OpenAI');
      await page.waitForFunction(() => document.querySelector('section.org h2')?.textContent === 'OpenAI'
        && document.body.getAttribute('data-state') === 'ready', null, { timeout: 60000 });
      await page.fill('#exo-since', '2023-01-01');
      await page.fill('#exo-until', '2025-12-31');
      await page.click('#exo-go');
      await page.waitForFunction(() => document.body.getAttribute('data-state') !== 'loading', null, { timeout: 60000 });
      if (await waitReady(page, `${what}, OpenAI 2023-2025`)) {
        await checkCharts(page, `${what}, OpenAI 2023-2025`, ['timeline', 'qq', ...flowIds, ...runwayIds]);
        const intro = await page.$eval('[data-section="flows"] .note', (n) => n.textContent);
        check(/2023-\d\d-\d\d \.\. 2025-/.test(intro), `${what}: the date range reached the flows`, intro);
        const window = await page.evaluate(() => document.body.innerText.includes('2023-01-01 .. 2025-12-31'));
        check(window, `${what}: the date range reached the model`);
        await checkTimeline(page, `${what}, OpenAI 2023-2025`);
      }
    }
    drawnSpecs.push(...await checkPolicy(page, what, policy));
    await page.screenshot({ path: path.join(shots, `dashboard-${vp.name}.png`), fullPage: true });
    const outside = log.requests.filter((u) => !u.startsWith(base + '/'));
    check(outside.length === 0, `${what}: requests only to the dashboard`, outside.join(' '));
    check(log.errors.length === 0, `${what}: no console errors`, log.errors.join(' | '));
    check(log.dialogs.length === 0, `${what}: no dialog opened`, log.dialogs.join(' | '));
    await ctx.close();
  }
  for (const [what, url, isReport] of [['HR report', pathToFileURL(hrReport).href, true],
    ['HR dashboard', `${hrBase}/?org=${encodeURIComponent(hrOrg)}`, false]]) {
    const { ctx, page, log } = await open(url, viewports[0]);
    if (await waitReady(page, what)) {
      await checkCharts(page, what, hrIds);
      await checkHr(page, what);
    }
    const policy = isReport
      ? await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content)
      : await page.evaluate(async () =>
        (await fetch(location.href)).headers.get('content-security-policy') || '');
    drawnSpecs.push(...await checkPolicy(page, what, policy));
    await page.screenshot({ path: path.join(shots, `${isReport ? 'hr-report' : 'hr-dashboard'}.png`), fullPage: true });
    const outside = log.requests.filter((u) => isReport ? !u.startsWith('file:') && !u.startsWith('data:')
      : !u.startsWith(hrBase + '/'));
    check(outside.length === 0, `${what}: no request elsewhere`, outside.join(' '));
    check(log.errors.length === 0, `${what}: no console errors`, log.errors.join(' | '));
    await ctx.close();
  }
  const n = await checkInterpreter(drawnSpecs);
  check(n >= 20, 'the charts compared with and without the interpreter', `${n} distinct charts`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  hrServer.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed (screenshots in ${shots})`);
process.exit(failed ? 1 : 0);
