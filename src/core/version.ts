/**
 * The tool's version: the one in package.json, read at build time (esbuild inlines this one
 * field of the JSON). The CLI's `--version`, SARIF's `tool.driver`, the JSON report, the cache
 * key, the workflow `init` writes, the site's footer and marker all take it from here.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
