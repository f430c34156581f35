import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  staticDirs: [{ from: '../demo/images', to: '/images' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Storybook's own chunks are large by nature; they are not what Lede ships.
    return { ...config, build: { ...config.build, chunkSizeWarningLimit: 4096 } };
  },
};

export default config;
