import { ApiError, classroomApi } from '../api';
import type { Session } from '../api/types';
import { problemText } from '../model/accountForms';
import type { AppContext, View } from './context';
import { h, replace } from './dom';
import { joinView } from './join';

/**
 * A personal link from the teacher's list (/join?ticket=…): signs the student in at once, no form. A link that
 * is not (or no longer) valid says so, above the ordinary join form, so a class code still gets them in.
 */
export function ticketJoinView(ctx: AppContext, ticket: string, joined: (session: Session) => void): View {
  ctx.setTitle('Signing in');
  const status = h('p', { class: 'loading', role: 'status', tabindex: -1, 'data-testid': 'ticket-status' }, 'Signing you in…');
  const element = h('div', { class: 'page ticket-page' }, status);
  let form: View | null = null;

  void (async () => {
    try {
      joined(await classroomApi.joinWithTicket(ticket));
    } catch (error) {
      const known = error instanceof ApiError && [400, 404, 429].includes(error.status);
      if (!known) ctx.showError(error);
      form = joinView(ctx, '', joined);
      const notice = h('div', { class: 'banner warning', role: 'alert', 'data-testid': 'ticket-unknown' },
        h('strong', null, known && error.status === 404 ? error.title : 'Could not sign you in'),
        h('p', null, known ? (error.status === 404 ? error.detail ?? 'This personal link is not valid.' : problemText(error.title, error.detail))
          : 'Try the link again, or join with the class code.'));
      replace(element, notice, form.element);
      form.focus?.();
    }
  })();

  return { element, focus: () => (form ? form.focus?.() : status.focus()) };
}
