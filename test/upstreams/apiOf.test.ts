import { describe, expect, it } from 'vitest';
import type { CacheRulesOf } from '../../src/cache/rules.js';
import { apiOf } from '../../src/upstreams/call.js';
import { op, operationTable } from '../../src/upstreams/operation.js';

const table = operationTable({
  getThing: op({ method: 'GET', path: '/orgs/{org}/things/{id}' }),
  listThings: op({ method: 'GET', path: '/orgs/{org}/things' }),
  renameThing: op({ method: 'PATCH', path: '/things/{thing}' }),
});

describe('apiOf: cache rules are checked when a service API is made', () => {
  it('accepts rules whose purges fill every parameter of the reads they name', () => {
    const rules = {
      getThing: { kind: 'object' },
      listThings: { kind: 'list' },
      renameThing: [{ route: 'listThings' }],
    } as const satisfies CacheRulesOf<typeof table>;
    expect(typeof apiOf('gitlab', table, rules)).toBe('function');
  });

  it('refuses a purge that cannot fill a parameter of the read it names', () => {
    const rules = {
      getThing: { kind: 'object' },
      listThings: { kind: 'list' },
      renameThing: [{ exact: 'getThing', params: { id: 'thing' } }],
    } as const satisfies CacheRulesOf<typeof table>;
    expect(() => apiOf('gitlab', table, rules)).toThrow('gitlab: renameThing cannot fill {org} of getThing');
  });

  it('refuses a purge naming a write, and a read given a write rule', () => {
    const purgesWrite = { getThing: { kind: 'object' }, listThings: { kind: 'list' }, renameThing: [{ route: 'renameThing' }] };
    expect(() => apiOf('gitlab', table, purgesWrite as never)).toThrow('renameThing purges renameThing, which is not a read');
    const wrongKind = { getThing: [], listThings: { kind: 'list' }, renameThing: [] };
    expect(() => apiOf('gitlab', table, wrongKind as never)).toThrow('getThing has a cache rule of the wrong kind');
  });
});
