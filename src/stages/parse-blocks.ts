/**
 * Stage 2 — parse the normalised text with unified + remark-parse into mdast, and read its blocks.
 *
 * Minutes are not markdown: a 4-space indent is not code, "5." is an item number rather than a list the
 * parser should renumber, "---" under a line is not a heading, "<" is not HTML and "*" is not emphasis.
 * So every construct but paragraphs is turned off (micromark's `disable.null`) and remark is left to do
 * what it is good at: splitting text into blank-line-separated blocks with exact positions. Lists, labels
 * and numbering are read by the grammar in the next stages, from the source text itself.
 */
import { unified } from 'unified';
import remarkParseModule from 'remark-parse';
import type { Root } from 'mdast';
import { unwrapDefault } from '../interop.js';

// remark-parse is ESM-only: in the CJS build it may arrive as a namespace object.
const remarkParse = unwrapDefault<typeof remarkParseModule>(remarkParseModule);

/** Constructs that minutes never use; see micromark's list of constructs. */
export const DISABLED_CONSTRUCTS = [
  'attention',
  'autolink',
  'blockQuote',
  'characterEscape',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'codeText',
  'definition',
  'hardBreakEscape',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
  'list',
  'setextUnderline',
  'thematicBreak',
] as const;

function remarkMinutesSyntax(this: { data(): Record<string, unknown> }) {
  const data = this.data() as Record<string, unknown[]>;
  (data.micromarkExtensions ??= []).push({ disable: { null: [...DISABLED_CONSTRUCTS] } });
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMinutesSyntax as never);

export interface Block {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

export interface ParsedText {
  tree: Root;
  blocks: Block[];
}

export function parseBlocks(text: string): ParsedText {
  const tree = processor.parse(text) as Root;
  const blocks: Block[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end <= start) continue;
    blocks.push({ start, end });
  }
  return { tree, blocks };
}
