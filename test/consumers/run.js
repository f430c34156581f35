// Consumer tests: the package as users get it. Packs the repository (run `npm run build` first) into a temp
// folder, lints the tarball (publint, attw), then installs it into each fixture app of test/consumers/<app>/
// (copied to its own temp folder, with the app's own pinned dependencies from the npm registry), builds the app
// in production mode, serves the result on 127.0.0.1 and checks in Chromium that the elements are defined and
// show their localised text (and, on the Vite app's page rendered by lede-elements/ssr, that they hydrate on one
// copy of Lit). One line per app; the output of whatever failed below it. Usage:
//   node test/consumers/run.js [app…]      (apps: static vite-ts react vue bundlers node-ssr; default all)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromium } from '../support/chromium.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(repo, 'test/consumers');
const bin = (name) => join(repo, 'node_modules/.bin', name);
const started = Date.now();

/** What the French page shows in each element's shadow root (src/shared/translations/fr.ts). */
const FRENCH = {
  'lede-article-header': 'Le 27 novembre 2019',
  'lede-reading-time': '4 minutes de lecture',
  'lede-figure': 'Légende',
  'lede-comment-form': 'Laisser un commentaire',
  'lede-comments': '1 commentaire',
};

// ---------------------------------------------------------------------------------------------------------------
// Everything this run starts, so that it is all stopped and removed however the run ends.
const chrome = chromium(); // exits with how to get one when there is none, before anything is started
const work = mkdtempSync(join(tmpdir(), 'lede-consumers-'));
const children = new Set();
const servers = new Set();
let launching; // Chromium, starting or started
let browser; // Chromium, started
let cleaning; // the one cleanup, however many callers wait for it
let interrupted = false;
const cleanup = () => (cleaning ??= stopAll());
async function stopAll() {
  for (const child of children) stop(child);
  for (const server of servers) (server.closeAllConnections(), server.close());
  await (await launching?.catch(() => null))?.close().catch(() => {});
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

// Child processes keep npm's settings (registry, cache, cafile) but not what `npm run` says about this repository:
// `npm_config_local_prefix` would point the fixtures' npm at it.
const ours = /^(npm_config_local_prefix|npm_config_call|npm_package_.*|npm_lifecycle_.*|npm_command|INIT_CWD)$/i;
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !ours.test(key)));

/** Ends a child and whatever it started (npm runs vite, vue-tsc runs node): each child leads its own process group. */
function stop(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs a command; resolves with its exit code and its stdout and stderr together. Killed after `timeout` ms. */
function run(command, args, { cwd = repo, timeout = 240_000 } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...childEnv, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeout / 1000} s]`;
      stop(child);
    }, timeout);
    const end = (code) => {
      clearTimeout(timer);
      children.delete(child);
      done({ code, output: output.trim() });
    };
    child.on('error', (error) => end(error.message));
    child.on('close', (code, signal) => end(code ?? signal));
  });
}

/** One check's result: what was checked, and if it failed, why (a build's output, a page's errors). */
const pass = (what) => ({ what, ok: true });
const fail = (what, detail) => ({ what, ok: false, detail });
/** A check that runs a command and passes when it exits 0. */
async function step(what, command, args, options) {
  const { code, output } = await run(command, args, options);
  return code === 0 ? pass(what) : fail(what, `${command} ${args.join(' ')} exited ${code}:\n${output}`);
}

// ---------------------------------------------------------------------------------------------------------------
// A tiny static server: the app's built folder, plus the picture the figures show and the comments the threads list.
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const PHOTO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#888"/></svg>';
const COMMENTS = JSON.stringify([
  { id: 1, parent: null, name: 'Ada', url: null, content: 'Merci.', created: '2019-11-27T10:00:00Z' },
]);
async function serve(root) {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname === '/photo.svg') return res.writeHead(200, { 'Content-Type': TYPES['.svg'] }).end(PHOTO);
    if (pathname === '/comments.json') return res.writeHead(200, { 'Content-Type': TYPES['.json'] }).end(COMMENTS);
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    const path = resolve(root, `.${decodeURIComponent(pathname)}`);
    const file = path === root || path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile())
      return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  servers.add(server);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => (servers.delete(server), server.close()) };
}

/**
 * Opens `url` in Chromium and checks, once the page has rendered them, that each tag of `texts` is defined and its
 * shadow root shows that text, and that each tag of `absent` is not defined; then runs `check` in the page, if given
 * (a self-contained function returning the problems it finds). Console errors, page errors, failed requests and
 * Lede's own warnings fail the check too. Returns the problems found, none when all is well.
 */
async function visit(url, { texts, absent = [], check }) {
  const page = await browser.newPage();
  const problems = [];
  page.on(
    'console',
    (m) => (m.type() === 'error' || m.text().startsWith('[lede]')) && problems.push(`console ${m.type()}: ${m.text()}`),
  );
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    const found = await page.evaluate(
      async (texts, absent) => {
        const wait = (ms) => new Promise((r) => setTimeout(r, ms));
        const deadline = Date.now() + 5000;
        const result = {};
        for (const [tag, expected] of Object.entries(texts)) {
          // React and Vue put the elements in the page after it has loaded; a missing definition is the failure we look for.
          while (!(document.querySelector(tag) && customElements.get(tag)) && Date.now() < deadline) await wait(20);
          const el = document.querySelector(tag);
          if (!el) result[tag] = `<${tag}> is not in the page`;
          else if (!customElements.get(tag))
            result[tag] = `customElements.get('${tag}') is undefined: the element was not registered`;
          else {
            await el.updateComplete;
            const shown = () => {
              const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
              let text = '';
              while (walker.nextNode())
                if (walker.currentNode.parentElement?.localName !== 'style') text += walker.currentNode.data;
              return text.replace(/\s+/g, ' ').trim();
            };
            // An element that loads something first (the comment thread, its list) shows the text once it has it.
            while (!shown().includes(expected) && Date.now() < deadline) await wait(20);
            const text = shown();
            if (!text.includes(expected)) result[tag] = `<${tag}> shows "${text.slice(0, 200)}", not "${expected}"`;
          }
        }
        for (const tag of absent)
          if (customElements.get(tag))
            result[tag] = `customElements.get('${tag}') is defined, but this page should not load it`;
        return Object.values(result);
      },
      texts,
      absent,
    );
    problems.unshift(...found, ...(check ? await page.evaluate(check) : []));
  } catch (error) {
    problems.push(`runner: ${error.message}`);
  } finally {
    await page.close();
  }
  return problems;
}

/**
 * For `visit` (run in the page): a server-rendered page whose elements all took over their server's shadow roots,
 * on one copy of Lit. The page's inline script kept, before any module ran, the elements of each shadow root in
 * `window.serverNodes`. Rendered again, an element shows others: Lit, finding a shadow root already there, renders
 * beside the server's content (a second header above the first), or in its place once hydration has failed. The
 * check runs once each element shows its text, the comment thread its list: after a second render too.
 */
async function hydrated() {
  const problems = [];
  const versions = window.litHtmlVersions ?? [];
  if (versions.length !== 1)
    problems.push(
      `${versions.length} copies of lit-html ran (window.litHtmlVersions: ${versions.join(', ')}), not one`,
    );
  const kept = window.serverNodes ?? [];
  if (!kept.length) problems.push('window.serverNodes is empty: the page kept no server-rendered node');
  for (const { host, nodes } of kept) {
    const tag = host.localName;
    if (!nodes.length) problems.push(`<${tag}> has no server-rendered shadow root`);
    else if (!customElements.get(tag)) problems.push(`<${tag}> is not defined`);
    else {
      await host.updateComplete;
      const shown = [...host.shadowRoot.children].filter((node) => node.localName !== 'style');
      if (!host.hasUpdated) problems.push(`<${tag}> has not rendered`);
      else if (shown.length !== nodes.length || shown.some((node, i) => node !== nodes[i])) {
        const list = (all) => all.map((node) => `<${node.localName}>${nodes.includes(node) ? '' : ' (new)'}`).join(' ');
        problems.push(`<${tag}> was rendered again: its shadow root shows ${list(shown)}, the server's ${list(nodes)}`);
      }
    }
  }
  return problems;
}

/** A check that serves `root` and visits each of its `pages` ({ path, texts, absent, check }). */
async function browse(what, root, pages) {
  if (!existsSync(root)) return fail(what, `nothing to serve: ${root} does not exist`);
  const server = await serve(root);
  try {
    const problems = [];
    for (const { path, ...expect } of pages)
      problems.push(...(await visit(server.origin + path, expect)).map((p) => `${path}: ${p}`));
    return problems.length ? fail(what, problems.join('\n')) : pass(what);
  } finally {
    server.close();
  }
}

/**
 * A type check of an app whose typings come from an entry of the package that may not be there yet
 * (lede-elements/react, lede-elements/vue): says so plainly when that is why it failed.
 */
async function typecheck(what, dir, command, args, entry) {
  return missing(await step(what, command, args, { cwd: dir }), entry);
}
function missing(result, entry) {
  if (!result.ok && result.detail.includes(`Cannot find module '${entry}'`)) {
    result.what += ` (${entry} is not in the package yet)`;
    result.detail = `${entry} is not in the tarball: its typings are not on this branch yet; this check passes once they land.\n${result.detail}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The apps. Each gets its temp folder with the tarball installed, and returns its checks.
const apps = {
  /** The package's dist/ served as a CDN serves it (https://cdn…/npm/lede-elements/dist/…): script tags only. */
  async static(dir) {
    const site = join(dir, 'site');
    mkdirSync(join(site, 'npm/lede-elements'), { recursive: true });
    cpSync(join(dir, 'node_modules/lede-elements/dist'), join(site, 'npm/lede-elements/dist'), { recursive: true });
    for (const page of ['index.html', 'figure-de.html', 'autoloader.html']) cpSync(join(dir, page), join(site, page));
    return [
      await browse('dist/lede.js: 5 elements, French', site, [{ path: '/', texts: FRENCH }]),
      await browse('dist/figure.js + translations/de.js: German, header not defined', site, [
        {
          path: '/figure-de.html',
          texts: { 'lede-figure': 'Bildunterschrift' },
          absent: ['lede-article-header', 'lede-comment-form', 'lede-comments', 'lede-reading-time'],
        },
      ]),
      // From its own URL under /npm/…, the autoloader finds the modules beside it; the comments, far below, wait.
      await browse('dist/autoloader.js: the elements shown, French; comments not loaded', site, [
        {
          path: '/autoloader.html',
          texts: {
            'lede-article-header': FRENCH['lede-article-header'],
            'lede-reading-time': FRENCH['lede-reading-time'],
            'lede-figure': FRENCH['lede-figure'],
          },
          absent: ['lede-comment-form', 'lede-comments'],
        },
      ]),
    ];
  },

  async 'vite-ts'(dir) {
    const checks = [await step('tsc --noEmit', 'npm', ['run', '-s', 'typecheck'], { cwd: dir })];
    const build = await step('vite build', 'npm', ['run', '-s', 'build'], { cwd: dir });
    checks.push(build);
    if (build.ok) {
      checks.push(
        await browse('Chromium: 5 elements, French; lede-elements/figure alone', join(dir, 'dist'), [
          { path: '/', texts: FRENCH },
          {
            path: '/figure.html',
            texts: { 'lede-figure': FRENCH['lede-figure'] },
            absent: ['lede-article-header', 'lede-comment-form', 'lede-comments', 'lede-reading-time'],
          },
        ]),
      );
      // ssr.html: rendered by the installed lede-elements/ssr (render.js, run by the app's build), then hydrated by
      // `import 'lede-elements/hydrate'` with `import 'lede-elements'` (src/ssr.ts), in one bundle with one Lit.
      checks.push(
        await browse('Chromium: server-rendered page hydrated, one lit-html', join(dir, 'dist'), [
          { path: '/ssr.html', texts: FRENCH, check: hydrated },
        ]),
      );
    }
    return checks;
  },

  async react(dir) {
    const checks = [await typecheck('tsc --noEmit', dir, 'npm', ['run', '-s', 'typecheck'], 'lede-elements/react')];
    // The same app with one attribute misspelt must not type-check, and the error must name that attribute.
    const misspelt = join(dir, 'misspelt');
    cpSync(join(dir, 'src'), join(misspelt, 'src'), { recursive: true });
    const app = readFileSync(join(misspelt, 'src/App.tsx'), 'utf8');
    // The attribute of <lede-figure>, however the element's attributes are laid out over lines.
    const wrong = app.replace(/(<lede-figure\b[^>]*?\s)caption=/, '$1captoin=');
    writeFileSync(join(misspelt, 'src/App.tsx'), wrong);
    writeFileSync(join(misspelt, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['src'] }));
    const what = 'tsc rejects <lede-figure captoin>';
    if (wrong === app)
      checks.push(fail(what, 'could not misspell `caption` in src/App.tsx: the fixture changed; update run.js'));
    else {
      const { code, output } = await run(join(dir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'misspelt'], {
        cwd: dir,
      });
      if (code !== 0 && output.includes('captoin')) checks.push(pass(what));
      else
        checks.push(
          missing(
            fail(
              what,
              code === 0
                ? 'tsc passed an unknown attribute `captoin` on <lede-figure>'
                : `tsc failed, but not on \`captoin\`:\n${output}`,
            ),
            'lede-elements/react',
          ),
        );
    }
    const build = await step('vite build', 'npm', ['run', '-s', 'build'], { cwd: dir });
    checks.push(build);
    if (build.ok)
      checks.push(await browse('Chromium: 5 elements, French', join(dir, 'dist'), [{ path: '/', texts: FRENCH }]));
    return checks;
  },

  async vue(dir) {
    const checks = [await typecheck('vue-tsc --noEmit', dir, 'npm', ['run', '-s', 'typecheck'], 'lede-elements/vue')];
    const build = await step('vite build', 'npm', ['run', '-s', 'build'], { cwd: dir });
    checks.push(build);
    if (build.ok)
      checks.push(await browse('Chromium: 5 elements, French', join(dir, 'dist'), [{ path: '/', texts: FRENCH }]));
    return checks;
  },

  /** The same entries built by esbuild, Rollup and webpack 5 for production: tree-shaking must keep `define()`. */
  async bundlers(dir) {
    const build = await step('esbuild, rollup, webpack builds', 'npm', ['run', '-s', 'build'], { cwd: dir });
    if (!build.ok) return [build];
    const checks = [build];
    for (const bundler of ['esbuild', 'rollup', 'webpack']) {
      checks.push(
        await browse(`${bundler}: 5 elements, French; figure alone`, join(dir, 'dist', bundler), [
          { path: '/', texts: FRENCH },
          {
            path: '/figure.html',
            texts: { 'lede-figure': FRENCH['lede-figure'] },
            absent: ['lede-article-header', 'lede-comment-form', 'lede-comments', 'lede-reading-time'],
          },
        ]),
      );
    }
    return checks;
  },

  async 'node-ssr'(dir) {
    return [
      await step('lede-elements/ssr renders French, estimateReadingTime counts', process.execPath, ['check.js'], {
        cwd: dir,
      }),
    ];
  },
};

// ---------------------------------------------------------------------------------------------------------------
const lines = [];
const failures = [];
function report(name, checks, since = started) {
  if (interrupted) return; // what failed then is only what the interruption stopped
  const ok = checks.every((c) => c.ok);
  const seconds = `(${((Date.now() - since) / 1000).toFixed(0)} s)`;
  const line = `${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(9)} ${checks.map((c) => (c.ok ? c.what : `${c.what} ✗`)).join(' · ')} ${seconds}`;
  console.log(line);
  for (const c of checks.filter((c) => !c.ok)) console.log(`      ✗ ${c.what}\n${indent(c.detail)}`);
  (ok ? lines : failures).push(name);
}
const indent = (text) => {
  const all = `${text}`.split('\n');
  const shown = all.length > 60 ? ['…', ...all.slice(-60)] : all;
  return shown.map((l) => `        ${l}`).join('\n');
};

/** Runs `tasks` (functions returning promises) at most `limit` at a time; results in order. */
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

try {
  const chosen = process.argv.slice(2);
  for (const name of chosen)
    if (!(name in apps)) throw new Error(`no app "${name}"; apps: ${Object.keys(apps).join(' ')}`);
  const names = chosen.length ? chosen : Object.keys(apps);
  if (!existsSync(join(repo, 'dist/lede.js')) || !existsSync(join(repo, 'dist/lib/index.js')))
    throw new Error('no dist/: run `npm run build` first');

  // The tarball, as `npm publish` would upload it.
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work]);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
  const info = JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0];
  const tarball = join(work, info.filename);
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`${info.filename}: ${kB(info.size)} packed, ${kB(info.unpackedSize)} unpacked, ${info.entryCount} files`);

  // Install every app at once (mostly waiting on the registry; npm's cache is shared and safe to share), and
  // start Chromium meanwhile.
  const installs = names.map(async (name) => {
    const dir = join(work, name);
    const since = Date.now();
    try {
      cpSync(join(fixtures, name), dir, { recursive: true });
    } catch (error) {
      return { name, dir, since, result: fail('copy', error.message) };
    }
    const result = await step(
      'npm install',
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball],
      { cwd: dir },
    );
    return { name, dir, since, result };
  });
  // Puppeteer's own signal handlers would end the process before cleanup() has run: this script has its own.
  const signals = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
  launching = puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: chromeArgs,
    userDataDir: join(work, 'chromium-profile'),
    ...signals,
  });
  launching.catch(() => {}); // awaited below; this only keeps an early failure from ending the run before the cleanup

  // The package itself: publint (strict: warnings fail too) and attw, on the same tarball.
  const publint = await run(bin('publint'), ['--strict', tarball]);
  const lint = [
    publint.code === 0 && /All good!/.test(publint.output)
      ? pass('publint --strict')
      : fail('publint --strict', publint.output),
  ];
  // attw: the package is ESM only (`"type": "module"`, no `require` condition). A CommonJS `require()` of it
  // resolving to ESM is the design, not a mistake, so that one rule is ignored; every other problem fails.
  const attw = await run(bin('attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm']);
  lint.push(attw.code === 0 && /No problems found/.test(attw.output) ? pass('attw') : fail('attw', attw.output));
  report('package', lint);

  browser = await launching;
  const installed = await Promise.all(installs);
  // Builds use the CPU: two at a time on a two-core machine.
  await pool(
    installed.map(({ name, dir, result, since }) => async () => {
      let checks;
      try {
        checks = result.ok ? [result, ...(await apps[name](dir))] : [result];
      } catch (error) {
        checks = [fail('runner', error.stack)];
      }
      report(
        name,
        checks.filter((c) => !c.ok || c !== result),
        since,
      );
    }),
    2,
  );
} catch (error) {
  console.log(`FAIL  ${error.message}`);
  failures.push('runner');
} finally {
  await cleanup();
}
console.log(
  `consumers: ${lines.length} passed, ${failures.length} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failures.length ? 1 : 0);
