import { ConfigError } from './ConfigError.js';

/**
 * Limits on what one operation may ask for, checked before it runs (the
 * `QUERY_MAX_*` settings), and the upstream calls it may actually make.
 */
export interface LimitSettings {
  /** Nesting depth of selections (`QUERY_MAX_DEPTH`). */
  readonly maxDepth: number;
  /** Aliased fields (`QUERY_MAX_ALIASES`). */
  readonly maxAliases: number;
  /** Field selections, each fragment counted wherever it is spread (`QUERY_MAX_FIELDS`). */
  readonly maxFields: number;
  /** Directives used in the operation (`QUERY_MAX_DIRECTIVES`). */
  readonly maxDirectives: number;
  /** Lexical tokens of the document; parsing stops past it (`QUERY_MAX_TOKENS`). */
  readonly maxTokens: number;
  /** Estimated upstream calls, from each field's cost and the `first` of the lists above it (`QUERY_MAX_UPSTREAM_CALLS`). */
  readonly maxUpstreamCalls: number;
  /** Upstream calls one operation (or one subscription event) may make at run time (`OPERATION_MAX_UPSTREAM_CALLS`). */
  readonly operationMaxUpstreamCalls: number;
}

/** Each limit's environment variable. */
export const limitSettingNames: Readonly<Record<keyof LimitSettings, string>> = {
  maxDepth: 'QUERY_MAX_DEPTH',
  maxAliases: 'QUERY_MAX_ALIASES',
  maxFields: 'QUERY_MAX_FIELDS',
  maxDirectives: 'QUERY_MAX_DIRECTIVES',
  maxTokens: 'QUERY_MAX_TOKENS',
  maxUpstreamCalls: 'QUERY_MAX_UPSTREAM_CALLS',
  operationMaxUpstreamCalls: 'OPERATION_MAX_UPSTREAM_CALLS',
};

/** Defaults: far above the README's examples and a real dashboard, far below what floods an upstream. */
export const defaultLimits: LimitSettings = {
  maxDepth: 15,
  maxAliases: 50,
  maxFields: 1_000,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxUpstreamCalls: 1_000,
  operationMaxUpstreamCalls: 1_000,
};

/** The range each limit may be set to. */
const ranges: Readonly<Record<keyof LimitSettings, readonly [number, number]>> = {
  maxDepth: [1, 1_000],
  maxAliases: [0, 100_000],
  maxFields: [1, 1_000_000],
  maxDirectives: [0, 100_000],
  maxTokens: [10, 10_000_000],
  maxUpstreamCalls: [1, 10_000_000],
  operationMaxUpstreamCalls: [1, 10_000_000],
};

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the limits; throws a {@link ConfigError} naming a bad one. */
export function loadLimitSettings(env: Env): LimitSettings {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(limitSettingNames) as (keyof LimitSettings)[]) {
    const name = limitSettingNames[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
    const value = Number(raw);
    const [min, max] = ranges[key];
    if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
    limits[key] = value;
  }
  return Object.freeze(limits);
}
