import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    // The library build (vite.config.ts `build.lib`) does not apply to Storybook's app build.
    if (viteConfig.build) delete viteConfig.build.lib;
    return mergeConfig(viteConfig, {
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      define: { __KENTRO_VERSION__: JSON.stringify('storybook') },
    });
  },
};
export default config;
