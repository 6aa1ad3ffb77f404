/**
 * Browser tests in Debian Chromium (CHROME_PATH overrides). A real Kentro backend (PGlite in memory) with a
 * fault-injecting proxy in front starts on first use; tests reach it through the `kentro-*` server commands.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { backendPlugin } from './test/wtr/backend-plugin.mjs';

const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Serve `import css from 'x.css?inline'` the way Vite does. */
const inlineCss = {
  name: 'inline-css',
  resolveMimeType(ctx) { if (ctx.path.endsWith('.css') && ctx.URL.searchParams.has('inline')) return 'js'; },
  transform(ctx) { if (ctx.path.endsWith('.css') && ctx.URL.searchParams.has('inline')) return { body: `export default ${JSON.stringify(ctx.body)};` }; },
};

export default {
  files: 'test/components/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args } })],
  plugins: [inlineCss, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), backendPlugin()],
  testFramework: { config: { timeout: 20000 } },
};
