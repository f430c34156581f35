import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const elements = ['article-header', 'figure', 'reading-time', 'comment-form'];
/** English and French are built in; these register themselves when their module is loaded. */
const languages = ['de', 'es', 'it', 'pt', 'nl', 'ar'];

/**
 * Two builds share this file:
 * - `vite build --mode bundle`: dist/lede.js, one self-contained module with Lit inlined, for <script type="module">.
 * - `vite build`: dist/index.js and dist/<element>.js with `lit` external, for bundlers and CMS themes.
 */
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
  type Node = { type?: string; start: number; end: number; [key: string]: unknown };
  return {
    name: 'lede-minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('/src/')) return;
      const edits: Array<[number, number, string]> = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as Node;
        const tag = n.type === 'TaggedTemplateExpression' && (n.tag as { name?: string }).name;
        if (tag === 'html' || tag === 'css') {
          for (const q of (n.quasi as { quasis: Node[] }).quasis) {
            const raw = code.slice(q.start, q.end);
            edits.push([q.start, q.end, squeeze[tag](raw)]);
          }
        }
        for (const key in n) if (key !== 'parent') visit(n[key]);
      };
      visit(this.parse(code));
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  // `vite build --mode hydrate`: dist/hydrate.js, self-contained like dist/lede.js and loaded before it on pages
  // rendered by lede/ssr (src/hydrate/index.ts). `estimate` gives lede/ssr the element's own word count in Node.
  const bundle = mode === 'bundle' || mode === 'hydrate';
  const entry: Record<string, string> = bundle
    ? mode === 'hydrate' ? { hydrate: 'src/hydrate/index.ts' } : { lede: 'src/bundle.ts' }
    : {
        index: 'src/index.ts',
        estimate: 'src/reading-time/estimate.ts',
        ...Object.fromEntries(elements.map((name) => [name, `src/${name}/${name}.ts`])),
        ...Object.fromEntries(languages.map((lang) => [`translations/${lang}`, `src/shared/translations/${lang}.ts`])),
      };
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      emptyOutDir: mode === 'bundle',
      // The bundle keeps its map beside it without pointing to it: every byte of lede.js counts.
      sourcemap: bundle ? 'hidden' : true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external: bundle ? [] : [/^lit(\/.*)?$/, /^@lit\//],
        output: bundle ? { minify: true, comments: false } : { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
