import { annotationHub } from '../../api';
import { concerns } from '../../model/agreement/agreementWatch';
import { debounce } from '../../model/shared/debounce';

/** How long a burst of AgreementChanged pushes (one per saved span) is gathered into one refetch. */
const REFETCH_MS = 150;

/**
 * Follows a project's agreement on the hub: asks for AgreementChanged, refetches (debounced) when a change concerns
 * the page (any document on the project page, its own on a document page), after a reconnect (the hub watches again
 * before it reports one) and when the project's visibility changes (a blind project refused the watch before).
 * Returns the function that stops following.
 */
export function followAgreement(projectId: string, documentId: string | null, refetch: () => void): () => void {
  const later = debounce(refetch, REFETCH_MS);
  // A blind project refuses with a HubException: the page shows why, and the visibility change asks again.
  annotationHub.watchAgreement(projectId).catch(() => {});
  const unsubscribe = annotationHub.subscribe({
    agreementChanged: (change) => {
      if (concerns(change, projectId, documentId)) later.call();
    },
    visibilityChanged: () => {
      annotationHub.rewatchAgreement(projectId).catch(() => {});
      later.call();
    },
    reconnected: () => later.call(),
  });
  return () => {
    later.cancel();
    unsubscribe();
    annotationHub.unwatchAgreement(projectId).catch(() => {});
  };
}
