// The server's part of the page: lede-elements/ssr renders article.html into ssr.html, which `vite build` then builds
// like the other pages. Its script, src/ssr.ts, hydrates what the server rendered.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderToString } from 'lede-elements/ssr';

const here = (name) => new URL(name, import.meta.url);
writeFileSync(here('ssr.html'), renderToString(readFileSync(here('article.html'), 'utf8'), { lang: 'fr' }));
