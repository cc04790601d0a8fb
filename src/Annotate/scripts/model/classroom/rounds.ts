// Norming rounds on the class page: what the teacher is offered next, and the table of rounds × measures that
// shows agreement before and after each round side by side. No DOM.
import type { AgreementReport } from '../../api/agreement';
import type { Round, RoundKind, RoundLayerMeasures, RoundMeasures, RoundsOverview } from '../../api/rounds';

export const roundNameMaxLength = 60;

export interface RoundStep {
  kind: RoundKind;
  /** The button's words. */
  action: string;
  hint: string;
}

/** Blind → Reveal → Discuss → Revise, as the class page offers them. */
export const roundSteps: readonly RoundStep[] = [
  { kind: 'blind', action: 'Start blind round', hint: 'Students annotate without seeing each other.' },
  { kind: 'reveal', action: 'Reveal', hint: 'Everyone sees everyone’s spans; editing stays open.' },
  { kind: 'discuss', action: 'Freeze for discussion', hint: 'Editing is frozen so the figures hold still while the class talks.' },
  { kind: 'revise', action: 'Open revise round', hint: 'Editing opens again; the figures at the end are compared with the blind round’s.' },
];

const ORDER: readonly RoundKind[] = ['blind', 'reveal', 'discuss', 'revise'];

/** The step a teacher most likely takes next: the one after the open round (after a revise, another discussion). */
export function suggestedNext(current: Round | null): RoundKind {
  if (!current) return 'blind';
  if (current.kind === 'revise') return 'discuss';
  return ORDER[ORDER.indexOf(current.kind) + 1] ?? 'blind';
}

/** What the class page says of the open round. */
export function roundStatus(overview: Pick<RoundsOverview, 'current' | 'rounds'>): string {
  const current = overview.current;
  if (current) return `Round ${current.number}, ${current.name}: ${current.frozen ? 'editing is frozen' : 'students can edit'}.`;
  return overview.rounds.length === 0 ? 'No round yet: start a blind round when the class is ready.' : 'No round is open: students can edit.';
}

/** A round name as the server takes it: trimmed; empty means "name it after its kind". */
export function roundNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length > roundNameMaxLength) return `A round's name has at most ${roundNameMaxLength} characters; this one has ${trimmed.length}.`;
  return null;
}

/** The same headline figures as the server keeps for an ended round, from a live report (for the open round's column). */
export function measuresOf(report: AgreementReport): RoundMeasures {
  return {
    revision: report.revision,
    annotators: report.annotators.length,
    layers: report.layers.map((l) => ({
      layer: l.layer, name: l.name, scope: l.scope,
      tokenAlpha: l.spans?.tokenAlpha ?? null, spanF1Overlap: l.spans?.spanF1Overlap ?? null, alphaU: l.spans?.alphaU ?? null,
      alpha: l.coding?.krippendorffAlpha ?? null,
    })),
  };
}

export interface RoundColumn {
  roundId: string | null;
  /** "1 · Blind", or "Now" for the open round's live figures. */
  label: string;
  kind: RoundKind | null;
  open: boolean;
}

export interface MeasureRow {
  /** "Token α · Frame". */
  label: string;
  values: (number | null)[];
  /** Last figure minus the first one shown, when both exist. */
  change: number | null;
}

export interface RoundsTable {
  columns: RoundColumn[];
  rows: MeasureRow[];
}

type Pick_ = (m: RoundLayerMeasures) => number | null;
const SPAN_MEASURES: readonly [string, Pick_][] = [['Token α', (m) => m.tokenAlpha], ['Span F1', (m) => m.spanF1Overlap]];
const DOCUMENT_MEASURES: readonly [string, Pick_][] = [['Label α', (m) => m.alpha]];

/**
 * Rounds × measures: a column per ended round with figures (oldest first), then the open round's live figures
 * when given; a row per measure and layer (token alpha and span F1 for span layers, alpha for document labels).
 */
export function roundsTable(rounds: readonly Round[], live: { round: Round; measures: RoundMeasures } | null): RoundsTable {
  const shown = rounds.filter((r) => r.endedAt !== null && r.measures !== null)
    .map((r) => ({ column: { roundId: r.id, label: `${r.number} · ${r.name}`, kind: r.kind, open: false }, measures: r.measures! }));
  if (live) shown.push({ column: { roundId: live.round.id, label: `${live.round.number} · ${live.round.name} (now)`, kind: live.round.kind, open: true }, measures: live.measures });
  const layers = new Map<string, RoundLayerMeasures>();
  for (const { measures } of shown) for (const layer of measures.layers) if (!layers.has(layer.layer)) layers.set(layer.layer, layer);
  const rows: MeasureRow[] = [];
  for (const layer of layers.values()) {
    for (const [measure, pick] of layer.scope === 'span' ? SPAN_MEASURES : DOCUMENT_MEASURES) {
      const values = shown.map(({ measures }) => {
        const found = measures.layers.find((l) => l.layer === layer.layer);
        return found ? pick(found) : null;
      });
      const first = values.find((v) => v !== null) ?? null;
      const last = [...values].reverse().find((v) => v !== null) ?? null;
      const known = values.filter((v) => v !== null).length;
      rows.push({ label: `${measure} · ${layer.name}`, values, change: known >= 2 && first !== null && last !== null ? last - first : null });
    }
  }
  return { columns: shown.map((s) => s.column), rows };
}

/** Two decimals, a minus sign for negatives, a dash when undefined; changes get a plus sign. */
export function formatFigure(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(2);
  if (value < 0 && text !== '0.00') return `−${text}`;
  return signed && text !== '0.00' ? `+${text}` : text;
}
