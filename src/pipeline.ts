/**
 * The pipeline, in order. Each stage is a pure function of what the stages before it produced; the order
 * matters and is explained here, in one place.
 *
 *  1. normalise-text   — NFC, odd spaces, bullet glyphs, quotes; an offset map back to the input.
 *                        First, so that every later pattern is simple.
 *  2. parse-blocks     — unified + remark-parse (markdown constructs that minutes don't use turned off,
 *                        paragraphs read by a block construct of ours without their inline text):
 *                        blank-line-separated blocks with exact offsets.
 *  3. read-lines       — indent, list marker and content start of every line.
 *  4. group-units      — lines → paragraphs, list items, headings and labels (hard wraps re-joined).
 *  5. segment-document — part (agenda / minutes / decision), section, item; meeting fields; truncation.
 *  6. extract-*        — decisions first (they take their units, so the debate does not count them as
 *                        points), then attendance (lists and apology sentences, which are not points),
 *                        then people (witnesses, declarations), then actions (which read the decisions
 *                        and the debate, and take action-log lines), then points (what is left), then
 *                        votes (which link to the resolutions).
 *  6z classify-records — the learned model (grammars/model.json) judges every draft and every unit no
 *                        draft covers: point, resolution, recommendation, or none; witnesses, declarations
 *                        and actions kept or dropped. Last of the extractors, because the rules' drafts and
 *                        the rules that fired are its features.
 *  7. finish-document  — dedupe, ids, spans mapped to the input, texts cut from the input.
 *  8. validate         — ajv against schemas/minutes.schema.json, the published contract (in extract.ts).
 */
import type { Context } from './context.js';
import { emptyDrafts } from './context.js';
import type { Grammar } from './grammar/compile.js';
import { startDocument } from './text/memo.js';
import { normaliseText } from './stages/normalise-text.js';
import { parseBlocks, type Block } from './stages/parse-blocks.js';
import { readLines, type Line } from './stages/read-lines.js';
import { groupUnits, type Unit } from './stages/group-units.js';
import { segmentDocument } from './stages/segment-document.js';
import { extractDecisions } from './stages/extract-decisions.js';
import { extractPeople } from './stages/extract-people.js';
import { extractPoints } from './stages/extract-points.js';
import { extractActions } from './stages/extract-actions.js';
import { extractAttendance } from './stages/extract-attendance.js';
import { extractVotes } from './stages/extract-votes.js';
import { classifyRecords } from './stages/classify-records.js';
import type { Model } from './model/model.js';

export type StageName = 'normalise' | 'parse' | 'lines' | 'units' | 'segment' | 'decisions' | 'attendance' | 'people' | 'points' | 'actions' | 'votes' | 'classify';

/** Runs stages 1–6z (`model` null: the rules' drafts as they are) and returns the context holding the drafts. `timings` (ms per stage) is filled when given. */
export function runPipeline(input: string, chooseGrammar: (normalised: string) => Grammar, model: Model | null, timings?: Partial<Record<StageName, number>>): Context {
  const time = <T>(name: StageName, fn: () => T): T => {
    if (!timings) return fn();
    const t0 = performance.now();
    const out = fn();
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return out;
  };
  startDocument();
  const norm = time('normalise', () => normaliseText(input));
  const grammar = chooseGrammar(norm.text);
  // Blocks, lines and units are each read once, by the next stage, and let go as soon as it has read them
  // (a long text's line objects alone outweigh its characters).
  let blocks: Block[] | null = time('parse', () => parseBlocks(norm.text).blocks);
  let lines: Line[] | null = time('lines', () => readLines(norm.text, blocks!));
  blocks = null;
  let units: Unit[] | null = time('units', () => groupUnits(norm.text, lines!, grammar));
  lines = null;
  const ctx: Context = { input, norm, text: norm.text, grammar, units: [], drafts: emptyDrafts() };
  if (norm.firstTag !== undefined) {
    const at = norm.firstTag;
    ctx.drafts.warnings.push({ code: 'W_HTML_TAGS', message: 'The text holds HTML tags (<p>, <br>, <b> …): they were read as paragraph breaks, line breaks and spaces.', span: { start: at, end: at + 1 } });
  }
  time('segment', () => segmentDocument(ctx, units!));
  units = null;
  time('decisions', () => extractDecisions(ctx));
  time('attendance', () => extractAttendance(ctx));
  time('people', () => extractPeople(ctx));
  time('actions', () => extractActions(ctx));
  time('points', () => extractPoints(ctx));
  time('votes', () => extractVotes(ctx));
  ctx.candidates = time('classify', () => classifyRecords(ctx, model));
  return ctx;
}
