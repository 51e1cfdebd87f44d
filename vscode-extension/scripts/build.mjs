// Bundles the extension client and the language server with esbuild:
//   src/extension.ts  → dist/extension.js  (CommonJS, `vscode` external: VS Code provides it)
//   ../lsp/main.ts    → server/main.js     (everything inlined: chevrotain, decimal.js, vscode-languageserver)
// The server must stay free of DuckDB (a native module; lsp/ never imports runtime/): the build
// fails if the server bundle pulls in `@duckdb`.
// Usage: node scripts/build.mjs [--server path/to/main.ts] [--outdir DIR] [--dev]   (--dev: no minifying, inline source maps)
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const serverArg = args.indexOf('--server');
// --server FILE (or ICX_SERVER_ENTRY, for `npm run package`) bundles another entry: a test stub.
const serverEntry = serverArg >= 0 ? path.resolve(args[serverArg + 1] ?? '')
  : process.env.ICX_SERVER_ENTRY ? path.resolve(process.env.ICX_SERVER_ENTRY) : path.resolve(root, '..', 'lsp', 'main.ts');
const production = !args.includes('--dev');
// --outdir DIR: write DIR/dist and DIR/server instead of the extension's own (tests).
const outArg = args.indexOf('--outdir');
const out = outArg >= 0 ? path.resolve(args[outArg + 1] ?? '') : root;

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

if (!existsSync(serverEntry)) {
  fail(`the language server entry ${path.relative(process.cwd(), serverEntry)} does not exist (lsp/main.ts is written by the language-server work; pass --server FILE or set ICX_SERVER_ENTRY to bundle another entry)`);
}

rmSync(path.join(out, 'dist'), { recursive: true, force: true });
rmSync(path.join(out, 'server'), { recursive: true, force: true });

/** Stops the server build at the first import of DuckDB, naming the importer. */
const noDuckDb = {
  name: 'no-duckdb',
  setup(b) {
    b.onResolve({ filter: /^@duckdb\// }, (a) => ({
      errors: [{ text: `the language server must not import DuckDB: ${a.path} is imported by ${path.relative(root, a.importer)} (lsp/ never imports runtime/)` }],
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'inline',
  minify: production,
  logLevel: 'silent', // errors reach fail() below, once
  metafile: true,
};

try {
  await build({
    ...common,
    entryPoints: [path.join(root, 'src', 'extension.ts')],
    outfile: path.join(out, 'dist', 'extension.js'),
    external: ['vscode'],
  });
  const server = await build({
    ...common,
    entryPoints: [serverEntry],
    outfile: path.join(out, 'server', 'main.js'),
    // The project's sources import `./x.js` for `./x.ts` (NodeNext ESM); esbuild resolves that.
    // ESM sources in a CJS bundle: `import.meta.url` has no CJS meaning, give it one.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    nodePaths: [path.resolve(root, '..', 'node_modules')],
    plugins: [noDuckDb],
  });
  // Belt and braces: DuckDB reached by a path the plugin does not see (a relative require).
  const duck = Object.keys(server.metafile.inputs).filter((f) => f.includes('@duckdb'));
  if (duck.length > 0) {
    rmSync(path.join(out, 'server'), { recursive: true, force: true });
    fail(`the server bundle pulls in DuckDB (the language server must not import runtime/):\n  ${duck.slice(0, 10).join('\n  ')}`);
  }
  const external = Object.values(server.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path)).map((i) => i.path));
  console.log(`build: dist/extension.js, server/main.js (from ${path.relative(root, serverEntry)}, ${Object.keys(server.metafile.inputs).length} modules${external.length ? `; external: ${[...new Set(external)].join(', ')}` : ''})`);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
