import { extract } from '../src/index.js';
const text = '• item\n'.repeat(50_000);
const timings: Record<string, number> = {};
const t0 = performance.now(); extract(text, { timings }); console.log('ms', Math.round(performance.now() - t0));
console.log(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
