/**
 * The schema documents itself, as a client sees it: introspected from the running server
 * over HTTP, every type, field, argument, input field and enum value has a description,
 * and the scalars keep the descriptions schema.graphql gives them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  isScalarType,
  type IntrospectionField,
  type IntrospectionInputValue,
  type IntrospectionQuery,
} from 'graphql';
import { dataOf, startTestEts, type TestEts } from '../helpers/ets';

let ets: TestEts;
let introspection: IntrospectionQuery;
beforeAll(async () => {
  ets = await startTestEts();
  introspection = dataOf(
    await ets.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
  );
});
afterAll(() => ets.stop());

const described = (item: { description?: string | null }) => (item.description ?? '').trim() !== '';

/** Everything a client can read a description of, by its coordinate (Type.field(arg:)). */
function undescribed({ __schema }: IntrospectionQuery): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, item: { description?: string | null }) => {
    if (!described(item)) missing.push(coordinate);
  };
  const checkArgs = (at: string, args: readonly IntrospectionInputValue[]) => {
    for (const arg of args) check(`${at}(${arg.name}:)`, arg);
  };
  for (const type of __schema.types) {
    if (type.name.startsWith('__')) continue; // introspection's own types
    check(type.name, type);
    // Over HTTP every kind of type carries every key, null where it does not apply.
    const { fields, inputFields, enumValues } = type as {
      fields?: readonly IntrospectionField[] | null;
      inputFields?: readonly IntrospectionInputValue[] | null;
      enumValues?: ReadonlyArray<{ name: string; description?: string | null }> | null;
    };
    for (const field of fields ?? []) {
      check(`${type.name}.${field.name}`, field);
      checkArgs(`${type.name}.${field.name}`, field.args);
    }
    for (const field of inputFields ?? []) check(`${type.name}.${field.name}`, field);
    for (const value of enumValues ?? []) check(`${type.name}.${value.name}`, value);
  }
  return missing;
}

it('describes every type, field, argument, input field and enum value', () => {
  expect(undescribed(introspection)).toEqual([]);
});

it('finds what lacks a description (the check itself can fail)', () => {
  const event = introspection.__schema.types.find((type) => type.name === 'Event');
  expect(event && 'fields' in event).toBe(true);
  const stripped: IntrospectionQuery = {
    __schema: {
      ...introspection.__schema,
      types: introspection.__schema.types.map((type) =>
        type.name === 'Event' && 'fields' in type
          ? {
              ...type,
              fields: type.fields.map((field) => (field.name === 'tags' ? { ...field, description: null } : field)),
            }
          : type,
      ),
    },
  };
  expect(undescribed(stripped)).toEqual(['Event.tags']);
});

it('keeps the descriptions schema.graphql gives the scalars', () => {
  const sdl = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
  for (const name of ['DateTime', 'TagMap', 'URLMap']) {
    const declared = sdl.getType(name);
    expect(isScalarType(declared) && declared.description).toBeTruthy();
    const served = introspection.__schema.types.find((type) => type.name === name);
    expect({ name, description: served?.description }).toEqual({ name, description: declared?.description });
  }
});
