/**
 * A JSON Schema check for tests: the MCP SDK's own validator (Ajv with
 * formats, as the SDK validates tool input and output), through the SDK's
 * public `validation/ajv` export, so no undeclared package is imported.
 */
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A validator for `schema`: the error text, or null when the data is accepted. */
export function checkerFor(schema: object): (data: unknown) => string | null {
  // A fresh validator per schema: Ajv caches by $id, and tests compare schemas that share one.
  const validate = new AjvJsonSchemaValidator().getValidator(schema as never);
  return (data) => {
    const result = validate(data);
    return result.valid ? null : (result.errorMessage ?? 'invalid');
  };
}

/** A committed schema (path from the repository root). */
export function committedSchema(file: string): object {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as object;
}
