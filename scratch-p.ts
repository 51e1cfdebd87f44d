import { readFileSync } from 'node:fs';
import { parse, format } from './language/index.js';
const t = readFileSync(process.argv[2]!, 'utf8');
const r = parse(t, 'x.icx');
console.log(JSON.stringify(r.diagnostics));
for (const a of r.file.agreements) for (const i of a.items) if (i.kind==='service') for (const it of i.items) console.log(JSON.stringify(it, (k,v)=> k==='range'?undefined:v));
console.log(format(t,'x.icx').text);
