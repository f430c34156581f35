import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages per element, from the JSDoc in custom-elements.json.
  addons: ['@storybook/addon-docs'],
  staticDirs: [
    { from: '../demo/images', to: '/images' },
    { from: '../stories/static-assets', to: '/story-assets' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(config) {
    // Storybook's own chunks are large by nature; they are not what Lede ships.
    return { ...config, build: { ...config.build, chunkSizeWarningLimit: 4096 } };
  },
};

export default config;
