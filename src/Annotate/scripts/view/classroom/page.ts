import { agreementApi, annotationHub, ApiError, classroomApi, projectsApi, roundsApi, type AgreementReport, type ClassDashboard, type RoundKind, type RoundsOverview, type Visibility } from '../../api';
import { annotationTotal, joinLink, studentRows } from '../../model/classroom/classroom';
import { isOwner } from '../../model/classroom/people';
import { progressRows } from '../../model/classroom/work';
import { measuresOf } from '../../model/classroom/rounds';
import { agreementRoute, classRoute, noFilters, routeHref } from '../../model/app/routes';
import { coalescedRefresh } from '../../model/shared/coalesce';
import { followAgreement } from '../agreement/follow';
import { isAbort } from '../cache';
import type { AppContext, View } from '../context';
import { h, replace } from '../dom';
import { exerciseCard } from '../exercise/exerciseCard';
import { codePanel } from './codePanel';
import { gradesPanel } from './grades';
import { headlinePanel } from './headline';
import { instructionPanel } from './instruction';
import { managePanels } from './manage';
import { modePanel } from './modes';
import { progressPanel } from './progress';
import { roundsPanel } from './rounds';
import { studentsPanel } from './students';

/** How often the student table is fetched again (presence and counts change without an agreement push). */
const REFRESH_MS = 3000;

/**
 * The teacher's class: the join code, the blind → reveal → open steps, a live table of students and the live
 * agreement figures, with names anonymised on request (for a projector). Owners and curators only; anyone else
 * is told why the page is empty.
 */
export function classView(ctx: AppContext, initialAnonymous: boolean, named = ''): View {
  const controller = new AbortController();
  /** The project the address names, else the current one. */
  const projectId = named || ctx.projectId();
  let anonymous = initialAnonymous;
  let dashboard: ClassDashboard | null = null;
  let titles = new Map<string, string>();
  let disposed = false;
  let timer = 0;
  let stopFollowing: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  /** The project's annotation count when the figures were last fetched: a poll that sees it move fetches again. */
  let figuresFor = -1;
  /** How many students the grade sheet was last asked for with: someone joining or leaving asks again. */
  let gradedStudents = -1;

  ctx.setTitle('Class');
  const heading = h('h1', { id: 'class-title', tabindex: -1 }, 'Class');
  const anonymise = h('input', { type: 'checkbox', id: 'class-anonymous', 'data-testid': 'anonymise', checked: anonymous });
  const agreementLink = h('a', { 'data-testid': 'class-agreement-link' }, 'Full agreement figures →');
  const notice = h('div', { class: 'class-notice' });
  const code = codePanel(ctx, { start: () => void start(), setOpen: (open) => void setOpen(open) });
  const modes = modePanel((mode) => void setMode(mode));
  let rounds: RoundsOverview | null = null;
  let lastReport: AgreementReport | null = null;
  const roundCard = roundsPanel({ start: (kind, name) => startRound(kind, name), end: () => endRound() });
  const students = studentsPanel({
    newLink: async (row) => {
      try {
        const student = await classroomApi.reissueLink(row.userId, projectId);
        ctx.announce(`A new personal link for ${row.name}: their old one no longer works.`);
        return joinLink(location.origin, student.joinPath);
      } catch (error) {
        ctx.showError(error);
        throw error;
      }
    },
  });
  const agreement = headlinePanel(agreementLink);
  const instruction = instructionPanel(ctx, projectId);
  const exercise = exerciseCard(ctx, projectId, controller.signal);
  const progress = progressPanel();
  const grades = gradesPanel(projectId, controller.signal);
  const manage = managePanels(ctx, projectId, controller.signal, () => void refresh());
  // The instruction sits beside the owner's Documents card (both about what students get), before the wide tables.
  const [rosterCard, documentsCard, peopleCard] = manage.elements;
  const content = h('div', { class: 'class-grid', hidden: true },
    code.element, modes.element, agreement.element, roundCard.element, rosterCard, documentsCard, instruction.element, exercise.element, peopleCard, students.element, progress.element, grades.element);
  const element = h('section', { class: 'page class-page', 'aria-labelledby': 'class-title', 'data-testid': 'class-page' },
    h('div', { class: 'page-heading' }, heading,
      h('label', { class: 'toggle', for: 'class-anonymous' }, anonymise, 'Anonymise names (Student 1, Student 2, …)')),
    h('p', { class: 'lead' }, 'Run a class: students join with a code, annotate blind, then you reveal everyone’s spans and discuss the agreement.'),
    notice,
    content);
  const loading = h('p', { class: 'loading' }, 'Loading the class…');
  content.before(loading);

  manage.setAnonymous(anonymous);
  exercise.setAnonymous(anonymous);
  anonymise.addEventListener('change', () => {
    anonymous = anonymise.checked;
    manage.setAnonymous(anonymous);
    exercise.setAnonymous(anonymous);
    if (!content.hidden) grades.setAnonymous(anonymous);
    ctx.updateUrl(classRoute(anonymous, named));
    renderStudents();
    updateLink();
    void loadAgreement();
  });

  function updateLink(): void {
    agreementLink.href = routeHref(agreementRoute(null, '', anonymous, named));
  }

  const refresh = coalescedRefresh(async () => {
    try {
      const next = await classroomApi.dashboard(projectId, controller.signal);
      if (disposed) return;
      const first = dashboard === null;
      dashboard = next;
      render();
      if (first) begin();
    } catch (error) {
      if (!disposed && !isAbort(error)) failed(error);
    }
  }, () => !disposed);

  /** The first dashboard came: the page is the teacher's, so follow the agreement and poll. */
  function begin(): void {
    loading.remove();
    content.hidden = false;
    stopFollowing = followAgreement(projectId, null, () => {
      void loadAgreement();
      void refresh();
    });
    // A student's Done (or Reopen) is pushed at once; annotations arrive with the agreement pushes above.
    annotationHub.watchClass(projectId).catch(() => {});
    unsubscribe = annotationHub.subscribe({
      visibilityChanged: () => void refresh(),
      // Also once an ended round's figures are kept, after its EditingChanged: fetch the rounds again then.
      classChanged: (change) => {
        if (change.projectId !== projectId) return;
        void refresh();
        void grades.refresh();
        void loadRounds();
      },
      // A round started or ended (here or in another tab): an ended round's scores are in the sheet now.
      editingChanged: () => {
        void loadRounds();
        void grades.refresh();
      },
    });
    grades.setAnonymous(anonymous);
    void loadRounds();
    timer = window.setInterval(() => void refresh(), REFRESH_MS);
    void loadAgreement();
    ctx.documents(noFilters, controller.signal).then((list) => {
      titles = new Map(list.items.map((d) => [d.id, d.title || d.id]));
      renderStudents();
    }, (error: unknown) => !isAbort(error) && ctx.showError(error));
  }

  function failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 403) {
      stop();
      loading.remove();
      content.hidden = true;
      replace(notice, h('div', { class: 'banner info', role: 'status', 'data-testid': 'class-forbidden' },
        h('strong', null, 'Only the teacher can run a class'),
        h('p', null, 'This page is for the owner of the project (or a curator). If you are a student, your teacher gives you a code: ',
          h('a', { href: '/join' }, 'join a class with a code'), '.')));
      return;
    }
    if (dashboard) {
      replace(notice, h('p', { class: 'banner warning', role: 'status' }, 'The class could not be refreshed; the table may be out of date.'));
      return;
    }
    loading.textContent = 'The class could not be loaded.';
    ctx.showError(error);
  }

  function render(): void {
    if (!dashboard) return;
    replace(notice);
    code.render(dashboard.class);
    modes.render(dashboard.visibility);
    manage.update(dashboard.students);
    instruction.render(dashboard.instruction, isOwner(dashboard.students, ctx.state.session?.userId));
    exercise.render(dashboard.students, isOwner(dashboard.students, ctx.state.session?.userId));
    renderStudents();
    if (annotationTotal(dashboard.students) !== figuresFor && !content.hidden) void loadAgreement();
    const studentCount = dashboard.students.filter((s) => s.role === 'annotator').length;
    if (studentCount !== gradedStudents && !content.hidden) {
      gradedStudents = studentCount;
      void grades.refresh();
    }
  }

  function renderStudents(): void {
    // Personal links sign in as the student: never offered on a screen anonymised for the projector.
    if (!dashboard) return;
    students.render(studentRows(dashboard.students, titles, anonymous).map((row) => (anonymous ? { ...row, personalLink: false } : row)));
    progress.render(progressRows(dashboard.students, anonymous));
  }

  const loadAgreement = coalescedRefresh(async () => {
    // Nothing annotated yet: nothing to compare, so no need to ask.
    const total = dashboard ? annotationTotal(dashboard.students) : 0;
    if (total === 0) {
      figuresFor = 0;
      agreement.failed('Nothing to compare yet: the figures appear once students have annotated.');
      return;
    }
    figuresFor = total;
    try {
      const report = await agreementApi.report(projectId, { anonymous }, controller.signal);
      if (disposed) return;
      agreement.render(report);
      lastReport = report;
      renderRounds();
    } catch (error) {
      if (disposed || isAbort(error)) return;
      agreement.failed(error instanceof ApiError ? `Agreement could not be computed: ${error.detail ?? error.title}` : 'Agreement could not be computed.');
    }
  }, () => !disposed);

  async function start(): Promise<void> {
    try {
      const info = await classroomApi.start(projectId);
      if (dashboard) dashboard.class = info;
      code.render(info);
      code.focus();
      ctx.announce(`Class started. The join code is ${[...info.code].join(' ')}.`);
    } catch (error) {
      ctx.showError(error);
    }
  }

  async function setOpen(open: boolean): Promise<void> {
    try {
      const info = await classroomApi.setOpen(open, projectId);
      if (dashboard) dashboard.class = info;
      code.render(info);
      element.querySelector<HTMLElement>('[data-testid="toggle-joining"]')?.focus();
      ctx.announce(open ? 'Joining is open again.' : 'Joining is closed.');
    } catch (error) {
      ctx.showError(error);
    }
  }

  const loadRounds = coalescedRefresh(async () => {
    try {
      rounds = await roundsApi.list(projectId, controller.signal);
      if (!disposed) renderRounds();
    } catch (error) {
      if (!disposed && !isAbort(error)) ctx.showError(error);
    }
  }, () => !disposed);

  function renderRounds(): void {
    if (rounds) roundCard.render(rounds, lastReport ? measuresOf(lastReport) : null);
  }

  /** A round started or ended here: show it, and the mode it put the project in. */
  function roundChanged(next: RoundsOverview, said: string): void {
    rounds = next;
    renderRounds();
    ctx.announce(said);
    void refresh();
    void grades.refresh();
    void loadAgreement();
  }

  async function startRound(kind: RoundKind, name: string): Promise<boolean> {
    try {
      const next = await roundsApi.start(projectId, { kind, name: name.trim() || null });
      const round = next.current!;
      roundChanged(next, `Round ${round.number}, ${round.name}, started${round.frozen ? ': editing is frozen for the students' : ''}.`);
      return true;
    } catch (error) {
      ctx.showError(error);
      return false;
    }
  }

  async function endRound(): Promise<boolean> {
    try {
      roundChanged(await roundsApi.end(projectId), 'The round has ended; its agreement is kept in the table. Students can edit.');
      return true;
    } catch (error) {
      ctx.showError(error);
      return false;
    }
  }

  async function setMode(mode: Visibility): Promise<void> {
    try {
      await projectsApi.setVisibility(mode, projectId);
      if (dashboard) dashboard.visibility = mode;
      modes.render(mode);
      ctx.announce(`Mode: ${mode}.`);
    } catch (error) {
      ctx.showError(error);
    }
  }

  function stop(): void {
    clearInterval(timer);
    stopFollowing?.();
    stopFollowing = null;
    if (unsubscribe) annotationHub.unwatchClass(projectId).catch(() => {});
    unsubscribe?.();
    unsubscribe = null;
  }

  updateLink();
  void refresh();

  return {
    element,
    focus: () => heading.focus(),
    dispose() {
      disposed = true;
      controller.abort();
      stop();
    },
  };
}
