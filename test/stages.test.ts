import { describe, expect, it } from 'vitest';
import { normaliseText, toInputSpan } from '../src/stages/normalise-text.js';
import { CHUNK_CHARS, parseBlocks, remarkMinutesSyntax } from '../src/stages/parse-blocks.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { readLines, readMarker } from '../src/stages/read-lines.js';
import { groupUnits, isHeadingLike, wrapWidth } from '../src/stages/group-units.js';
import { builtinGrammar, detectGrammar } from '../src/grammar/builtin.js';
import { splitSentences } from '../src/text/sentences.js';
import { dueByChrono, parseUkDate, plainDue, plainUkDate, resolveDue } from '../src/text/dates.js';
import * as chronoModule from 'chrono-node';
import fc from 'fast-check';

const chrono = ((chronoModule as unknown as { default?: typeof chronoModule }).default ?? chronoModule) as typeof chronoModule;
import { runPipeline } from '../src/pipeline.js';
import { extract } from '../src/index.js';
import { proposeActions } from '../src/stages/propose-records.js';

const base = builtinGrammar('moderngov');
const unitsOf = (text: string) => {
  const norm = normaliseText(text);
  const { blocks } = parseBlocks(norm.text);
  return groupUnits(norm.text, readLines(norm.text, blocks), base).map((u) => u.text.replace(/\s+/g, ' ').trim());
};

describe('normalise-text', () => {
  it('maps odd spaces, bullets and curly quotes one for one', () => {
    const input = 'A\u00a0b \u2022 c \u00b7 ‘d’ “e”';
    const norm = normaliseText(input);
    expect(norm.text).toBe("A b • c • 'd' \"e\"");
    expect(norm.text.length).toBe(input.length);
    expect(norm.starts).toBeNull(); // the identity map costs nothing
  });

  it('keeps an offset map across CRLF and NFC composition', () => {
    const input = 'Cafe\u0301\r\nRESOLVED';
    const norm = normaliseText(input);
    expect(norm.text).toBe('Café\nRESOLVED');
    const at = norm.text.indexOf('RESOLVED');
    expect(toInputSpan(norm, at, at + 8)).toEqual({ start: input.indexOf('RESOLVED'), end: input.length });
    expect(toInputSpan(norm, 0, 4)).toEqual({ start: 0, end: 5 });
    expect(toInputSpan(norm, 0, 5)).toEqual({ start: 0, end: 7 });
  });

  it('maps astral characters (two UTF-16 units) on the slow path too', () => {
    const input = '\r\ud800\udc00 RESOLVED';
    const norm = normaliseText(input);
    expect(norm.starts!.length).toBe(norm.text.length);
    expect(toInputSpan(norm, norm.text.indexOf('R'), norm.text.length)).toEqual({ start: input.indexOf('R'), end: input.length });
  });

  it('reads HTML tags left in scraped text as paragraph and line breaks, one character for one', () => {
    const input = 'MEETING HELD ON MONDAY ------</p><p class="x">The Chair welcomed <b>all</b> Members and<br/>officers.</p><p>Apologies were noted.';
    const norm = normaliseText(input);
    expect(norm.text.length).toBe(input.length);
    expect(norm.starts).toBeNull();
    expect(norm.firstTag).toBe(input.indexOf('</p>'));
    expect(unitsOf(input)).toEqual(['MEETING HELD ON MONDAY ------', 'The Chair welcomed all Members and officers.', 'Apologies were noted.']);
    // Not tags of HTML: ModernGov's item markers, a comparison.
    for (const text of ['<AI1>\nRESOLVED that the report be noted.', 'Scores of 3 < 4 and <p are not tags']) {
      expect(normaliseText(text).text).toBe(text);
      expect(normaliseText(text).firstTag).toBeUndefined();
    }
  });

  it('warns, with a place, when it read HTML tags as breaks', () => {
    const doc = extract('Minutes:\n\nThe report was noted.</p><p>RESOLVED that the report be approved.</p>');
    const warning = doc.warnings.find((w) => w.code === 'W_HTML_TAGS');
    expect(warning).toMatchObject({ line: 3, column: 22 });
    expect(doc.resolutions.map((r) => r.text)).toContain('that the report be approved.');
    expect(JSON.stringify(doc.resolutions)).not.toContain('<');
  });
});

describe('parse-blocks', () => {
  it('reads markdown-looking minutes as plain paragraphs with offsets', () => {
    const text = '    13.1 indented text\n\n# not a heading\n\nTitle\n---\n\n* not emphasis *\n\n5. not a list';
    const { blocks } = parseBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['13.1 indented text', '# not a heading', 'Title\n---', '* not emphasis *', '5. not a list']);
  });
});

/** A tree's top-level blocks as parseBlocks gives them: offsets of each node. */
const blocksOf = (tree: Root) => tree.children.map((n) => ({ start: n.position!.start.offset, end: n.position!.end.offset }));

describe('parse-blocks in pieces', () => {
  it('gives a long text the blocks of one whole parse, cut at blank lines only', () => {
    // Paragraphs of varied shape (indents, blank lines holding spaces, runs of blank lines) past several pieces.
    const shapes = ['RESOLVED that the report be noted.', '  13.1 The Committee\nconsidered the report\n   and asked', '* not a list *\n- nor this', '# Title\n---'];
    const parts: string[] = [];
    for (let i = 0; parts.join('').length < CHUNK_CHARS * 3.5; i++) parts.push(`${shapes[i % shapes.length]} ${i}`, i % 7 === 0 ? '\n \t\n\n' : '\n\n');
    const text = parts.join('');
    const blocks = parseBlocks(text).blocks;
    expect(blocks.length).toBeGreaterThan(100);
    // The same text parsed whole, as the stage did before it parsed in pieces.
    const whole = unified().use(remarkParse).use(remarkMinutesSyntax as never).parse(text) as Root;
    expect(blocks).toEqual(blocksOf(whole));
    expect(blocks.every((b, i) => i === 0 || b.start > blocks[i - 1].end)).toBe(true);
  });
});

describe('parse-blocks: the minutesBlock construct', () => {
  // micromark's own paragraphs (its fallback construct, content), every other construct off as in the stage.
  const contentParser = unified().use(remarkParse).use(remarkMinutesSyntax as never);
  // Lines of words, markdown-looking marks, spaces and tabs, joined by every kind of line ending, blank
  // lines holding spaces or tabs among them.
  const piece = fc.constantFrom('word', 'Two words', '  ', ' ', '\t', '#', '* ', '- ', '---', '===', '1. ', '> ', '<b>', '`', '[x]', '\\', '&amp;', '    code', '\u00a0', '\u0000', '’', 'é');
  const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const text = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n', '\n \t\n')), { maxLength: 12 })
    .map((lines) => lines.map(([l, end]) => l + end).join(''));

  it('gives the blocks micromark gives (content), on generated texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(parseBlocks(t).blocks).toEqual(blocksOf(contentParser.parse(t) as Root));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});

describe('read-lines', () => {
  it.each([
    ['13.1    The committee', 'decimal', '13.1'],
    ['1. That the report', 'number', '1'],
    ['(1)\u00a0 The Committee', 'paren-number', '1'],
    ['(a)  the performance', 'letter', 'a'],
    ['b)  Annual report', 'letter', 'b'],
    ['(iv) fourth', 'letter', 'iv'],
    ['a. first', 'letter', 'a'],
    ['ii. second', 'letter', 'ii'],
    ['o parking on Mill Lane', 'bullet', 'o'],
    ['• PLRs and changes', 'bullet', '•'],
    ['- There was concern', 'bullet', '-'],
    ['PLA146/14', 'minute-ref', 'PLA146/14'],
    ['23/101 To receive apologies', 'minute-ref', '23/101'],
    ['45/21 DECLARATIONS OF INTEREST', 'minute-ref', '45/21'],
    ['A) Note the forecast overspend', 'letter', 'A'],
    ['(B) Agree the budget changes', 'letter', 'B'],
    ['(IV) The final report', 'letter', 'IV'],
  ])('reads the marker of %j', (line, kind, value) => {
    expect(readMarker(normaliseText(line).text)?.marker).toMatchObject({ kind, value });
  });

  it('reads no marker in prose', () => {
    for (const line of ['10:00 hours', '2019 was a year', 'Mr. Smith', '(Voting figures: 9 for)', '1,200 pot holes', 'e.g. the report', 'i.e. none', 'of the report', 'a.m. start', '2019/20 was a hard year', '14/05/2019 – minutes', '(A)', 'B)', 'I) ']) {
      expect(readMarker(line), line).toBeNull();
    }
  });

  it('leaves the marker out of the content', () => {
    const text = '  • First point\n(2) Second';
    const lines = readLines(text, parseBlocks(text).blocks);
    expect(lines.map((l) => l.content)).toEqual(['First point', 'Second']);
    expect(lines[0].indent).toBe(2);
  });
});

describe('group-units', () => {
  it('never closes a heading-like line that ends mid-phrase or leaves a bracket open', () => {
    const wrapped = "Sarah Hammond (Corporate Director for Children's Young People and\nEducation) and Mark Albiston (Director of Adult Social Care) were in\nattendance for this item";
    expect(unitsOf(wrapped)).toEqual([wrapped.replace(/\n/g, ' ')]);
    expect(unitsOf('Report of the Head of Planning (Strategic\nSites) on the local plan review')).toEqual(['Report of the Head of Planning (Strategic Sites) on the local plan review']);
    expect(unitsOf('Highways Update\nThe Clerk reported on the potholes.')).toEqual(['Highways Update', 'The Clerk reported on the potholes.']);
  });

  it('in a text wrapped at one width, joins a line to the next when its first word would not have fitted', () => {
    // Written for this test, in the shape of a PDF's text: every paragraph's lines but the last near 72 characters.
    const paragraphs = [
      [
        'The Treasurer introduced the budget monitoring report for the third quarter.',
        'Spending on highways was forecast to exceed the budget by four per cent.',
        'The overspend arose from the repair of storm damage to the river footpath.',
        'Members asked when the insurers would settle.',
      ],
      [
        'The Clerk explained that the claim had been lodged in the spring and that the',
        'insurers had asked for a second survey of the footbridge before they paid it.',
        'A decision was expected before the end of the year, and the Clerk would report.',
        'Members noted the position.',
      ],
      [
        'The Chair reported on the meeting with the county council about the bus route',
        'and said that the operator had agreed to restore the evening service in June.',
        'Ref 24/0117 A. Smith, B. Jones:',
        'The grant to the youth club be renewed for a further year on the same terms.',
      ],
      [
        'The Clerk reported that the annual return had been sent to the external auditor',
        'on time and that the internal auditor had raised no matters of concern this year.',
        'The accounts were available for inspection at the office during June.',
        'Members thanked the Clerk.',
      ],
      [
        'Councillor Ahmed asked whether the play area fencing could be repaired before the',
        'summer holidays, as two panels had been broken by the recent high winds again.',
        'The Chair agreed that quotes should be sought.',
      ],
    ];
    // A meeting heading as long as the lines, wrapped: one unit, so its date is read.
    const heading = ['MINUTES of a meeting of the Parish Council held in the Village Hall, Church', 'Lane, Upton on Tuesday, 4 March 2025.'];
    const text = [heading, ...paragraphs].map((lines) => lines.join('\n')).join('\n\n');
    const norm = normaliseText(text);
    expect(wrapWidth(readLines(norm.text, parseBlocks(norm.text).blocks))).toBe(79);
    expect(extract(text).meeting.date).toBe('2025-03-04');
    expect(unitsOf(text)).toEqual([
      heading.join(' '),
      paragraphs[0].join(' '),
      paragraphs[1].join(' '),
      paragraphs[2].slice(0, 2).join(' '),
      // A label line ("…:") is never joined to, nor joins, its neighbours.
      paragraphs[2][2],
      paragraphs[2][3],
      paragraphs[3].join(' '),
      paragraphs[4].join(' '),
    ]);
    // The same sentences, a paragraph to a line as a web page gives them: no width, each line its own unit.
    const unwrapped = Array.from({ length: 5 }, () => paragraphs.map((lines) => lines.join(' '))).flat().join('\n');
    expect(wrapWidth(readLines(unwrapped, parseBlocks(unwrapped).blocks))).toBeNull();
  });

  it('reads a text that lost its line breaks (a run-on PDF text) sentence by sentence, and leaves a long paragraph of a text with breaks whole', () => {
    const sentences = [
      'MINUTES OF THE PARISH COUNCIL MEETING HELD ON 3 MARCH 2025 Present: Cllr A Brown (Chair), Cllr B Green and Cllr C White.',
      'The Chair welcomed members and the two residents who had come to speak about the footpath by the school.',
      'Apologies were received from Cllr D Black, who was working away that week.',
      'Councillor Green requested that a letter of thanks be sent to the volunteers who had cleared the churchyard in February.',
      'The Clerk reported that the insurers had asked for a second survey of the footbridge before they would settle the claim.',
      'Members noted that the grant for the new bench had been received and that the bench would be fitted in April.',
      'Councillor White asked whether the bus shelter could be repaired before the summer, as two panels had been broken.',
      'The Clerk said that quotes would be sought and brought to the next meeting of the council for a decision.',
      'Councillor Brown reported on the village hall committee, which had raised enough money to replace the kitchen.',
      'The Clerk was asked to write to the highways authority about the potholes on the lane leading out of the village.',
      'Members agreed that the annual parish meeting would be held in May, with the usual reports from the clubs.',
      'The meeting closed at 8.45 pm.',
    ];
    const runOn = sentences.join(' ');
    expect(runOn.length).toBeGreaterThan(1200);
    expect(unitsOf(runOn)).toEqual(sentences);
    // The same paragraph in a text whose lines break as paragraphs do: one unit.
    const withBreaks = ['Minutes:', ...sentences.slice(1, 4), runOn, ...sentences.slice(4)].join('\n\n');
    expect(unitsOf(withBreaks)).toContain(runOn);
    // Inside a run-on sentence, an item's number and capitalised heading, and a decision's label, start pieces;
    // the number is the piece's marker, as at a line's start.
    const withItems = `${sentences.slice(0, 6).join(' ')} Present were the Clerk and two residents 2. FOOTPATHS AND BRIDGES The footbridge was discussed. CONSIDERATION OF MINUTES Meeting of 19 April 2017 RESOLUTION: That the minutes be confirmed. ${sentences.slice(6).join(' ')}`;
    expect(unitsOf(withItems)).toEqual(expect.arrayContaining(['Present were the Clerk and two residents', 'FOOTPATHS AND BRIDGES The footbridge was discussed.', 'CONSIDERATION OF MINUTES Meeting of 19 April 2017', 'RESOLUTION: That the minutes be confirmed.']));
  });

  it('re-joins hard-wrapped lines and keeps list items apart', () => {
    expect(unitsOf('The Board received an update from Mark\nAntrobus on behalf of the team:-\n·\nThe ASB Strategy;\n· Second item')).toEqual([
      'The Board received an update from Mark Antrobus on behalf of the team:-',
      'The ASB Strategy;',
      'Second item',
    ]);
  });

  it('keeps labels, headings and name-role lines as units of their own', () => {
    expect(unitsOf('Minutes:\nRESOLVED:\nThat the report be noted.\nJason Russell, Assistant Director for Highways\nJohn Furey, Cabinet Member')).toEqual([
      'Minutes:',
      'RESOLVED:',
      'That the report be noted.',
      'Jason Russell, Assistant Director for Highways',
      'John Furey, Cabinet Member',
    ]);
  });

  it('starts a unit at a line that opens a sentence, after a line ending in a name', () => {
    expect(unitsOf('The Clerk will design posters and send details to Gwen and Russell\nThe Clerk will produce a risk assessment')).toEqual([
      'The Clerk will design posters and send details to Gwen and Russell',
      'The Clerk will produce a risk assessment',
    ]);
  });

  it('runs a hard-wrapped line on inside a paragraph, however many capitals it holds', () => {
    expect(unitsOf('(a) Mr Baker advised that the routes were run by the bus\ncompanies. Should Kent County Council be accepted into the Devolution Priority\nProgramme, it could help deliver improvements.')).toEqual([
      'Mr Baker advised that the routes were run by the bus companies. Should Kent County Council be accepted into the Devolution Priority Programme, it could help deliver improvements.',
    ]);
  });

  it('runs on after an honorific, and into a line opening with a number and a word', () => {
    expect(unitsOf('(a) Before Christmas, the Kent Integrated Care Alliance (KICA) and Mr\nWatkins wrote to the Minister.\nThese changes could raise staff costs by about\n10 to 11 percent.')).toEqual([
      'Before Christmas, the Kent Integrated Care Alliance (KICA) and Mr Watkins wrote to the Minister.',
      'These changes could raise staff costs by about 10 to 11 percent.',
    ]);
  });

  it('runs a name-and-role line on when it ends in a comma or a function word, or opens with a phrase of time', () => {
    expect(unitsOf('1. Mr Watkins, Cabinet Member for Adult Social Care and Public Health,\nprovided an update on the following:\n2. Joanne Carpenter, Participation and Engagement Manager, introduced the\nreport.')).toEqual([
      'Mr Watkins, Cabinet Member for Adult Social Care and Public Health, provided an update on the following:',
      'Joanne Carpenter, Participation and Engagement Manager, introduced the report.',
    ]);
    expect(unitsOf('(g) In December, Mr Murphy presented the Outstanding Achievements Award\nat the annual Best in Kent event.')).toEqual([
      'In December, Mr Murphy presented the Outstanding Achievements Award at the annual Best in Kent event.',
    ]);
  });

  it('runs a name on when a line ends with its initial, and only then', () => {
    expect(unitsOf('Declared by County Cllr. E. Price and Cllr. B.\nMorgan\nThe plans are set out in Appendix A.\nMembers asked about the costs.')).toEqual([
      'Declared by County Cllr. E. Price and Cllr. B. Morgan',
      'The plans are set out in Appendix A.',
      'Members asked about the costs.',
    ]);
  });

  it('runs a numbered line on when it ends mid-phrase, and keeps a numbered heading apart', () => {
    expect(unitsOf('2. Mr Watts said that the challenges within the\n   Adults Directorate were growing.\n\n10. Open Session for members of the public\nNo members of the public were present.')).toEqual([
      'Mr Watts said that the challenges within the Adults Directorate were growing.',
      'Open Session for members of the public',
      'No members of the public were present.',
    ]);
  });

  it('attaches a marker alone on its line to the next line', () => {
    expect(unitsOf('(a)\n\nthe performance was strong;')).toEqual(['the performance was strong;']);
  });

  it('tells headings from prose', () => {
    expect(isHeadingLike('DECLARATIONS OF INTEREST')).toBe(true);
    expect(isHeadingLike('Election of Vice Chairperson')).toBe(true);
    expect(isHeadingLike('Possible changes due to McAlister report')).toBe(false);
    expect(isHeadingLike('The report was noted.')).toBe(false);
  });
});

describe('text helpers', () => {
  it('splits sentences but not at titles and initials', () => {
    expect(splitSentences('Mr. I. Gardner spoke. Councillor J.W. Thomas was elected. Done').map((s) => s.text)).toEqual([
      'Mr. I. Gardner spoke.',
      'Councillor J.W. Thomas was elected.',
      'Done',
    ]);
  });

  it('reads day-first dates', () => {
    expect(parseUkDate('07/06/2022')).toBe('2022-06-07');
    expect(parseUkDate('Thursday, 16th November, 2017')).toBe('2017-11-16');
    expect(parseUkDate('31/02/2020')).toBeNull();
    expect(parseUkDate('no date')).toBeNull();
    expect(parseUkDate('9th January, 2015.')).toBe('2015-01-09');
  });

  it('reads the plain ways a meeting date is written as chrono does, without it', () => {
    const viaChrono = (text: string) => {
      for (const r of chrono.en.GB.parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })) {
        if (r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year')) return r.start.date().toISOString().slice(0, 10);
      }
      return null;
    };
    const months = ['January', 'february', 'MARCH', 'May', 'Sept', 'Sept.', 'September', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 33 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('', 'st', 'th', 'TH'), fc.constantFrom('', 'Thursday ', 'FRIDAY, '), fc.constantFrom(...months), fc.constantFrom(' ', ', ', '. '), (d, m, y, ord, weekday, month, sep) => {
        for (const text of [`${String(d).padStart(2, '0')}/${m}/${y}`, `${weekday}${d}${ord} ${month}${sep}${y}`]) {
          const plain = plainUkDate(text);
          if (plain !== undefined) expect(plain, text).toBe(viaChrono(text));
        }
      }),
      { numRuns: 1500 },
    );
    expect(plainUkDate('07/06/2022')).toBe('2022-06-07');
    expect(plainUkDate('Thursday, 16th November, 2017')).toBe('2017-11-16');
    expect(plainUkDate('31/02/2020')).toBeUndefined();
    expect(plainUkDate('the meeting of 7 June 2022')).toBeUndefined();
  });

  it('reads the plain ways a due date is written ("by 31 March 2024", "by March 2024") as chrono does, without it', () => {
    const months = ['January', 'march', 'Mar', 'May', 'MAY', 'June', 'Jun', 'Sept', 'September', 'Dec', 'December'];
    let read = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('', 'Clerk to write to the owner ', 'the report be presented on 2 May 2019 ', 'in June '),
        fc.constantFrom('by', 'By', 'before', 'on', 'until', 'for', 'in', 'within'),
        fc.constantFrom('', 'the '),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 33 }), fc.constantFrom('', 'st', 'th', 'nd'))),
        fc.constantFrom(...months),
        fc.constantFrom(' ', ', ', ' ,'),
        fc.integer({ min: 1990, max: 2099 }),
        fc.constantFrom('', '.', ' at 10am', '-25', '/6', ' and report back', ' in 12 months'),
        fc.constantFrom(null, '2000-01-01', '2024-06-15', '2099-12-31'),
        (prefix, cue, the, day, month, sep, year, suffix, meeting) => {
          const text = `${prefix}${cue} ${the}${day ? `${day[0]}${day[1]} ` : ''}${month}${sep}${year}${suffix}`;
          const plain = plainDue(text, meeting);
          if (plain === undefined) return;
          read++;
          expect(plain, `${text} (meeting ${meeting})`).toBe(dueByChrono(text, meeting));
        },
      ),
      { numRuns: 1500 },
    );
    expect(read).toBeGreaterThan(50); // the property is not vacuous: many generated texts are plain
    expect(plainDue('circulate a note by 31 March 2024', null)).toBe('2024-03-31');
    expect(plainDue('the Clerk to report back by March 2024', '2023-11-01')).toBe('2024-03-31');
    expect(plainDue('report by 30 June 2021 and again by 31 July 2021', null)).toBeUndefined();
  });

  it('resolves due dates against the meeting date', () => {
    expect(resolveDue('a progress report be presented in 12 months', '2022-06-07')).toBe('2023-06-07');
    expect(resolveDue('a progress report be presented in 12 months', null)).toBeNull();
    expect(resolveDue('the Clerk to report back by March 2024', '2023-11-01')).toBe('2024-03-31');
    expect(resolveDue('circulate a note by 31 March 2024', null)).toBe('2024-03-31');
    expect(resolveDue('the Clerk to report back by 12/03/2024', '2023-11-01')).toBe('2024-03-12');
    // A bare number is no date ("item 5", "£65", a year alone), and chrono is not asked.
    expect(resolveDue('the Clerk to pay £65 for item 5 by 2025', '2023-11-01')).toBeNull();
    expect(resolveDue('the Group was due to meet on 28 May 2019 to discuss housing', '2019-05-14')).toBe('2019-05-28');
    expect(resolveDue('the minutes of 19 March 2019 be circulated', '2019-05-14')).toBeNull();
    expect(resolveDue('circulate a briefing note to members', '2019-05-14')).toBeNull();
    expect(resolveDue('a recovery plan would be brought to Cabinet in June', '2023-03-14')).toBe('2023-06-30');
    expect(resolveDue('report back within three months', '2021-03-04')).toBe('2021-06-04');
    // A due word may stand a few words before the month; a month no due word leads to is not a deadline.
    expect(resolveDue('the Clerk to report back by the 12th of May', '2024-02-01')).toBe('2024-05-12');
    expect(resolveDue('the Clerk to report back by Friday 3 May 2024', '2024-02-01')).toBe('2024-05-03');
    expect(resolveDue('the May fair raised £300 and the Clerk will thank the organisers', '2024-02-01')).toBeNull();
  });
});

describe('segment and extract stages', () => {
  const run = (text: string) => runPipeline(text, () => base, null);

  it('puts the agenda blurb before "Minutes:" in the agenda part', () => {
    const ctx = run('Issue - meetings\n\nIssue title\n\nMeeting: 07/06/2022 - Audit Committee (Item 13)\n\n13 The Title pdf icon PDF 238 KB\n\nThe blurb.\n\nMinutes:\n\nThe debate.');
    expect(ctx.drafts.meeting).toEqual({ committee: 'Audit Committee', date: '2022-06-07', item: '13', title: 'The Title' });
    expect(ctx.units.filter((u) => u.role === 'content').map((u) => [u.part, u.text])).toEqual([
      ['agenda', 'The blurb.'],
      ['minutes', 'The debate.'],
    ]);
    expect(ctx.drafts.discussionPoints).toHaveLength(1);
  });

  it("reads the header of a text that lost its line breaks from the opening of its one long line", () => {
    const body = 'Present: Mr A Brown (Chair), Mrs C Green, Mr D White. 1. APOLOGIES FOR ABSENCE Apologies were received from Mrs E Black. '.repeat(12);
    const ctx = runPipeline(`Page content transcription\n\nCONFIRMED MINUTES – GENERAL MEETING, 17 MAY 2017 UPTON SHIRE COUNCIL MINUTES OF THE GENERAL MEETING HELD AT UPTON ON WEDNESDAY 17 MAY 2017 ${body}`, detectGrammar, null);
    expect(ctx.drafts.meeting).toMatchObject({ committee: 'UPTON SHIRE COUNCIL', date: '2017-05-17' });
  });

  it("leaves a school term out of a governing body's name, and a season that names a body in it", () => {
    const meetingOf = (heading: string) => runPipeline(`${heading}\n\nDate: 30th June 2016\n\nPresent: Mrs A Smith (Chair), Mr B Jones\n\n1. Apologies\n\nNone.`, detectGrammar, null).drafts.meeting;
    expect(meetingOf('Summer Full Governing Body')).toMatchObject({ committee: 'Full Governing Body', date: '2016-06-30' });
    expect(meetingOf('Autumn Term 2 Meeting of the Governing Board')).toMatchObject({ committee: 'Governing Board' });
    expect(meetingOf('Summer Fete Committee')).toMatchObject({ committee: 'Summer Fete Committee' });
  });

  it("reads an 'Issue - decisions' page's date line as the meeting's date and the item's title", () => {
    const ctx = runPipeline('Issue - decisions\n\nHighways Maintenance\n\n12/02/2013 - Highways Maintenance Report 2013/14\n\n1. That the programme of works be approved.', detectGrammar, null);
    expect(ctx.drafts.meeting).toEqual({ committee: null, date: '2013-02-12', item: null, title: 'Highways Maintenance Report 2013/14' });
    expect(ctx.drafts.items.map((i) => i.title)).toEqual(['Highways Maintenance Report 2013/14']);
  });

  it("reads a whole meeting's committee and date from the header above its attendance list, not from the last minutes' approval below it", () => {
    const ctx = run(
      'Upton Parish Council\n\n- 6th November 2018\n\nPresent\nCouncillors A Richardson (Chair), B Healey and C Moran\n18.11.1 Apologies\nNone\n18.11.2 Minutes\nThe minutes of the meeting held on the 4th September 2018 had been\ncirculated. All agreed this was a true record.\n18.11.3 Playground\nThe Clerk reported that the swings had been repaired.',
    );
    expect(ctx.drafts.meeting).toMatchObject({ committee: 'Upton Parish Council', date: '2018-11-06' });
  });

  it('keeps a numbered paragraph whole: its lettered sub-paragraphs and the prose after them, up to the next number', () => {
    const ctx = run(
      'Minutes:\n\n1. Mr Baker provided an update on the following:\n\n(a) The bus network was run commercially.\n\n(b) The Council made two recommendations:\n\n- a study of street works;\n- a wider lane rental scheme.\n\nKCC offered the A25 as a pilot area.\n\n2. Mr Love said that school places in the north were short.',
    );
    expect(ctx.drafts.discussionPoints.map((p) => ctx.text.slice(p.span.start, p.span.end).replace(/\s+/g, ' '))).toEqual([
      'Mr Baker provided an update on the following: (a) The bus network was run commercially. (b) The Council made two recommendations: - a study of street works; - a wider lane rental scheme. KCC offered the A25 as a pilot area.',
      'Mr Love said that school places in the north were short.',
    ]);
  });

  it('reads an owner column cell (a line of its own after its paragraph) as the owner of the paragraph\'s action', () => {
    const ctx = run(
      'Minutes:\n\nxi) Cylch Meithrin re financial support. It was proposed by Cllr. H. Gwynne, seconded by Cllr. K. Davies and unanimously agreed to renew membership at a cost of £236.00.\nClerk\nxii) Letter of thanks from the Eisteddfod.\nNoted\n20. To accept apologies for absence.\nCllr K Hawes and Cllr C Beare.\n\nThe hall roof was inspected in May.\n\nRFO',
    );
    const slice = (s: { start: number; end: number }) => ctx.text.slice(s.start, s.end);
    const column = proposeActions(ctx).filter((a) => a.rule === 'propose/owner-column');
    expect(column.map((a) => [slice(a.span), a.owners.map((o) => (o.span ? slice(o.span) : null))])).toEqual([
      ['Cylch Meithrin re financial support. It was proposed by Cllr. H. Gwynne, seconded by Cllr. K. Davies and unanimously agreed to renew membership at a cost of £236.00.', ['Clerk']],
    ]);
  });

  it('reads a name-and-role line as a witness, but not a payment line with figures', () => {
    const ctx = run('Minutes:\n\nJane Davies, Clerk Salary for March, Chq No 1306\n\nJohn Furey, Cabinet Member for Highways');
    expect(ctx.drafts.witnesses.map((w) => [w.name, w.role])).toEqual([['John Furey', 'Cabinet Member for Highways']]);
  });

  it('takes "Resolved –" with numbered decisions, one record per number', () => {
    const ctx = run('Minutes:\n\nResolved –\n\n(1)  The Committee requests a report; and\n\n(2)  That the Director circulate a note.\n\nACTION: Strategic Director');
    expect(ctx.drafts.resolutions.map((r) => ctx.text.slice(r.span.start, r.span.end))).toEqual(['The Committee requests a report; and', 'That the Director circulate a note.']);
    expect(ctx.drafts.actions).toHaveLength(2);
    expect(ctx.drafts.actions.every((a) => a.owners.some((o) => o.roleSpan && ctx.text.slice(o.roleSpan.start, o.roleSpan.end) === 'Strategic Director'))).toBe(true);
  });

  it('keeps a conditions list inside its decision', () => {
    const ctx = run('Minutes:\nRESOLVED – That the application be APPROVED subject to the following conditions:\n1. Standard Time\n2. Approved Plans');
    expect(ctx.drafts.resolutions).toHaveLength(1);
    expect(ctx.text.slice(ctx.drafts.resolutions[0].span.start, ctx.drafts.resolutions[0].span.end)).toMatch(/conditions:\n1\. Standard Time\n2\. Approved Plans$/);
  });

  it('finds witnesses in a list and in sentences, never the Chair', () => {
    const ctx = run('Minutes:\n\nWitnesses:\nClare Curran, Cabinet Member for Children\n\nThe Chair presented a report on the plan.\n\nMr Wilkin, Director of Highways, introduced the report. He spoke.');
    expect(ctx.drafts.witnesses.map((w) => [w.name, w.role])).toEqual([
      ['Clare Curran', 'Cabinet Member for Children'],
      ['Wilkin', 'Director of Highways'],
    ]);
  });

  it('reads a motion through its recitals to "Carried." as one decision, the outcome left out', () => {
    const ctx = run('5. Donations\n\nWHEREAS the branch has asked for help with the parade;\n\nTHAT Council donate $100 to the branch.\nCarried.\n\nThe Clerk read a letter.');
    expect(ctx.drafts.resolutions.map((r) => [r.rule, ctx.text.slice(r.span.start, r.span.end)])).toEqual([
      ['extract/motion-carried', 'WHEREAS the branch has asked for help with the parade;\n\nTHAT Council donate $100 to the branch.'],
    ]);
    // A motion that is not carried decides nothing.
    expect(run('5. Donations\n\nTHAT Council donate $100 to the branch.\nDefeated.').drafts.resolutions.filter((r) => r.rule === 'extract/motion-carried')).toEqual([]);
  });

  it('reads a decision clause by clause: an action per asking clause, none for a recital or a clause that only approves', () => {
    const actionsOf = (text: string) => {
      const ctx = run(text);
      return ctx.drafts.actions.map((a) => ctx.text.slice(a.span.start, a.span.end).replace(/\s+/g, ' '));
    };
    // Parallel "That …" clauses are decisions side by side: an action each.
    expect(actionsOf('5. Reserves\n\nThat we transfer the grant of $9,500.25 to reserve;\nThat we transfer the bottle drive takings into the recreation reserve.\nCarried.')).toEqual([
      'That we transfer the grant of $9,500.25 to reserve',
      'That we transfer the bottle drive takings into the recreation reserve',
    ]);
    // A clause led by an approval asks nothing, however its object is worded; a recital gives reasons.
    expect(actionsOf('6. By-laws\n\nTHAT we pass By-Law Number 48, being a By-Law to authorize a Shared Services Agreement with the Town.\nCarried.')).toEqual([]);
    expect(actionsOf('7. Committee\n\nWHEREAS By-Law 5 provides the positions of the committee;\nNOW THEREFORE the Council appoints the Mayor as Chair.\nCarried.')).toEqual([]);
    // … unless it goes on to ask; and a sentence opening "AND THAT" is a clause of its own.
    expect(actionsOf('Minutes:\n\nRESOLVED – That the report be noted and that it be presented to Council in July.')).toEqual(['That the report be noted and that it be presented to Council in July']);
    expect(actionsOf('8. Ferries\n\nTHAT the Council supports requests to the ministry for a review of ferry timetables. AND THAT this Resolution be forwarded to the MP for consideration.\nCarried.')).toEqual([
      'AND THAT this Resolution be forwarded to the MP for consideration',
    ]);
  });

  it('keeps two decisions worded alike as two actions (one thing asked twice stays one: the decision page in layouts.test)', () => {
    const alike = extract('Minutes:\n\nxi) Scouts re financial support. It was proposed by Cllr. A. Jones, seconded by Cllr. B. Evans and unanimously agreed to donate £50.00.\n\nxii) Air Ambulance re financial support. It was proposed by Cllr. A. Jones, seconded by Cllr. B. Evans and unanimously agreed to donate £50.00.');
    expect(alike.resolutions).toHaveLength(2);
    expect(alike.actions).toHaveLength(2);
  });

  it('never makes the meeting\'s own procedure an action: excluding the public, adjourning', () => {
    const doc = extract('Minutes:\n\nRESOLVED – That the press and public be excluded from the meeting for the following item, and the Clerk be asked to record the reasons.\n\nRESOLVED – That the meeting be adjourned and resume on 4 May.');
    expect(doc.actions).toEqual([]);
  });

  it('gives one declaration per member with honorifics dropped', () => {
    const ctx = run('Minutes:\n\nCouncillor Mrs Soyke declared a significant other interest as she was related to the applicant.');
    expect(ctx.drafts.declarations.map((d) => [d.member, d.interest])).toEqual([['Soyke', 'significant other']]);
  });
});

describe('classify-records (the learned stage) with a hand-made model', () => {
  // A model that keeps every draft of its own type and also makes "Outcome:" lines resolutions: enough to
  // check that records, actions and votes stay linked when the model adds or drops decisions.
  const typeModel = (weights: Record<string, number>, bias = -5) => ({ bias, weights, platt: { a: 1, b: 0 }, threshold: 0.5 });
  const model = {
    id: 'hand-made',
    featureVersion: 1,
    trainedOn: { texts: 0, folders: [] },
    types: {
      witnesses: typeModel({}, 5),
      declarations: typeModel({}, 5),
      discussionPoints: typeModel({ 'from:discussionPoints': 10, 'w1:outcome': -20 }),
      resolutions: typeModel({ 'from:resolutions': 10, 'w1:outcome': 10 }),
      recommendations: typeModel({ 'from:recommendations': 10 }),
      actions: typeModel({ 'src:rule': 10 }),
    },
  };
  // The hand-made model, but keeping every candidate of one type: what the rules after the model must still refuse.
  const keepingEvery = (type: 'discussionPoints' | 'actions') => ({ ...model, types: { ...model.types, [type]: typeModel({}, 5) } });
  const text = 'Minutes:\n\nThe Panel discussed the depot.\n\nOutcome: the depot be closed.\n\nRESOLVED – That the Director of Finance be asked to report back in June.\n\nProposed by Cllr Lee, seconded by Cllr Khan, and carried unanimously.';

  it('adds a model-made resolution with its evidence, and re-points the vote and the action at their decision', () => {
    const rules = extract(text, { model: null });
    const learned = extract(text, { model });
    expect(rules.resolutions.map((r) => r.text)).toEqual(['That the Director of Finance be asked to report back in June.']);
    expect(learned.resolutions.map((r) => [r.text, r.rule])).toEqual([
      ['the depot be closed.', 'model/resolutions'],
      ['That the Director of Finance be asked to report back in June.', rules.resolutions[0].rule],
    ]);
    expect(learned.resolutions[0].evidence).toContain('w1:outcome');
    expect(learned.discussionPoints.map((p) => p.text)).toEqual(['The Panel discussed the depot.']);
    expect(rules.votes[0].resolution).toBe('res-1');
    expect(learned.votes[0].resolution).toBe('res-2');
    const action = learned.actions.find((a) => a.from !== null)!;
    expect(action.from).toBe('res-2');
    expect(learned.resolutions.find((r) => r.id === action.from)!.text).toContain('report back');
  });

  it('never makes a point or a decision of a text without a word (an item reference, a sum), nor a point of a lead-in, whatever the model says', () => {
    const doc = extract('Items\n\nRC/20\n\nThe following points were raised in the debate:\n\nThe Committee discussed the additional meeting date.\n\n£ 48.00\n\n16.07.5\n', { model: keepingEvery('discussionPoints') });
    expect(doc.discussionPoints.map((p) => p.text)).toEqual(['The Committee discussed the additional meeting date.']);
    // A decision whose list completes it may end as a lead-in does, and stays a decision.
    const exclusion = extract('5. Exclusion\n\nRESOLVED – That the press and public be excluded on the grounds set out in the following paragraph of the Act:', { model });
    expect(exclusion.resolutions.map((r) => r.text)).toEqual(['That the press and public be excluded on the grounds set out in the following paragraph of the Act:']);
  });

  it('never makes a declaration of "no declarations" or of the invitation to declare, whatever the model says', () => {
    const text = [
      '1. Declarations of interest',
      'Governors were asked to declare any personal, business or financial interest in any agenda items; no declarations were made.',
      'Prejudice: None declared.',
      'Councillor Smith declared a personal interest in item 5 as a member of the allotment society.',
    ].join('\n\n');
    const doc = extract(text, { model });
    expect(doc.declarations.map((d) => d.member)).toEqual(['Smith']);
  });

  it('never makes an action of what GUIDE.md says is none: ongoing work, a possibility, an approval alone', () => {
    const text = [
      '5. Village matters',
      'A joint strategy between the services was being developed to provide fuller minutes.',
      'Members were asked to contact the Clerk if they wished to see the plans.',
      'RESOLVED – That the Authorised Limit be approved.',
      'The Clerk was asked to write to the highways authority about the potholes.',
      'The Clerk was asked to chase the contractor, as the repair was being delayed.',
    ].join('\n\n');
    expect(extract(text, { model: keepingEvery('actions') }).actions.map((a) => a.text)).toEqual([
      'The Clerk was asked to write to the highways authority about the potholes',
      'The Clerk was asked to chase the contractor, as the repair was being delayed',
    ]);
  });

  it('never makes a witness of a role that names nobody in particular ("The Chair and Members"), whatever the model says', () => {
    const text = '3. Awards\n\n2. The Chair and Members shared their congratulations for the nominees.\n\n3. Jane Smith, Head of Fostering, presented the report on the awards.';
    expect(extract(text, { model }).witnesses.map((w) => [w.name, w.role])).toEqual([['Jane Smith', 'Head of Fostering']]);
  });

  it('keeps one decision where the title restates the approval of the minutes, and two alike decisions on other things', () => {
    const restating = { ...model, types: { ...model.types, discussionPoints: typeModel({ 'from:discussionPoints': 10 }), resolutions: typeModel({ 'from:resolutions': 10, 'cue:true-record': 10 }) } };
    const minutes = [
      '1. Minutes of the last meeting',
      'The minutes of the meeting held on 4 March 2024 were approved as a correct record.',
      'RESOLVED – That the minutes of the meeting held on 4 March 2024 be approved as a correct record.',
      '2. Election of Chair and Vice-Chair',
      'RESOLVED – That Councillor Lee be elected Chair for the year 2024/25.',
      'RESOLVED – That Councillor Khan be elected Vice-Chair for the year 2024/25.',
    ].join('\n\n');
    const doc = extract(minutes, { model: restating });
    expect(doc.resolutions.map((r) => r.text)).toEqual([
      'That the minutes of the meeting held on 4 March 2024 be approved as a correct record.',
      'That Councillor Lee be elected Chair for the year 2024/25.',
      'That Councillor Khan be elected Vice-Chair for the year 2024/25.',
    ]);
    expect(doc.discussionPoints.map((p) => p.text)).not.toContain('The minutes of the meeting held on 4 March 2024 were approved as a correct record.');
  });

  it('never makes an action of approving the minutes or of the invitation to declare interests, whatever the model says', () => {
    const minutes = [
      'Members were reminded to declare any personal, business or financial interest in any item.',
      'RESOLVED that the minutes of the meeting held on 4 March 2024, copies having been circulated, be approved and signed.',
      'The Clerk was asked to write to the highways authority about the footpath.',
    ].join('\n\n');
    expect(extract(minutes, { model: keepingEvery('actions') }).actions.map((a) => a.text)).toEqual(['The Clerk was asked to write to the highways authority about the footpath']);
  });

  it('drops what the model rejects', () => {
    const none = { ...model, types: { ...model.types, discussionPoints: typeModel({}, -5), resolutions: typeModel({}, -5) } };
    const doc = extract(text, { model: none });
    expect(doc.discussionPoints).toEqual([]);
    expect(doc.resolutions).toEqual([]);
    expect(doc.votes.every((v) => v.resolution === null)).toBe(true);
    expect(doc.actions.every((a) => a.from === null)).toBe(true);
  });
});
