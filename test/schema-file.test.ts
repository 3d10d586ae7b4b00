import fs from 'node:fs';
import path from 'node:path';
import { printGatewaySchema } from '../src/graphql/schema';

test('schema.graphql is the schema the code emits (run `npm run schema` after changing types)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '../schema.graphql'), 'utf8');
  expect(printGatewaySchema()).toBe(committed);
});
