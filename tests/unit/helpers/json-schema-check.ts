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

/** The schema with `additionalProperties: false` on every object that lists its properties: "exactly these fields". */
export function strictSchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(strictSchema) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'properties' || key === 'definitions' ? Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, strictSchema(sub)])) : strictSchema(value),
    ]),
  );
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy as T;
}
