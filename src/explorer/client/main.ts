import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** What the page embeds for the explorer (see src/server/explorer.ts). */
interface ExplorerSettings {
  readonly credentialHeaders: readonly string[];
  readonly defaultQuery: string;
}

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
      defaultQuery: settings.defaultQuery,
      defaultHeaders: headerTemplate,
      isHeadersEditorEnabled: true,
      // Credentials typed into the header editor must not outlive the page.
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    },
    createElement(GraphiQL.Logo, null, 'Switchyard'),
  ),
);
