import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/**
 * The validation rules that keep the schema from being introspected when
 * introspection is off (INTROSPECTION=false): graphql-js's rule refusing
 * `__schema` and `__type` (`__typename` stays). Used over HTTP and
 * graphql-ws alike.
 */
export function introspectionRules(introspection: boolean): readonly ValidationRule[] {
  return introspection ? [] : [NoSchemaIntrospectionCustomRule];
}
