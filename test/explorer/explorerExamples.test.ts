import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explorerExamples } from '../../src/explorer/explorerExamples.js';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'watch.graphql': 'subscription Watch { circleciPipelineStatusChanged(projectSlug: "gh/acme/api") { status } }\n',
  'cancel.graphql': 'mutation Cancel($id: String!) { circleciCancelPipeline(input: { pipelineId: $id }) { pipeline { id } } }\n',
  'cancel.variables.json': '{"id":"p-1"}',
  'me.graphql': 'query Me($first: Int = 5, $where: String = "gh") { circleciMe { name } }\n',
  'dashboard.graphql': 'query Dashboard { projects(first: 10) { edges { node { id } } } }\n',
  'notes.md': 'not an example',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

describe('the explorer examples', () => {
  it('are the files as they are, the dashboard first, then queries, mutations, subscriptions, with their variables', () => {
    expect(explorerExamples(dir)).toEqual([
      { file: 'dashboard.graphql', name: 'Dashboard', type: 'query', query: files['dashboard.graphql'] },
      { file: 'me.graphql', name: 'Me', type: 'query', query: files['me.graphql'], variables: '{\n  "first": 5,\n  "where": "gh"\n}\n' },
      { file: 'cancel.graphql', name: 'Cancel', type: 'mutation', query: files['cancel.graphql'], variables: '{\n  "id": "p-1"\n}\n' },
      { file: 'watch.graphql', name: 'Watch', type: 'subscription', query: files['watch.graphql'] },
    ]);
  });
});
