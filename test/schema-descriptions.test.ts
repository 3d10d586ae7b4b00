import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, type GraphQLNamedType } from 'graphql';
import { gatewaySchema } from '../src/graphql/schema';

const described = (d: string | null | undefined): boolean => typeof d === 'string' && d.trim() !== '';

/** Every schema element a person reads in GraphiQL's docs pane that has no description. */
function undescribed(): string[] {
  const missing: string[] = [];
  const types = Object.values(gatewaySchema().getTypeMap()) as GraphQLNamedType[];
  for (const type of types) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!described(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!described(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`input field ${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
      }
    }
  }
  return missing.sort();
}

test('every type, field, argument, input field and enum value of the public schema has a description', () => {
  expect(undescribed()).toEqual([]);
});
