// Which of the caller's projects the app is about: the "current project" of the header's switcher.

/** What choosing needs of a project (GET /api/projects items have more). */
export interface ProjectChoice {
  id: string;
  name: string;
}

/** The project that shows when nobody has chosen one (the whole served corpus). */
export const DEFAULT_PROJECT_ID = 'default';

/** Where the choice is remembered: per user, so two people sharing a browser keep their own. */
export const projectStorageKey = (userId: string) => `annotate.project.${userId}`;

/**
 * The current project: the one the address names, else the one remembered, else the first of the list ("default"
 * comes first when the person belongs to it). A name that is not among the person's projects is passed over.
 */
export function chooseProject<P extends ProjectChoice>(projects: readonly P[], wanted: { url?: string | null; remembered?: string | null } = {}): P | null {
  for (const id of [wanted.url, wanted.remembered]) {
    const found = id ? projects.find((p) => p.id === id) : undefined;
    if (found) return found;
  }
  return projects[0] ?? null;
}

/** A select with several projects; the name alone with one; nothing for "default" alone (today's look). */
export function switcherKind(projects: readonly ProjectChoice[]): 'select' | 'name' | 'none' {
  if (projects.length > 1) return 'select';
  return projects.length === 1 && projects[0]?.id !== DEFAULT_PROJECT_ID ? 'name' : 'none';
}

/**
 * The documents of the current project. With one project (or none known) the server's list is already the
 * person's, so it is kept whole; with several, the list shows the current project's, like every other page.
 */
export function projectDocuments<D extends { projectId: string }>(items: readonly D[], projectCount: number, current: string | null): D[] {
  if (projectCount < 2 || current === null) return [...items];
  return items.filter((d) => d.projectId === current);
}

/** Whether the person may curate (and export) a project's documents: its owners and curators. */
export function canCurate(projects: readonly { id: string; role: string }[], projectId: string): boolean {
  const role = projects.find((p) => p.id === projectId)?.role;
  return role === 'owner' || role === 'curator';
}
