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
}

/** The HTML of a page that is only its bundle: its stylesheet, its settings, its module script and a root element `#<name>`. */
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
<div id="${parts.name}"></div>
</body>
</html>
`;
}
