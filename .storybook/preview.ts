import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import '../src/index.js';
import './preview.css';
import { languages } from '../stories/support.js';

// Controls and docs come from the same manifest the package ships, so they cannot drift from the code.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the page (<html lang dir>)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: languages.map(({ code, name }) => ({ value: code, title: name })),
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of the page (color-scheme)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', scheme: 'light' },
  decorators: [
    (story, { globals }) => {
      // Applied as a real page would: on <html>, so every element resolves its language the ordinary way.
      const root = document.documentElement;
      const lang = String(globals.lang ?? 'fr');
      root.lang = lang;
      root.dir = languages.find((l) => l.code === lang)?.dir ?? 'ltr';
      root.style.colorScheme = String(globals.scheme ?? 'light');
      document.body.classList.add('lede-story');
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
