// Adding students from a pasted list: the names as the server reads them, problems with the line they are on, and
// the personal links to hand out. No DOM.
import type { AddedStudent } from '../../api/classroom';
import { displayNameMaxLength, joinLink } from './classroom';

/** The server's limit on one list (Classroom/ClassroomApi.cs). */
export const rosterMaxNames = 500;

export interface RosterLine {
  /** 1-based line of the text area. */
  line: number;
  name: string;
}

/** The names of a pasted list, one per non-empty line, trimmed, each with the line it is on. */
export function rosterLines(text: string): RosterLine[] {
  return text.split('\n').map((raw, i) => ({ line: i + 1, name: raw.trim() })).filter((l) => l.name !== '');
}

// Control characters, and invisible formatting ones other than the emoji joiner: the server refuses both.
const invisible = /[\p{Cc}\p{Cf}]/u;
const joiner = '\u200D';

/** What the server would say about one name, checked here first for a quicker answer; null when fine. */
export function nameProblem(name: string): string | null {
  if (name.length > displayNameMaxLength) return `A display name has at most ${displayNameMaxLength} characters; this one has ${name.length}.`;
  if ([...name].some((c) => c !== joiner && invisible.test(c))) return 'A display name cannot contain control or invisible formatting characters.';
  return null;
}

/** Problems with the list as a whole ("" when fine) and per line, before asking the server. */
export function rosterProblems(text: string): { list: string; lines: string[] } {
  const lines = rosterLines(text);
  if (lines.length === 0) return { list: 'Paste or type the students’ names, one per line.', lines: [] };
  if (lines.length > rosterMaxNames) return { list: `At most ${rosterMaxNames} names at a time; this list has ${lines.length}.`, lines: [] };
  const problems = lines.flatMap((l) => {
    const problem = nameProblem(l.name);
    return problem ? [`Line ${l.line} (${l.name.slice(0, 40)}): ${problem}`] : [];
  });
  return { list: '', lines: problems };
}

/**
 * A ValidationProblem's errors on the list: `names` for the list as a whole, `names[i]` for the i-th name (counted
 * over non-empty lines, as the server does), told with the line of the text area it is on.
 */
export function rosterServerErrors(errors: Record<string, string[]> | undefined, text: string): { list: string; lines: string[] } {
  const lines = rosterLines(text);
  const list: string[] = [];
  const perLine: { index: number; text: string }[] = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const match = /^names\[(\d+)\]$/i.exec(key);
    if (!match) {
      list.push(messages.join(' '));
      continue;
    }
    const index = Number(match[1]);
    const line = lines[index]?.line ?? index + 1;
    perLine.push({ index, text: `Line ${line}: ${messages.join(' ')}` });
  }
  return { list: list.join(' '), lines: perLine.sort((a, b) => a.index - b.index).map((p) => p.text) };
}

export interface RosterRow {
  userId: string;
  name: string;
  link: string;
}

/** The added students with their full personal links, in list order. */
export function rosterRows(added: readonly AddedStudent[], origin: string): RosterRow[] {
  return added.map((s) => ({ userId: s.userId, name: s.name, link: joinLink(origin, s.joinPath) }));
}

/** Names and links as tab-separated lines with a header, to paste into a spreadsheet. */
export function rosterTsv(rows: readonly RosterRow[]): string {
  const cell = (value: string) => value.replace(/[\t\r\n]+/g, ' ');
  return ['Name\tPersonal link', ...rows.map((r) => `${cell(r.name)}\t${cell(r.link)}`)].join('\n');
}
