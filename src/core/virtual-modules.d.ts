/** Modules the build generates (scripts/esbuild-plugins.mjs). */
declare module 'virtual:config-validator' {
  import type { ErrorObject } from 'ajv';
  /** ajv's standalone validator of schemas/charters.schema.json (allErrors). */
  const validate: {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  };
  export default validate;
}
