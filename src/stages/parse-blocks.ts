/**
 * Stage 2 — parse the normalised text with unified + remark-parse into mdast, and read its blocks.
 *
 * The text is parsed in pieces of about CHUNK_CHARS, each cut just after a blank line. With every construct
 * but paragraphs off, nothing in markdown spans a blank line, so the blocks are the same as from one parse;
 * and micromark's cost grows faster than the length of what it is given (a 20 MB text parsed whole took
 * over nine minutes and 2 GB), so pieces keep the stage linear and its memory small: each piece's tree is
 * read for its blocks and dropped.
 *
 * Minutes are not markdown: a 4-space indent is not code, "5." is an item number rather than a list the
 * parser should renumber, "---" under a line is not a heading, "<" is not HTML and "*" is not emphasis.
 * So every construct but paragraphs is turned off (micromark's `disable.null`) and remark is left to do
 * what it is good at: splitting text into blank-line-separated blocks with exact positions. Lists, labels
 * and numbering are read by the grammar in the next stages, from the source text itself.
 *
 * For the same reason the paragraphs' text nodes are not built: the stages read each block's text from the
 * normalised text by its offsets, never from the tree, so remark's handlers for a paragraph's inline data and
 * line endings are replaced by ones that do nothing (mdast-util-from-markdown's extension point, the one
 * remark plugins use). The tree keeps its paragraphs and their positions; they have no children.
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

/** The unified plugin that turns those constructs off. */
export function remarkMinutesSyntax(this: { data(): Record<string, unknown> }) {
  const data = this.data() as Record<string, unknown[]>;
  (data.micromarkExtensions ??= []).push({ disable: { null: [...DISABLED_CONSTRUCTS] } });
}

/** Nothing to build: the handler given to the inline events whose nodes the stage never reads. */
function skipInlineText(): void {}

/**
 * The unified plugin that keeps paragraphs' inline text out of the tree: slicing every run of data into a
 * text node, and joining it with the line endings, was about a tenth of the parse.
 */
export function remarkBlocksOnly(this: { data(): Record<string, unknown> }) {
  const data = this.data() as Record<string, unknown[]>;
  (data.fromMarkdownExtensions ??= []).push({
    enter: { data: skipInlineText },
    exit: { data: skipInlineText, lineEnding: skipInlineText },
  });
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMinutesSyntax as never)
  .use(remarkBlocksOnly as never);

export interface Block {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

export interface ParsedText {
  blocks: Block[];
}

/** About how many characters remark-parse is given at a time. */
export const CHUNK_CHARS = 32_768;

// A blank line: a line ending, then only spaces and tabs up to the next line ending.
const BLANK_LINE = /\n[ \t]*\n/g;

/** Where the piece starting at `from` ends: just after the first blank line past `from + CHUNK_CHARS`, or the text's end. */
function pieceEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK_CHARS) return text.length;
  BLANK_LINE.lastIndex = from + CHUNK_CHARS;
  const blank = BLANK_LINE.exec(text);
  return blank ? blank.index + blank[0].length : text.length;
}

export function parseBlocks(text: string): ParsedText {
  const blocks: Block[] = [];
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    const tree = processor.parse(from === 0 && to === text.length ? text : text.slice(from, to)) as Root;
    for (const node of tree.children) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || end <= start) continue;
      blocks.push({ start: from + start, end: from + end });
    }
    from = to;
  }
  return { blocks };
}
