import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type StringValueNode,
  type TypeNode,
} from 'graphql';
import { relayDescription, type RelayShapes } from './relayDescription.js';

/** Descriptions by schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`. */
export type Descriptions = Readonly<Record<string, string>>;

/** A field (or input field) of a type, as far as descriptions need it. */
interface FieldShape {
  /** The named type under any list and non-null wrappers. */
  readonly type: string;
  /** Each argument's named type. */
  readonly args: ReadonlyMap<string, string>;
}

/** A type, gathered from its definition and every extension of it. */
interface TypeShape {
  readonly interfaces: string[];
  readonly fields: Map<string, FieldShape>;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function written(node: { readonly description?: StringValueNode | undefined }): string | undefined {
  const text = node.description?.value.trim();
  return text === undefined || text === '' ? undefined : text;
}

function stringNode(value: string): StringValueNode {
  return { kind: Kind.STRING, value, block: true };
}

/** What a definition holds that may carry descriptions. */
type Described = DefinitionNode & {
  readonly name?: { readonly value: string };
  readonly description?: StringValueNode | undefined;
  readonly fields?: readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined;
  readonly values?: readonly EnumValueDefinitionNode[] | undefined;
  readonly interfaces?: readonly NamedTypeNode[] | undefined;
  readonly arguments?: readonly InputValueDefinitionNode[] | undefined;
  readonly directives?: readonly ConstDirectiveNode[] | undefined;
};

const typeKinds = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
]);

/**
 * Parses the SDL and fills in every description it leaves out, so the
 * schema, the printed `schema.graphql`, the explorer and generated types all
 * show one text for each type, field, argument and enum value. A description
 * written in the SDL always stands; where there is none, in this order:
 *
 * 1. `sources`: the vendors' own descriptions of the properties and
 *    parameters a field or argument maps (written by the CircleCI and GHES
 *    operation generators), by schema coordinate;
 * 2. a field or argument that implements an interface's takes the
 *    interface's description (`id`, `service`, `name`, …);
 * 3. Relay connections: connection and edge types, their `edges`,
 *    `pageInfo`, `cursor` and `node`, and the `first`/`after`/`last`/`before`
 *    arguments of every field that returns a connection (relayDescription.ts).
 *
 * What none of these describes stays undescribed (test/schema/descriptions
 * fails on it).
 */
export function describeTypeDefs(typeDefs: readonly string[], sources: readonly Descriptions[] = []): DocumentNode[] {
  const documents = typeDefs.map((text) => parse(text));
  const types = new Map<string, TypeShape>();
  const writtenText = new Map<string, string>();
  const shapeOf = (name: string): TypeShape => {
    let shape = types.get(name);
    if (shape === undefined) {
      shape = { interfaces: [], fields: new Map() };
      types.set(name, shape);
    }
    return shape;
  };

  for (const document of documents) {
    for (const definition of document.definitions as readonly Described[]) {
      const name = definition.name?.value;
      if (name === undefined) continue;
      if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
        const text = written(definition);
        if (text !== undefined) writtenText.set(`@${name}`, text);
        for (const arg of definition.arguments ?? []) {
          const argText = written(arg);
          if (argText !== undefined) writtenText.set(`@${name}(${arg.name.value}:)`, argText);
        }
        continue;
      }
      if (!typeKinds.has(definition.kind)) continue;
      const shape = shapeOf(name);
      const typeText = written(definition);
      if (typeText !== undefined) writtenText.set(name, typeText);
      for (const iface of definition.interfaces ?? []) shape.interfaces.push(iface.name.value);
      for (const field of definition.fields ?? []) {
        const args = 'arguments' in field ? (field.arguments ?? []) : [];
        shape.fields.set(field.name.value, { type: namedType(field.type), args: new Map(args.map((arg) => [arg.name.value, namedType(arg.type)])) });
        const fieldText = written(field);
        if (fieldText !== undefined) writtenText.set(`${name}.${field.name.value}`, fieldText);
        for (const arg of args) {
          const argText = written(arg);
          if (argText !== undefined) writtenText.set(`${name}.${field.name.value}(${arg.name.value}:)`, argText);
        }
      }
      for (const value of definition.values ?? []) {
        const valueText = written(value);
        if (valueText !== undefined) writtenText.set(`${name}.${value.name.value}`, valueText);
      }
    }
  }

  const shapes: RelayShapes = {
    fieldsOf: (type) => {
      const fields = types.get(type)?.fields;
      return fields === undefined ? undefined : new Map([...fields].map(([field, shape]) => [field, shape.type]));
    },
    argumentTypeOf: (type, field, arg) => types.get(type)?.fields.get(field)?.args.get(arg),
  };
  const resolved = new Map<string, string | undefined>();
  const describe = (coordinate: string): string | undefined => {
    if (resolved.has(coordinate)) return resolved.get(coordinate);
    resolved.set(coordinate, undefined);
    const text = writtenText.get(coordinate) ?? sources.map((source) => source[coordinate]).find((found) => found !== undefined) ?? inherited(coordinate) ?? relayDescription(coordinate, shapes);
    resolved.set(coordinate, text);
    return text;
  };
  const inherited = (coordinate: string): string | undefined => {
    const match = /^([_A-Za-z]\w*)\.([_A-Za-z]\w*)(\(\w+:\))?$/.exec(coordinate);
    if (match === null) return undefined;
    const [, typeName, field, arg] = match as unknown as [string, string, string, string | undefined];
    for (const iface of types.get(typeName)?.interfaces ?? []) {
      if (!types.get(iface)?.fields.has(field)) continue;
      const text = describe(`${iface}.${field}${arg ?? ''}`);
      if (text !== undefined) return text;
    }
    return undefined;
  };

  const withText = <T extends { readonly description?: StringValueNode | undefined }>(node: T, coordinate: string): T => {
    if (written(node) !== undefined) return node;
    const text = describe(coordinate);
    return text === undefined ? node : { ...node, description: stringNode(text) };
  };
  const args = (nodes: readonly InputValueDefinitionNode[], prefix: string): readonly InputValueDefinitionNode[] =>
    nodes.map((arg) => withText(arg, `${prefix}(${arg.name.value}:)`));

  return documents.map((document) => ({
    ...document,
    definitions: (document.definitions as readonly Described[]).map((definition): DefinitionNode => {
      const name = definition.name?.value;
      if (name === undefined) return definition;
      if (definition.kind === Kind.DIRECTIVE_DEFINITION) return { ...withText(definition, `@${name}`), arguments: args(definition.arguments ?? [], `@${name}`) };
      if (!typeKinds.has(definition.kind)) return definition;
      const isExtension = definition.kind.endsWith('Extension');
      const described: Described = isExtension ? definition : withText(definition, name);
      return {
        ...described,
        ...(definition.fields === undefined
          ? {}
          : {
              fields: definition.fields.map((field) => {
                const coordinate = `${name}.${field.name.value}`;
                const withDescription = withText(field, coordinate);
                return 'arguments' in field && field.arguments !== undefined ? { ...withDescription, arguments: args(field.arguments, coordinate) } : withDescription;
              }),
            }),
        ...(definition.values === undefined ? {} : { values: definition.values.map((value) => withText(value, `${name}.${value.name.value}`)) }),
      } as DefinitionNode;
    }),
  }));
}
