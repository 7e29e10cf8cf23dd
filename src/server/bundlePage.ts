/** JSON that is safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** What a bundled page is made of: its name (`explorer`, `board`: the settings' and root element's ids), its assets and settings. */
export interface BundlePageParts {
  readonly name: string;
  readonly title: string;
  readonly script: string;
  readonly style: string;
  /** Embedded as JSON (`<name>-settings`) for the script to read. */
  readonly settings: unknown;
  /** A line of plain text the page shows above its root element (HTML-escaped here). */
  readonly note?: string | undefined;
}

/** Text that is safe as HTML element content. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML of a page that is only its bundle: its stylesheet, its settings, its module script, its note if any, and a root element `#<name>`. */
export function bundlePage(parts: BundlePageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${parts.style}">
<script type="application/json" id="${parts.name}-settings">${scriptJson(parts.settings)}</script>
<script type="module" src="${parts.script}"></script>
</head>
<body>
${parts.note === undefined ? '' : `<p class="${parts.name}-note" role="note">${escapeHtml(parts.note)}</p>\n`}<div id="${parts.name}"></div>
</body>
</html>
`;
}
