import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

const missing = (description: string | null | undefined): boolean => (description ?? '').trim() === '';

/**
 * Every schema coordinate of `schema` without a description: named types
 * (scalars, objects, interfaces, unions, enums, input objects), their fields,
 * the fields' arguments, input fields, enum values, and the schema's own
 * directives and their arguments. GraphQL's built-in scalars and directives
 * and the introspection types are left out: graphql-js describes them.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (missing(type.description)) found.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (missing(field.description)) found.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (missing(arg.description)) found.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (missing(field.description)) found.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (missing(value.description)) found.push(`${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    if (missing(directive.description)) found.push(`@${directive.name}`);
    for (const arg of directive.args) if (missing(arg.description)) found.push(`@${directive.name}(${arg.name}:)`);
  }
  return found;
}
