import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

describe('CONCORD_ORGS', () => {
  it('defaults to Default and reads a trimmed comma list', () => {
    expect(loadConfig({}).concordOrgs).toEqual(['Default']);
    expect(loadConfig({ CONCORD_ORGS: ' acme ,globex,, ' }).concordOrgs).toEqual(['acme', 'globex']);
  });

  it('refuses a list with no names', () => {
    expect(() => loadConfig({ CONCORD_ORGS: ' , ' })).toThrow('Invalid setting CONCORD_ORGS');
  });
});
