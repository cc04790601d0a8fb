import type { StudentProgress } from '../../api';
import { isOwner, membersKey } from '../../model/classroom/people';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { documentsPanel } from './documents';
import { peoplePanel } from './people';
import { rosterPanel } from './roster';

/**
 * The owner's side of the class page: add students from a list, share the documents out, and manage people.
 * Shown only to an owner (the dashboard says who that is), so a curator's browser never asks for what it may not.
 */
export function managePanels(ctx: AppContext, projectId: string, signal: AbortSignal, refreshDashboard: () => void) {
  let shown = false;
  let anonymous = false;
  let key = '';
  const reloadPeople = () => people.load(signal).catch(failed);
  const changed = () => {
    refreshDashboard();
    void reloadPeople();
  };
  const roster = rosterPanel(ctx, projectId, changed);
  const documents = documentsPanel(ctx, projectId, refreshDashboard);
  const people = peoplePanel(ctx, projectId, changed);
  const elements = [roster.element, documents.element, people.element];
  for (const element of elements) element.hidden = true;

  function failed(error: unknown): void {
    if (!isAbort(error)) ctx.showError(error);
  }

  /** Each new dashboard: the first one from an owner shows the panels; a change of people reloads the table. */
  function update(students: readonly StudentProgress[]): void {
    if (!isOwner(students, ctx.state.session?.userId)) return;
    if (!shown) {
      shown = true;
      for (const element of elements) element.hidden = anonymous;
      documents.load(signal).catch(failed);
    }
    const next = membersKey(students);
    if (next !== key) {
      key = next;
      void reloadPeople();
    }
  }

  /**
   * Names anonymised for the projector: these panels name people (the people table, personal links that sign in
   * as a student), so they are hidden until names are shown again.
   */
  function setAnonymous(on: boolean): void {
    anonymous = on;
    if (shown) for (const element of elements) element.hidden = on;
  }

  return { elements, setAnonymous, update };
}
