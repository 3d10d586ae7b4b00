import fs from 'node:fs';
import path from 'node:path';
import { printGatewaySchema } from '../src/graphql/schema';

const out = path.resolve(__dirname, '../../schema.graphql');
fs.writeFileSync(out, printGatewaySchema());
console.log(`wrote ${out}`);
