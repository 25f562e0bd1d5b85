/**
 * HTML → text for the pipeline: rehype-parse reads the page into hast, page chrome is dropped (scripts,
 * navigation, headers and footers, ModernGov's menus), the content area is kept when the page marks one
 * (ModernGov's `mgContent`, `<main>`, `#content`), hast-util-to-mdast turns it into mdast, and mdast is
 * written out as plain text: blocks separated by blank lines, list items with their bullet or number,
 * table rows as lines. The records' spans then point into that text, which the document carries.
 */
import { unified } from 'unified';
import rehypeParseModule from 'rehype-parse';
import { toMdast as toMdastModule } from 'hast-util-to-mdast';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { unwrapDefault } from '../interop.js';
import { trimEndOf } from '../text/strings.js';

const rehypeParse = unwrapDefault<typeof rehypeParseModule>(rehypeParseModule);
const toMdast = toMdastModule;

const parser = unified().use(rehypeParse);

/** Elements that are never minutes. */
const CHROME_TAGS = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'form', 'button', 'select', 'iframe', 'svg', 'template', 'aside', 'head']);
/** Class or id words of page furniture (ModernGov, CMIS and council site templates). */
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navigation|menu|breadcrumbs?|footer|header|masthead|cookie|sidebar|skip|search|banner|mgBreadcrumbs|mgLinks|mgSideBar|mgHeader|mgFooter|share|social|print|toolbar)(?:$|[\s_-])/i;
/** Class or id words of a content area, best first (ModernGov, then WordPress's post body, then the generic ones). */
const CONTENT_NAMES = [/\bmgContent\b/i, /\bmodgov\b/i, /^entry-content$/i, /^main-?content$/i, /^content$/i, /^main$/i];
/**
 * Containers whose class words describe the page's template, not furniture: WordPress puts "sticky_header"
 * or "has-sidebar" on <body>, and dropping it would drop the page.
 */
const NEVER_CHROME = new Set(['html', 'body', 'main', 'article']);

function names(node: Element): string {
  const p = node.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  return `${cls} ${String(p.id ?? '')}`.trim();
}

function strip(node: HastRoot | Element): void {
  node.children = node.children.filter((child: HastContent) => {
    if (child.type === 'comment') return false;
    if (child.type !== 'element') return true;
    if (CHROME_TAGS.has(child.tagName)) return false;
    const n = names(child);
    if (n && !NEVER_CHROME.has(child.tagName) && CHROME_NAME.test(n) && !CONTENT_NAMES.some((c) => n.split(/\s+/).some((w) => c.test(w)))) return false;
    if (child.properties?.hidden !== undefined || /display:\s*none/i.test(String(child.properties?.style ?? ''))) return false;
    strip(child);
    return true;
  }) as typeof node.children;
}

function findContent(node: HastRoot | Element): Element | null {
  for (const pattern of CONTENT_NAMES) {
    const found = findFirst(node, (e) => names(e).split(/\s+/).some((w) => pattern.test(w)));
    if (found) return found;
  }
  return findFirst(node, (e) => e.tagName === 'main');
}

function findFirst(node: HastRoot | Element, test: (e: Element) => boolean): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = findFirst(child, test);
    if (inner) return inner;
  }
  return null;
}

export function htmlToText(html: string): string {
  const tree = parser.parse(html) as HastRoot;
  strip(tree);
  const content = findContent(tree);
  const root: HastRoot = content ? { type: 'root', children: [content] } : tree;
  const mdast = toMdast(root) as MdastRoot;
  return mdastToText(mdast);
}

/** mdast → plain text: the shape the text pipeline reads (blank lines between blocks, markers on items). */
export function mdastToText(tree: MdastRoot): string {
  const blocks: string[] = [];
  const inline = (node: MdastNodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return '\n';
      case 'image':
        return node.alt ?? '';
      default:
        return 'children' in node ? (node.children as MdastNodes[]).map(inline).join('') : '';
    }
  };
  const block = (node: MdastNodes, indent: string): void => {
    switch (node.type) {
      case 'root':
      case 'blockquote':
        for (const child of node.children) block(child, indent);
        return;
      case 'paragraph':
      case 'heading': {
        // Trim line ends, but keep a first line's leading no-break spaces: they are its indent, as on the lines after it.
        const text = inline(node)
          .split('\n')
          .map((line) => trimEndOf(line, ' \t'))
          .join('\n')
          .replace(/^[\n\r]+/, '')
          .trimEnd();
        if (text.trim()) blocks.push(indent + text.replace(/\n/g, `\n${indent}`));
        return;
      }
      case 'list':
        node.children.forEach((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
          const before = blocks.length;
          for (const child of item.children) block(child, `${indent}  `);
          if (blocks.length > before) blocks[before] = `${indent}${marker} ${blocks[before].trimStart()}`;
        });
        return;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => inline(cell).replace(/\s+/g, ' ').trim()).filter(Boolean);
          if (cells.length) blocks.push(indent + cells.join(' | '));
        }
        return;
      case 'code':
        if (node.value.trim()) blocks.push(node.value);
        return;
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) for (const child of node.children as MdastNodes[]) block(child, indent);
        else if ('value' in node && typeof node.value === 'string' && node.value.trim()) blocks.push(indent + node.value.trim());
    }
  };
  block(tree, '');
  return blocks.join('\n\n') + (blocks.length ? '\n' : '');
}

