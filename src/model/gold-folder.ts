/**
 * Folders of gold texts: every NAME.txt with a NAME.json beside it (corpus/GUIDE.md's format), and the body
 * of each from the folder's sources.tsv (name, body, …) when there is one — cross-validation and calibration
 * keep a body's texts in one fold. A text with no body listed is a body of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gold } from './score.js';

export interface GoldFile {
  folder: string;
  name: string;
  path: string;
  text: string;
  gold: Gold;
  body: string;
}

/** "Kent County Council (Cabinet)" and "Kent County Council" are one body: the name before any bracket. */
export function bodyKey(body: string): string {
  const bracket = body.indexOf('(');
  return (bracket >= 0 ? body.slice(0, bracket) : body).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}

function readBodies(dir: string): Map<string, string> {
  const file = join(dir, 'sources.tsv');
  const bodies = new Map<string, string>();
  if (!existsSync(file)) return bodies;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [name, body] = line.split('\t');
    if (name && body) bodies.set(name.trim(), bodyKey(body));
  }
  return bodies;
}

/** Reads a folder's gold texts in name order; `label` names the folder in results ("dev", a path …). */
export function readGoldFolder(dir: string, label = dir): GoldFile[] {
  if (!existsSync(dir)) return [];
  const bodies = readBodies(dir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return {
        folder: label,
        name,
        path: join(dir, f),
        text: readFileSync(join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Gold,
        body: bodies.get(name) ?? `${label}/${name}`,
      };
    });
}
