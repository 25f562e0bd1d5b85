import { checkSync } from 'recheck';
import { grammarLibrary } from '../src/grammar/builtin.js';
const t0 = performance.now();
let n = 0;
for (const g of grammarLibrary.values()) for (const r of g.rules) {
  const t = performance.now();
  const res = checkSync(r.pattern, r.flags + 'u', { timeout: 10000 });
  n++;
  if (res.status !== 'safe') console.log(r.id, res.status, res.status === 'vulnerable' ? `${res.complexity.type} ${res.attack?.pattern ?? ''}`.slice(0, 140) : (res as any).error?.kind ?? '', Math.round(performance.now() - t), 'ms');
}
console.log(n, 'rules', Math.round(performance.now() - t0), 'ms');
