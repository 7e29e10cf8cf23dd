import { ConfigError } from './ConfigError.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Readers of one environment variable each, throwing a {@link ConfigError}
 * that names it when its value cannot be used; an unset or blank variable
 * gives the fallback.
 */
export const envSetting = {
  /** The trimmed value, or undefined when unset or blank. */
  text(env: Env, name: string): string | undefined {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  },

  /** A whole number within `min..max`. */
  integer(env: Env, name: string, fallback: number, min: number, max: number): number {
    const raw = envSetting.text(env, name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
    const value = Number(raw);
    if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
    return value;
  },

  /** `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`). */
  boolean(env: Env, name: string, fallback: boolean): boolean {
    const raw = envSetting.text(env, name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `"${raw}" is not true or false`);
  },
} as const;
