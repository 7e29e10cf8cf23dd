/**
 * Path templates for cache rules: `:name` is one segment, `:name{3}` three
 * segments (CircleCI's `gh/org/repo` slugs), `*name` the rest of the path.
 * Parameters are kept as sent (still URL-encoded), so that they can be put
 * back into other paths unchanged.
 */
export class PathPattern {
  private readonly regex: RegExp;
  private readonly names: readonly string[];

  constructor(readonly pattern: string) {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .filter((part) => part !== '')
      .map((part) => {
        if (part.startsWith('*')) {
          names.push(part.slice(1));
          return '(?:/(.*))?';
        }
        const param = /^:([\w-]+)(?:\{(\d+)\})?$/.exec(part);
        if (param) {
          names.push(param[1] as string);
          return `/([^/]+${'/[^/]+'.repeat(Number(param[2] ?? 1) - 1)})`;
        }
        return `/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      })
      .join('');
    this.regex = new RegExp(`^${source}/?$`);
    this.names = names;
  }

  /** The parameters when `path` matches, else null. */
  match(path: string): Record<string, string> | null {
    const found = this.regex.exec(path);
    if (found === null) return null;
    const params: Record<string, string> = {};
    this.names.forEach((name, i) => {
      params[name] = found[i + 1] ?? '';
    });
    return params;
  }

  /** The pattern with parameters filled in; throws when one is missing. */
  fill(params: Readonly<Record<string, string>>): string {
    return this.pattern.replace(/[:*]([\w-]+)(?:\{\d+\})?/g, (_whole, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`No value for :${name} in ${this.pattern}`);
      return value;
    });
  }
}

/** `/a/b/c` → `['/a', '/a/b', '/a/b/c']`. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}
