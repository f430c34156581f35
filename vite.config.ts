import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const elements = ['article-header', 'figure', 'reading-time', 'comment-form', 'comments'];
/** English and French are built in; these register themselves when their module is loaded. */
const languages = ['de', 'es', 'it', 'pt', 'nl', 'ar'];

type Node = { type?: string; start: number; end: number; [key: string]: unknown };
/** A stretch of a module's code, from `start` to `end`, and the text that replaces it. */
type Edit = [start: number, end: number, text: string];

/** Calls `visit` with every node of a syntax tree (`this.parse(code)` in a plugin), each before its children. */
function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  visit(node as Node);
  for (const key in node) if (key !== 'parent') walk((node as Node)[key], visit);
}

/** `code` with each of `edits` made (they must not overlap). */
function edited(code: string, edits: Edit[]): string {
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * Lit ships template text verbatim, indentation included. After TypeScript is stripped, squeeze the static
 * parts of html`` and css`` literals (found in the syntax tree, so expressions and other strings are untouched).
 * In markup a run of whitespace holding a newline is dropped between tags and expressions, and is one space
 * elsewhere: a space meant between two inline elements is written on their line. In CSS whitespace means
 * nothing around punctuation. Nothing in our templates depends on newlines (no <pre>, no multi-line textarea text).
 */
function minifyTemplates(): Plugin {
  const squeeze = {
    // Between tags or expressions (as in JSX) a line break is no text at all; inside a tag or text, one space.
    html: (text: string) =>
      text.replace(/\s*\n\s*/g, (space, at: number) =>
        /^>?$/.test(text[at - 1] ?? '') && /^<?$/.test(text[at + space.length] ?? '') ? '' : ' ',
      ),
    css: (text: string) =>
      text
        .replace(/\/\*[^]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>!])\s*|: /g, (_, c?: string) => c ?? ':')
        .replace(/;}/g, '}'),
  };
  return {
    name: 'lede-minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('/src/')) return;
      const edits: Edit[] = [];
      walk(this.parse(code), (n) => {
        const tag = n.type === 'TaggedTemplateExpression' && (n.tag as { name?: string }).name;
        if (tag !== 'html' && tag !== 'css') return;
        for (const q of (n.quasi as { quasis: Node[] }).quasis) {
          const raw = code.slice(q.start, q.end);
          edits.push([q.start, q.end, squeeze[tag](raw)]);
        }
      });
      return { code: edited(code, edits), map: null };
    },
  };
}

/**
 * dist/lede.js and dist/hydrate.js are one self-contained file each. There, a module that our code loads on demand,
 * `import('./x.js')` (the figure's zoom dialog, src/figure/zoom.ts), is imported statically instead, and the import()
 * becomes `Promise.resolve({ …its exports })`: no other file is written. Left to rolldown (`codeSplitting: false`),
 * the import() is inlined too, but every module it uses, Lit included, is then wrapped in a function that runs it on
 * first use (about 580 B more gzip in dist/lede.js), and `codeSplitting: false` refuses the several entries of
 * bench/size.js's one-element bundles. A plain object rather than `import * as`, whose namespace object costs 130 B.
 */
function staticImports(): Plugin {
  return {
    name: 'lede-static-imports',
    async transform(code, id) {
      if (!id.includes('/src/') || !code.includes('import(')) return;
      const found: Array<{ node: Node; source: string }> = [];
      walk(this.parse(code), (node) => {
        const source = node.type === 'ImportExpression' && (node.source as { value?: unknown }).value;
        if (typeof source === 'string') found.push({ node, source });
      });
      const imports: string[] = [];
      const edits: Edit[] = [];
      for (const [i, { node, source }] of found.entries()) {
        const resolved = await this.resolve(source, id);
        if (!resolved) return this.error(`${source}, imported by ${id}, not found`);
        const names = (await this.load(resolved)).exports.map((name, j) => [JSON.stringify(name), `lede$${i}$${j}`]);
        imports.push(
          `import { ${names.map(([name, local]) => `${name} as ${local}`).join()} } from ${JSON.stringify(source)};`,
        );
        edits.push([node.start, node.end, `Promise.resolve({ ${names.map((pair) => pair.join(': ')).join()} })`]);
      }
      return imports.length ? { code: imports.join('') + edited(code, edits), map: null } : undefined;
    },
  };
}

/**
 * Lit calls `document.createElement(…)`, `createComment`, `createTextNode`, `createTreeWalker` and `importNode` on
 * the global `document`, where a page's `<img name="createElement">` shadows them (DOM clobbering): nothing
 * renders. In the builds that carry their own Lit, those calls go through `Document.prototype` instead. The build
 * fails if lit-html no longer has the shape this expects (after a Lit upgrade), rather than losing the fix quietly.
 */
function unshadowedDocument(): Plugin {
  const METHODS = 'createComment|createElement|createTextNode|createTreeWalker|createDocumentFragment|importNode';
  return {
    name: 'lede-unshadowed-document',
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return;
      // lit-html keeps `document` in a variable (`l=document`); other modules name it.
      const names = ['document', ...[...code.matchAll(/\b(\w+)=document\b/g)].map((match) => match[1])];
      let out = code;
      for (const name of names) {
        // `x.create…(` and `(a??x).importNode(`: the receiver becomes the first argument of `.call`.
        out = out
          .replace(new RegExp(`\\b${name}\\.(${METHODS})\\(`, 'g'), `Document.prototype.$1.call(${name},`)
          .replace(new RegExp(`\\(([^()]*\\?\\?${name})\\)\\.(${METHODS})\\(`, 'g'), `Document.prototype.$2.call($1,`);
      }
      if (id.endsWith('/lit-html/lit-html.js') && (out.match(/Document\.prototype\./g)?.length ?? 0) < 5) {
        this.error('lit-html changed shape: update unshadowedDocument() in vite.config.ts');
      }
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/**
 * The modules of the static build's chunks/lede-*.js: Lit (without the lit-html modules only hydration uses), and
 * src/shared/ with its built-in languages, but not the translation registry nor the other languages.
 */
const SHARED =
  /\/node_modules\/(lit|lit-element|@lit\/reactive-element)\/|\/lit-html\/(lit-html|is-server)\.js$|\/src\/shared\/(?!translation\.ts)[\w-]+\.ts$|\/translations\/(en|fr)\.ts$/;

/**
 * Four builds share this file, one per `--mode` (and a fifth, `admin`, above):
 * - `bundle`: dist/lede.js, every element in one self-contained module (Lit inlined), for one script tag.
 * - `hydrate`: dist/hydrate.js, self-contained like dist/lede.js and loaded before it on pages rendered by
 *   lede-elements/ssr (src/hydrate/index.ts); `estimate` gives lede-elements/ssr the element's word count in Node.
 * - `static`: dist/<element>.js and dist/translations/<lang>.js for static hosts and CDNs: each loads from a
 *   script tag with no import map, because they import only each other and dist/chunks/ (one shared copy of Lit, and
 *   what an element loads on first use, the figure's zoom dialog).
 *   dist/hydrate-support.js hydrates server-rendered pages on that same Lit; dist/autoloader.js (no Lit of its own)
 *   loads each element's module when the page shows the element.
 * - `lib` (the default): dist/lib/, one file per source module with `lit` left as an import, for bundlers and
 *   Node; `package.json` `exports` points here, so an app and Lede share the app's Lit. dist/lib/ssr/ is
 *   lede-elements/ssr (src/ssr/), for Node, with `@lit-labs/ssr` left as an import; dist/lib/hydrate/shared.js is
 *   lede-elements/hydrate, with `@lit-labs/ssr-client` left as one, so that hydration too runs on the app's Lit.
 */
export default defineConfig(({ mode }) => {
  // The reference server's moderation page (admin/, served at /admin/): its own Lit, in build/admin/, outside dist/
  // so it is neither in the public bundle nor in the npm package.
  if (mode === 'admin') {
    return {
      root: 'admin',
      base: '/admin/',
      publicDir: false,
      build: {
        target: 'es2022',
        outDir: '../build/admin',
        emptyOutDir: true,
        sourcemap: false,
        modulePreload: false,
        rolldownOptions: { output: { minify: true, comments: false } },
      },
    };
  }
  const translations = (folder: string) =>
    Object.fromEntries(languages.map((lang) => [`${folder}/${lang}`, `src/shared/translations/${lang}.ts`]));
  const registering = (name: string) => `src/${name}/define.ts`;
  const entries: Record<string, Record<string, string>> = {
    bundle: { lede: 'src/bundle.ts' },
    hydrate: { hydrate: 'src/hydrate/index.ts' },
    static: {
      ...Object.fromEntries(elements.map((name) => [name, registering(name)])),
      'reading-time': 'src/reading-time/browser.ts',
      ...translations('translations'),
      'hydrate-support': 'src/hydrate/shared.ts',
      autoloader: 'src/autoloader.ts',
    },
    lib: {
      index: 'src/index.ts',
      ...Object.fromEntries(
        elements.flatMap((name) => [
          [`${name}/define`, registering(name)],
          [`${name}/${name}`, `src/${name}/${name}.ts`],
        ]),
      ),
      ...translations('shared/translations'),
      // lede-elements/hydrate: hydration on the Lit the elements import, the app's (as dist/hydrate-support.js).
      'hydrate/shared': 'src/hydrate/shared.ts',
      // lede-elements/ssr and its command line (Node only).
      'ssr/index': 'src/ssr/index.ts',
      'ssr/cli': 'src/ssr/cli.ts',
    },
  };
  const lib = !(mode in entries) || mode === 'lib';
  return {
    plugins: [
      minifyTemplates(),
      ...(lib ? [] : [unshadowedDocument()]),
      ...(mode === 'bundle' || mode === 'hydrate' ? [staticImports()] : []),
    ],
    build: {
      target: 'es2022',
      outDir: lib ? 'dist/lib' : 'dist',
      emptyOutDir: mode === 'bundle' || lib,
      // No source maps: the package ships no sources for them to point at, and dist/lib/ reads like the source.
      sourcemap: false,
      lib: { entry: entries[lib ? 'lib' : mode], formats: ['es'] },
      rolldownOptions: {
        external: lib ? [/^lit(\/.*)?$/, /^@lit\//, /^@lit-labs\//, /^node:/] : [],
        output: lib
          ? { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' }
          : {
              minify: true,
              comments: false,
              chunkFileNames: 'chunks/[name]-[hash].js',
              // One chunk for Lit and what the elements share, rather than one per combination of entries that use a
              // module: a page then loads one file where it loaded five, and each file costs its own gzip overhead.
              // translation.ts stays apart: dist/translations/<lang>.js import it, and must not bring Lit. What an
              // element loads with import() (the figure's zoom dialog) gets a chunk of its own, fetched on first use.
              codeSplitting:
                mode === 'static'
                  ? {
                      groups: [
                        { name: 'translation', test: /\/src\/shared\/translation\.ts$/, priority: 2 },
                        { name: 'lede', test: SHARED, priority: 1 },
                      ],
                    }
                  : undefined,
            },
      },
    },
  };
});
