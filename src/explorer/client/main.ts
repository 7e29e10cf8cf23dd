import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { examples } from 'switchyard:examples';

/** What the page embeds for the explorer (see src/server/explorer.ts). */
interface ExplorerSettings {
  readonly credentialHeaders: readonly string[];
  /** False when the gateway answers no introspection: the page says so, and no schema is asked for. */
  readonly introspection?: boolean;
}

// What a tab opened with "+" starts with; the example tabs hold the files' text as it is.
const newTabQuery = `# Switchyard: one GraphQL API over CircleCI, GitHub Enterprise Server,
# GitLab, Concord and FlexStack. Put your credentials in the Headers tab
# (empty values fall back to the tokens the gateway is configured with).
`;

function readSettings(): ExplorerSettings {
  const element = document.getElementById('explorer-settings');
  return JSON.parse(element?.textContent ?? '{}') as ExplorerSettings;
}

const settings = readSettings();
const endpoint = new URL('/graphql', window.location.href);
const socket = new URL(endpoint.href);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// Over WebSockets the header editor's values travel as connection params.
const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: socket.href });

const headerTemplate = JSON.stringify(Object.fromEntries(settings.credentialHeaders.map((name) => [name, ''])), null, 2);

const root = document.getElementById('explorer');
if (root === null) throw new Error('The explorer page has no #explorer element');
createRoot(root).render(
  createElement(
    GraphiQL,
    {
      fetcher,
      // With introspection off, asking for the schema would only fail: run without one (the page says why).
      ...(settings.introspection === false ? { schema: null } : {}),
      // The README's examples as ready tabs, the dashboard first; only when the browser holds no tabs of its own.
      defaultTabs: examples.map((example) => ({ query: example.query, variables: example.variables ?? null, headers: headerTemplate })),
      defaultQuery: newTabQuery,
      defaultHeaders: headerTemplate,
      isHeadersEditorEnabled: true,
      // Credentials typed into the header editor must not outlive the page.
      shouldPersistHeaders: false,
      // The first tab's variables when it has any, else the credential headers.
      defaultEditorToolsVisibility: examples[0]?.variables === undefined ? 'headers' : 'variables',
    },
    createElement(GraphiQL.Logo, null, 'Switchyard'),
  ),
);
