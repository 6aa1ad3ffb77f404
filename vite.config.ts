/**
 * Library build: one ES entry per widget (`dist/kentro-<name>.js`), `all.js` and the side-effect-free
 * `index.js`; shared code is split into hashed chunks under `dist/chunks/`. Real minification (STACK.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** `src/components/<name>/kentro-<name>.ts` → entry `kentro-<name>`. */
function widgetEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  let dirs: string[] = [];
  try {
    dirs = readdirSync('src/components');
  } catch {
    return entries;
  }
  for (const dir of dirs) {
    for (const file of readdirSync(`src/components/${dir}`)) {
      if (/^kentro-[\w-]+\.ts$/.test(file)) entries[file.replace(/\.ts$/, '')] = `src/components/${dir}/${file}`;
    }
  }
  return entries;
}

export default defineConfig({
  define: { __KENTRO_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    // `dist/.vite/manifest.json`: each entry's static imports, read by the bundle budget (bench/bundle).
    manifest: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        all: 'src/all.ts',
        'kentro-provider': 'src/core/kentro-provider.ts',
        ...widgetEntries(),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
