import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Tags starting with lede- are custom elements, not Vue components: Vue renders them and sets their attributes.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('lede-') } } })],
});
