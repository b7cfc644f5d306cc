/**
 * docs/API.md's JSON Schemas (generated from the endpoints' TypeScript types)
 * describe what the endpoints really publish: every /api/*.json route has
 * one, and each builder's output for the shipped examples is accepted by
 * its schema made strict (no field the schema does not name), while a copy
 * missing a required field or with a wrong type is rejected.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ENDPOINTS } from '../../scripts/cli/schemas-cli.ts';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { collectActionItems, selectLedgerItems } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { ledgerExport } from '../../src/lib/postmortem/ledger/ledger-export.ts';
import { buildApiDocument } from '../../src/lib/postmortem/exports/incident-api.ts';
import { learningExport } from '../../src/lib/postmortem/learning/learning-export.ts';
import { metricsExport } from '../../src/lib/postmortem/metrics/metrics-export.ts';
import { toMetricsDataset } from '../../src/lib/postmortem/metrics/record.ts';
import { checkerFor, committedSchema, strictSchema } from './helpers/json-schema-check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-27';
const { postmortems } = readArchive(path.join(ROOT, 'docs/spec/.llm/completed'), ROOT);

const published: Record<string, unknown> = {
  '/api/incidents.json': buildApiDocument(postmortems, { urlOf: (slug) => `https://hindsight.example.com/incidents/${slug}/`, asOf: TODAY, generatedAt: `${TODAY}T08:00:00.000Z` }),
  '/api/action-items.json': ledgerExport(selectLedgerItems(collectActionItems(postmortems), {}, 'due', TODAY), TODAY, (slug) => `https://hindsight.example.com/incidents/${slug}/`),
  '/api/metrics.json': metricsExport(toMetricsDataset(postmortems, TODAY)),
  '/api/learning.json': learningExport(postmortems, TODAY),
};

describe('/api/*.json schemas (docs/API.md)', () => {
  it('cover every JSON file under src/pages/api/', () => {
    const routes = readdirSync(path.join(ROOT, 'src/pages/api')).filter((file) => file.endsWith('.json.ts')).map((file) => `/api/${file.replace(/\.ts$/, '')}`);
    expect(API_ENDPOINTS.map((endpoint) => endpoint.url).sort()).toEqual(routes.sort());
  });

  it.each(API_ENDPOINTS.map((endpoint) => [endpoint.url, endpoint.schema] as const))('%s: the published data is accepted, exactly, by schema/%s', (url, file) => {
    const schema = committedSchema(`schema/${file}`);
    const data = JSON.parse(JSON.stringify(published[url]));
    expect(checkerFor(schema)(data)).toBeNull();
    expect(checkerFor(strictSchema(schema))(data)).toBeNull();

    const required = (schema as { required: string[] }).required;
    expect(required.length).toBeGreaterThan(0);
    const { [required[0]!]: _dropped, ...missing } = data as Record<string, unknown>;
    expect(checkerFor(schema)(missing)).toContain(required[0]);
    const wrongType = { ...(data as Record<string, unknown>), [required.at(-1)!]: 'not the right type' };
    expect(checkerFor(schema)(wrongType)).not.toBeNull();
  });

  it('name nested fields too: an unexpected field deep in an incident is caught by the strict form', () => {
    const data = JSON.parse(JSON.stringify(published['/api/incidents.json'])) as { incidents: { action_items: Record<string, unknown>[] }[] };
    data.incidents[0]!.action_items[0]!.priority = 'high';
    expect(checkerFor(strictSchema(committedSchema('schema/api/incidents.schema.json')))(data)).toContain('additional properties');
  });
});
