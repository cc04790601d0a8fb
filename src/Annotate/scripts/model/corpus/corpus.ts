import type { CorpusProblem, CorpusStatus } from '../../api/types';
import { plural } from '../shared/format';

/** Whole percent of files processed; null while the total is unknown. */
export function progressPercent(status: Pick<CorpusStatus, 'processed' | 'total'>): number | null {
  if (status.total <= 0) return null;
  return Math.min(100, Math.floor((status.processed / status.total) * 100));
}

/** "3 files could not be loaded", plus warnings; null when there is nothing to report. */
export function problemSummary(problems: readonly CorpusProblem[]): string | null {
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.path)).size;
  const warnings = problems.filter((p) => p.severity !== 'error').length;
  const parts: string[] = [];
  if (failed > 0) parts.push(`${plural(failed, 'file', 'files')} could not be loaded`);
  if (warnings > 0) parts.push(plural(warnings, 'warning', 'warnings'));
  return parts.length ? parts.join(', ') : null;
}

export function progressText(status: CorpusStatus): string {
  const percent = progressPercent(status);
  if (percent === null) return 'Loading the corpus…';
  return `Loading the corpus: ${status.processed.toLocaleString('en')} of ${plural(status.total, 'file', 'files')} (${percent}%)`;
}

/** Errors first, then by path. */
export function sortProblems(problems: readonly CorpusProblem[]): CorpusProblem[] {
  const rank = (p: CorpusProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
}
