import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * Stories talk to real backends: `/api` is proxied to a running `npm start` (KENTRO_API, default
 * http://127.0.0.1:8080), and `/hsds-spec/` answers from the HSDS specification's own example documents.
 */
const KENTRO_API = process.env.KENTRO_API ?? 'http://127.0.0.1:8080';

function hsdsExamples(): Plugin {
  return {
    name: 'kentro-hsds-examples',
    async configureServer(server) {
      const { hsdsStubHandler } = await import('../test/fixtures/hsds-stub.ts');
      const handle = hsdsStubHandler();
      server.middlewares.use('/hsds-stub', (req, res) => handle(req, res));
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [{ from: '../test/fixtures/ics', to: '/ics' }],
  core: { disableTelemetry: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    // The library build (vite.config.ts `build.lib`) does not apply to Storybook's app build.
    if (viteConfig.build) delete viteConfig.build.lib;
    return mergeConfig(viteConfig, {
      plugins: [hsdsExamples()],
      server: { proxy: { '/api': { target: KENTRO_API, changeOrigin: false } } },
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      define: { __KENTRO_VERSION__: JSON.stringify('storybook') },
    });
  },
};
export default config;
