/**
 * The built site publishes the committed JSON Schemas under /schema/, and
 * its real /api/*.json files are accepted by them (made strict: no field the
 * schema does not name), so docs/API.md describes what a build serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { API_ENDPOINTS } from '../../scripts/cli/schemas-cli.ts';
import { checkerFor, strictSchema } from '../unit/helpers/json-schema-check.ts';

const SCHEMA_DIR = path.resolve('schema');
const committed = readdirSync(SCHEMA_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.schema.json'));

test('every committed schema is published under /schema/ as committed', async ({ request }) => {
  expect(committed).toContain('postmortem-frontmatter.schema.json');
  for (const file of committed) {
    const response = await request.get(`schema/${file.split(path.sep).join('/')}`);
    expect(response.ok(), file).toBe(true);
    expect(response.headers()['content-type']).toContain('json');
    expect(await response.text()).toBe(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
  }
});

for (const endpoint of API_ENDPOINTS) {
  test(`${endpoint.url} as built is accepted, exactly, by schema/${endpoint.schema}`, async ({ request }) => {
    const response = await request.get(endpoint.url.slice(1));
    expect(response.ok()).toBe(true);
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, endpoint.schema), 'utf8')) as object;
    expect(checkerFor(strictSchema(schema))(await response.json())).toBeNull();
  });
}
