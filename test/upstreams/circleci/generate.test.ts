import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCircleCiOperations } from '../../../src/upstreams/circleci/generate.js';
import { generatorFiles } from '../../../src/upstreams/circleci/operationsConfig.js';

const root = new URL('../../../', import.meta.url).pathname;
const spec = (): Record<string, any> => JSON.parse(readFileSync(root + generatorFiles.spec, 'utf8'));

describe('the CircleCI operation table generator', () => {
  it('writes the committed table from the committed description', () => {
    expect(generateCircleCiOperations(spec(), generatorFiles.spec)).toBe(readFileSync(root + generatorFiles.out, 'utf8'));
  });

  it('requires only what every alternative of a oneOf answer carries, and what allOf parts require', () => {
    const text = generateCircleCiOperations(spec(), 'spec');
    // CircleCI answers a variable or, on some versions, `{ message }`: nothing is common to both.
    expect(text).toContain('response: objectOf<WireContextEnvVar & WireMessage>(),');
    const changed = spec();
    changed['paths']['/me']['get']['responses']['200']['content']['application/json']['schema'] = {
      allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', required: ['login'], properties: { login: { type: 'integer' } } }],
    };
    expect(generateCircleCiOperations(changed, 'spec')).toContain(`response: objectOf<WireUser>({ id: 'string', login: 'number' }),`);
  });

  it('refuses a path parameter whose shape the config does not state, and an operation without a wire type', () => {
    const unshaped = spec();
    unshaped['paths']['/user/{mystery}'] = unshaped['paths']['/user/{id}'];
    expect(() => generateCircleCiOperations(unshaped, 'spec')).toThrow('no shape for path parameter {mystery} of getUser');
    const untyped = spec();
    untyped['paths']['/me']['get']['operationId'] = 'getSomeoneElse';
    expect(() => generateCircleCiOperations(untyped, 'spec')).toThrow('no wire type for getSomeoneElse');
  });
});
