import { ApiError, annotatorsApi, membersApi, type Member, type Role } from '../../api';
import { groupValue, memberRefusal, roles, sortMembers } from '../../model/classroom/people';
import { groupMaxLength } from '../../model/classroom/classroom';
import { plural } from '../../model/shared/format';
import type { AppContext } from '../context';
import { h, replace } from '../dom';

interface Row {
  element: HTMLTableRowElement;
  update(member: Member, group: string): void;
}

/**
 * "People": everyone in the project with their role (a select), their group (set by the teacher) and a Remove
 * button that asks first. Rows are kept across reloads so a refresh never takes away what the teacher is editing.
 */
export function peoplePanel(ctx: AppContext, projectId: string, changed: () => void) {
  const count = h('p', { class: 'class-count', 'data-testid': 'people-count' });
  const body = h('tbody');
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-people-title', 'data-testid': 'class-people' },
    h('h2', { id: 'class-people-title' }, 'People'),
    h('p', null, 'Roles: ', roles.map((r, i) => [i ? '; ' : '', h('strong', null, r.name), ` ${r.hint}`]), '.'),
    count,
    h('div', { class: 'table-scroll' },
      h('table', { class: 'class-students class-people' },
        h('caption', { class: 'visually-hidden' }, 'People of the project'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Group'), h('th', { scope: 'col' }, 'Remove'))),
        body)));
  const rows = new Map<string, Row>();
  let order = '';

  function render(members: readonly Member[], groups: ReadonlyMap<string, string>): void {
    const sorted = sortMembers(members);
    count.textContent = plural(sorted.length, 'person', 'people');
    for (const [id, row] of rows) if (!sorted.some((m) => m.userId === id)) { row.element.remove(); rows.delete(id); }
    for (const member of sorted) {
      let row = rows.get(member.userId);
      if (!row) rows.set(member.userId, (row = personRow(member)));
      row.update(member, groups.get(member.userId) ?? '');
    }
    const next = sorted.map((m) => m.userId).join(',');
    if (next !== order) {
      order = next;
      replace(body, sorted.map((m) => rows.get(m.userId)?.element));
    }
  }

  function personRow(member: Member): Row {
    let current = member;
    const name = h('th', { scope: 'row' });
    const message = h('p', { class: 'field-error', role: 'alert' });
    const role = h('select', { 'aria-label': `Role of ${member.displayName}`, 'data-testid': 'member-role' },
      roles.map((r) => h('option', { value: r.role }, r.name)));
    const group = h('input', {
      type: 'text', maxlength: groupMaxLength, spellcheck: 'false', 'aria-label': `Group of ${member.displayName}`, class: 'member-group', 'data-testid': 'member-group',
    });
    const saveGroup = h('button', { type: 'button', class: 'button subtle', 'data-testid': 'member-group-save' }, 'Set group');
    const remove = h('button', { type: 'button', class: 'button subtle danger', 'data-testid': 'member-remove' }, 'Remove');
    const confirmBox = h('span', { class: 'confirm-remove', hidden: true });
    const element = h('tr', { 'data-user': member.userId },
      name,
      h('td', null, role),
      h('td', null, h('div', { class: 'group-row' }, group, saveGroup)),
      h('td', null, remove, confirmBox, message));
    let savedGroup = '';

    const fail = (error: unknown) => {
      if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
        message.textContent = error.status === 400 ? Object.values(error.problem.errors ?? {}).flat().join(' ') || error.title : memberRefusal(error.status, error.title, error.detail);
      } else {
        ctx.showError(error);
      }
    };

    role.addEventListener('change', async () => {
      message.textContent = '';
      const wanted = role.value as Role;
      try {
        current = await membersApi.setRole(current.userId, wanted, projectId);
        ctx.announce(`${current.displayName} is now ${wanted}.`);
        changed();
      } catch (error) {
        role.value = current.role;
        fail(error);
      }
    });

    const setGroup = async () => {
      message.textContent = '';
      const value = groupValue(group.value);
      if ('error' in value) return void (message.textContent = value.error);
      saveGroup.disabled = true;
      try {
        await membersApi.setAttributes(current.userId, { group: value.group }, projectId);
        savedGroup = group.value = value.group;
        ctx.announce(value.group ? `${current.displayName} is in group ${value.group}.` : `${current.displayName} has no group now.`);
      } catch (error) {
        fail(error);
      } finally {
        saveGroup.disabled = false;
      }
    };
    saveGroup.addEventListener('click', () => void setGroup());
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void setGroup();
      }
    });

    const yes = h('button', { type: 'button', class: 'button danger', 'data-testid': 'member-remove-confirm' }, 'Yes, remove');
    const no = h('button', { type: 'button', class: 'button subtle' }, 'Cancel');
    const ask = (asking: boolean) => {
      remove.hidden = asking;
      confirmBox.hidden = !asking;
      (asking ? yes : remove).focus();
    };
    remove.addEventListener('click', () => {
      message.textContent = '';
      replace(confirmBox, h('span', { class: 'confirm-question' }, `Remove ${current.displayName} from the project? Their work stays.`), ' ', yes, ' ', no);
      ask(true);
    });
    no.addEventListener('click', () => ask(false));
    confirmBox.addEventListener('keydown', (event) => event.key === 'Escape' && ask(false));
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await membersApi.remove(current.userId, projectId);
        ctx.announce(`${current.displayName} was removed from the project.`);
        changed();
      } catch (error) {
        ask(false);
        fail(error);
      } finally {
        yes.disabled = false;
      }
    });

    function update(member: Member, groupText: string): void {
      current = member;
      name.textContent = member.displayName;
      if (member.userName) name.append(h('span', { class: 'member-user' }, ` (${member.userName})`));
      if (document.activeElement !== role) role.value = member.role;
      // Only overwrite the group field when the teacher has not typed in it since it was last saved.
      if (group.value === savedGroup && document.activeElement !== group) savedGroup = group.value = groupText;
    }

    return { element, update };
  }

  /** Fetches the members and their groups again. */
  async function load(signal?: AbortSignal): Promise<void> {
    const [members, annotators] = await Promise.all([membersApi.list(projectId, signal), annotatorsApi.list(projectId, signal)]);
    render(members, new Map(annotators.map((a) => [a.id, a.attributes['group'] ?? ''])));
  }

  return { element, load };
}
