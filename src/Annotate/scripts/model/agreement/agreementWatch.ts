import type { AgreementChange } from '../../api/hub';

/** Whether an AgreementChanged push concerns a page: the project page always, a document page only for its id. */
export function concerns(change: AgreementChange, projectId: string, documentId: string | null): boolean {
  if (change.projectId !== projectId) return false;
  if (documentId === null) return true;
  return !Array.isArray(change.documentIds) || change.documentIds.length === 0 || change.documentIds.includes(documentId);
}
