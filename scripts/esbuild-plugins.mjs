// esbuild plugins shared by every bundle that contains the core (scripts/build.mjs, the web test
// bundle, the editor benchmark).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * `import validate from 'virtual:config-validator'`: the validator of schemas/charters.schema.json,
 * compiled at build time by ajv's standalone code generation. Compiling the schema at run time
 * cost every start of the CLI about 0.1 s; the generated code needs only ajv's small runtime
 * helpers, which esbuild bundles.
 */
export const configValidator = {
  name: 'config-validator',
  setup(b) {
    b.onResolve({ filter: /^virtual:config-validator$/ }, () => ({ path: 'config-validator', namespace: 'charters-generated' }));
    b.onLoad({ filter: /.*/, namespace: 'charters-generated' }, () => {
      const schemaFile = join(ROOT, 'schemas', 'charters.schema.json');
      const Ajv = require('ajv').default;
      const standalone = require('ajv/dist/standalone').default;
      // The same options as a run-time compile would use (src/core/config.ts relies on allErrors).
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
      return { contents: standalone(ajv, validate), loader: 'js', resolveDir: ROOT, watchFiles: [schemaFile] };
    });
  },
};

export const corePlugins = [configValidator];
