import { defineConfig } from 'vite';

// Three pages: every element, one element imported on its own, and every element rendered on the server (ssr.html,
// written by render.js before the build) and hydrated. index.html and ssr.html share the elements: Vite puts them in
// a chunk of their own, which runs before the code of src/ssr.ts, the import of lede-elements/hydrate included.
export default defineConfig({
  build: { rolldownOptions: { input: { index: 'index.html', figure: 'figure.html', ssr: 'ssr.html' } } },
});
