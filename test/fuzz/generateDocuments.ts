import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A deterministic pseudo-random source (mulberry32). */
export interface Random {
  (): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** A seeded {@link Random}: the same seed gives the same sequence. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = next as Random;
  random.int = (below) => Math.floor(next() * below);
  random.pick = (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];
  random.chance = (probability) => next() < probability;
  return random;
}

/** Strings that have broken gateways: paths, dot segments, encodings, control characters, sizes. */
const strings = [
  'gh/acme/api',
  'gh/acme/web',
  'acme/api',
  'Default',
  'payments',
  'gh/acme/../../../me',
  'a/b/../../../../../etc/passwd',
  '..',
  '.',
  '',
  ' ',
  '%2e%2e%2f',
  '\u0000',
  'line\r\nbreak',
  'ünïcödé ✓',
  '😀',
  'x'.repeat(300),
  '{"json":true}',
  '<script>',
  'circleci/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111',
  'Q2lyY2xlQ0lQcm9qZWN0OmdoL2FjbWUvYXBp',
];
const ints = [0, 1, 2, 5, 20, 100, 101, -1, 2_147_483_647, -2_147_483_648, 7];
const dates = ['2026-01-01T00:00:00Z', 'not a date', '0000-00-00', ''];

/** A GraphQL literal of `type`, mostly valid, sometimes not. */
function valueOf(random: Random, type: GraphQLInputType, depth: number): string {
  if (isNonNullType(type)) return valueOf(random, type.ofType, depth);
  if (random.chance(0.04)) return random.pick(['null', '"wrong"', '42', 'true', '[]', '{}', 'ENUM_VALUE']);
  if (isListType(type)) {
    const length = random.int(depth > 2 ? 2 : 4);
    return `[${Array.from({ length }, () => valueOf(random, type.ofType, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) return random.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || (depth < 3 && random.chance(0.4)));
    return `{ ${fields.map((field) => `${field.name}: ${valueOf(random, field.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return String(random.pick(ints));
      case 'Float':
        return String(random.pick(ints) / 3);
      case 'Boolean':
        return random.chance(0.5) ? 'true' : 'false';
      case 'DateTime':
        return JSON.stringify(random.pick(dates));
      case 'JSON':
        return random.pick(['{ a: 1 }', '"text"', '[1, 2]', 'null', '{ deploy: true, nested: { x: [1] } }']);
      default:
        return JSON.stringify(random.pick(strings));
    }
  }
  return 'null';
}

/** A selection set for `type`, `depth` levels down. */
function selectionOf(random: Random, schema: GraphQLSchema, type: GraphQLCompositeType, depth: number): string {
  const parts: string[] = [];
  if (isUnionType(type) || (isAbstractType(type) && random.chance(0.5))) {
    const possible = schema.getPossibleTypes(type);
    for (let i = 0; i < 1 + random.int(2); i += 1) {
      const member = random.pick(possible);
      parts.push(`... on ${member.name} { ${selectionOf(random, schema, member, depth + 1)} }`);
    }
    if (isUnionType(type)) return `__typename ${parts.join(' ')}`;
  }
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields());
    const count = 1 + random.int(depth === 0 ? 3 : 4);
    for (let i = 0; i < count; i += 1) {
      const field = random.pick(fields);
      const alias = random.chance(0.1) ? `a${random.int(1000)}: ` : '';
      const args = field.args.filter((arg) => isNonNullType(arg.type) || random.chance(0.3)).map((arg) => `${arg.name}: ${valueOf(random, arg.type, 0)}`);
      const argText = args.length > 0 ? `(${args.join(', ')})` : '';
      const named = getNamedType(field.type);
      let sub = '';
      if (isCompositeType(named)) sub = depth >= 4 || random.chance(0.1) ? ' { __typename }' : ` { ${selectionOf(random, schema, named, depth + 1)} }`;
      parts.push(`${alias}${field.name}${argText}${sub}`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** A document built from the schema: random fields, arguments, aliases, fragments, sometimes variables. */
export function schemaDocument(random: Random, schema: GraphQLSchema): { query: string; variables?: Record<string, unknown> } {
  const mutation = schema.getMutationType();
  const root = mutation !== null && mutation !== undefined && random.chance(0.1) ? mutation : schema.getQueryType();
  if (root === null || root === undefined) return { query: '{ __typename }' };
  const keyword = root === mutation ? 'mutation' : 'query';
  const body = selectionOf(random, schema, root, 0);
  if (random.chance(0.15)) {
    // A named operation with a fragment on the root type.
    return { query: `${keyword} Fuzz { ...Root }\nfragment Root on ${root.name} { ${body} }` };
  }
  if (random.chance(0.15)) {
    const first = random.pick([...ints, null, 'ten']);
    return { query: `${keyword} ($first: Int) { circleciPipelines(first: $first) { edges { node { id } } } ${body} }`, variables: { first } };
  }
  return { query: `${keyword} { ${body} }` };
}

const garbageTokens = ['{', '}', '(', ')', ':', '...', '$x', '@include(if: $x)', 'query', 'mutation', 'subscription', 'fragment', 'on', 'circleciProject', 'node', 'edges', '"str', '"', '#', '\u0000', '1e999', '[', ']', '=', '!', '|', '&', 'slug: "gh/acme/api"', '__schema', '\\', '\ud800'];

/** Syntactic garbage made of GraphQL's own tokens and some that are not. */
export function garbageDocument(random: Random): string {
  const length = 1 + random.int(40);
  return Array.from({ length }, () => random.pick(garbageTokens)).join(random.chance(0.5) ? ' ' : '');
}
