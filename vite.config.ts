import { defineConfig } from 'vite';

const elements = ['article-header', 'figure', 'reading-time', 'comment-form'];

/**
 * Two builds share this file:
 * - `vite build --mode bundle`: dist/lede.js, one self-contained module with Lit inlined, for <script type="module">.
 * - `vite build`: dist/index.js and dist/<element>.js with `lit` external, for bundlers and CMS themes.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  const entry: Record<string, string> = bundle
    ? { lede: 'src/index.ts' }
    : { index: 'src/index.ts', ...Object.fromEntries(elements.map((name) => [name, `src/${name}/${name}.ts`])) };
  return {
    build: {
      target: 'es2022',
      emptyOutDir: bundle,
      sourcemap: true,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        external: bundle ? [] : [/^lit(\/.*)?$/, /^@lit\//],
        output: bundle ? { minify: true } : { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
