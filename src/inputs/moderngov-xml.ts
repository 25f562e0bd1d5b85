/**
 * ModernGov web-service XML (mgWebService.asmx/GetMeeting) → one text per meeting, laid out as minutes the
 * pipeline already reads: a "Minutes of a meeting of <committee> held on <date>" heading, attendance
 * lists by status, then each agenda item as "<number> <title>", its agenda text, "Presented by:" and
 * "Minutes:" with the item's minutes HTML as text, and "Action:" lines from the item's Actions field.
 * Restricted (exempt) items keep their heading but not their text, with a warning.
 * The document carries this text, so every span points at words of the XML's own fields.
 */
import { XMLParser } from 'fast-xml-parser';
import { htmlToText } from './html-to-text.js';
import { InputError, type SourceText } from './types.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: true, isArray: (name) => ['meeting', 'agendaitem', 'attendee', 'linkeddoc'].includes(name) });

/** ModernGov attendance values → the attendance labels the grammar reads. "Expected" records nothing. */
const ATTENDANCE_LABEL: Record<string, string> = {
  present: 'Present',
  'present as substitute': 'Substitutes',
  'present as expected': 'Present',
  'in attendance': 'In attendance',
  attending: 'In attendance',
  apologies: 'Apologies',
  'apologies received': 'Apologies',
  absent: 'Absent',
  'present, remote': 'Attending remotely',
  virtual: 'Attending remotely',
  remote: 'Attending remotely',
};

type XmlNode = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : typeof v === 'object' && '#text' in (v as XmlNode) ? String((v as XmlNode)['#text']) : String(v)).trim();

export function readModernGovXml(xml: string): SourceText[] {
  let parsed: XmlNode;
  try {
    parsed = parser.parse(xml, true) as XmlNode;
  } catch (error) {
    throw new InputError('E_XML_INVALID', `not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const meetings = ((parsed.meeting as XmlNode[] | undefined) ?? ((parsed.meetings as XmlNode | undefined)?.meeting as XmlNode[] | undefined) ?? []) as XmlNode[];
  if (meetings.length === 0) throw new InputError('E_XML_NOT_MODERNGOV', 'XML without a <meeting> element: not a ModernGov GetMeeting answer');
  return meetings.map((meeting) => meetingText(meeting));
}

function meetingText(meeting: XmlNode): SourceText {
  const items = (((meeting.agendaitems as XmlNode | undefined)?.agendaitem as XmlNode[] | undefined) ?? []).filter((i) => str(i.isdisplayallowed) !== 'False');
  const committee =
    items.map((i) => str(i.refertocommittee)).find(Boolean) ??
    items.flatMap((i) => ((i.linkeddocuments as XmlNode | undefined)?.linkeddoc as XmlNode[] | undefined) ?? []).map((d) => str(d.committeetitle)).find(Boolean) ??
    '';
  const date = str(meeting.meetingdate);
  const warnings: SourceText['warnings'] = [];
  const blocks: string[] = [];
  const place = str(meeting.meetinglocation);
  blocks.push(`Minutes of a meeting of the ${committee || 'Committee'} held on ${date}${str(meeting.meetingtime) ? ` at ${str(meeting.meetingtime)}` : ''}${place ? `, ${place}` : ''}`);

  const byLabel = new Map<string, string[]>();
  for (const attendee of ((meeting.attendees as XmlNode | undefined)?.attendee as XmlNode[] | undefined) ?? []) {
    const label = ATTENDANCE_LABEL[str(attendee.attendance).toLowerCase()];
    if (!label) continue;
    const role = str(attendee.roledescription);
    const name = str(attendee.name);
    if (!name) continue;
    const list = byLabel.get(label) ?? [];
    list.push(role && !/^committee member$/i.test(role) ? `${name} (${role})` : name);
    byLabel.set(label, list);
  }
  for (const [label, names] of byLabel) blocks.push(`${label}: ${names.join(', ')}`);

  for (const item of items) {
    const number = str(item.fulldisplaynumberformat) || str(item.minutesitemnumber) || str(item.agendaitemnumber);
    const title = str(item.agendaitemtitle);
    blocks.push(`${number.replace(/\.?$/, '.')} ${title}`.trim());
    const agenda = htmlToText(str(item.agendatext)).trim();
    if (agenda) blocks.push(agenda);
    if (str(item.isrestricted) === 'True') {
      warnings.push({ code: 'W_RESTRICTED_ITEM', message: `Item ${number} ${title} is restricted (exempt): its minutes are not published in the XML.` });
      continue;
    }
    const presenter = str(item.commenttext1);
    if (presenter) blocks.push(`Presented by: ${presenter}`);
    const minutes = htmlToText(str(item.minutesnonemptyhtmlbody)).trim();
    if (minutes) blocks.push(`Minutes:\n\n${minutes}`);
    const actions = htmlToText(str(item.commenttext2)).trim();
    for (const line of actions.split(/\n+/).map((l) => l.trim()).filter(Boolean)) blocks.push(`Action: ${line}`);
  }
  return { format: 'moderngov-xml', text: blocks.join('\n\n') + '\n', part: str(meeting.meetingid) ? `meeting ${str(meeting.meetingid)}` : null, pageStarts: null, warnings };
}
