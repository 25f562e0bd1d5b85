import { parseBlocks } from '../src/stages/parse-blocks.js';
for (const n of [5_000, 10_000, 20_000, 40_000]) {
  const one = '• item\n'.repeat(n);
  const blank = '• item\n\n'.repeat(n);
  let t0 = performance.now(); parseBlocks(one); const a = performance.now() - t0;
  t0 = performance.now(); parseBlocks(blank); const b = performance.now() - t0;
  console.log(n, 'one paragraph', Math.round(a), 'ms;', 'blank-separated', Math.round(b), 'ms');
}
