// npm run schema: writes graph-data/schema.json (JSON Schema) from the zod contract in src/lib/model/schema.ts.
import { writeFileSync } from 'node:fs';
import { contractJsonSchema } from '../lib/model/schema';

const target = new URL('../../graph-data/schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(contractJsonSchema(), null, '\t')}\n`);
console.log(`wrote ${target.pathname}`);
