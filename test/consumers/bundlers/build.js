// The same two entries built for production by esbuild, Rollup and webpack 5, each into dist/<bundler>/ with the
// pages that load them: index.html (`import 'lede-elements'`: every element) and figure.html
// (`import 'lede-elements/figure'`: that one only). Tree-shaking must keep the registrations in all three.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import webpack from 'webpack';

const entries = { main: './src/main.js', figure: './src/figure.js' };

const BODY = `<lede-article-header published="2019-11-27"><h1>Titre</h1></lede-article-header>
    <lede-reading-time minutes="4"></lede-reading-time>
    <lede-figure src="./photo.svg" alt="Un carré" width="40" height="30"></lede-figure>
    <lede-comment-form action="/comments" post-id="1"></lede-comment-form>
    <lede-comments src="/comments.json" action="/comments" post-id="1"></lede-comments>`;

const PHOTO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#888"/></svg>';

/** The two pages of one bundler's output, and their image; webpack writes classic scripts, the others modules. */
function pages(dir, type) {
  writeFileSync(resolve(dir, 'photo.svg'), PHOTO);
  for (const [page, entry] of [
    ['index.html', 'main'],
    ['figure.html', 'figure'],
  ]) {
    const body =
      page === 'index.html'
        ? BODY
        : '<lede-figure src="./photo.svg" alt="Un carré" width="40" height="30"></lede-figure>';
    writeFileSync(
      resolve(dir, page),
      `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><title>Lede from a bundler</title><script ${type} src="./${entry}.js"></script></head>
  <body>
    ${body}
  </body>
</html>
`,
    );
  }
}

await build({
  entryPoints: entries,
  bundle: true,
  minify: true,
  format: 'esm',
  outdir: 'dist/esbuild',
  logLevel: 'warning',
});
pages('dist/esbuild', 'type="module"');

const bundle = await rollup({
  input: entries,
  plugins: [nodeResolve({ browser: true }), terser()],
  onwarn: (warning) => console.warn(`${warning}`),
});
await bundle.write({ dir: 'dist/rollup', format: 'es' });
await bundle.close();
pages('dist/rollup', 'type="module"');

const stats = await new Promise((done, fail) =>
  webpack(
    { mode: 'production', entry: entries, output: { path: resolve('dist/webpack'), filename: '[name].js' } },
    (error, result) => (error ? fail(error) : done(result)),
  ),
);
if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
pages('dist/webpack', 'defer');
