// The template typings of the elements: Vue's GlobalComponents learns the four tags and their attributes.
import type {} from 'lede-elements/vue';
import 'lede-elements';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
