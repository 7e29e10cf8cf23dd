import { makeExecutableSchema } from '@graphql-tools/schema';
import { isScalarType, type GraphQLSchema } from 'graphql';
import { resolverMaps } from '../resolvers/index.js';
import { circleCiDescriptions } from '../upstreams/circleci/descriptions.js';
import { ghesDescriptions } from '../upstreams/ghes/descriptions.js';
import { describeTypeDefs } from './describeTypeDefs.js';
import { readTypeDefs } from './readTypeDefs.js';

/**
 * The executable schema: the SDL in `schema/`, every description filled in
 * (the vendors' where the SDL has none, see describeTypeDefs), with every
 * resolver map.
 */
export function createSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: describeTypeDefs(readTypeDefs(), [circleCiDescriptions, ghesDescriptions]),
    resolvers: [...resolverMaps],
    inheritResolversFromInterfaces: true,
  });
  // graphql-tools copies a resolver map's GraphQLScalarType over the SDL's scalar, its missing description
  // too; the SDL's description stays on the scalar's AST node.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isScalarType(type) && (type.description ?? '') === '' && type.astNode?.description !== undefined) type.description = type.astNode.description.value;
  }
  return schema;
}
