import { defineConfig } from 'vite';

// Two pages: every element, and one element imported on its own.
export default defineConfig({
  build: { rolldownOptions: { input: { index: 'index.html', figure: 'figure.html' } } },
});
