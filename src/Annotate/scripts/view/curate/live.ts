import { annotationHub } from '../../api';
import { debounce } from '../../model/shared/debounce';

/** Beyond any sequence number: the join answers no catch-up (the curation view is fetched whole instead). */
const NOTHING_BEFORE = Number.MAX_SAFE_INTEGER;

/**
 * Follows a document on the hub for the curation page: any change to it (an annotator's span or relation, another
 * curator's gold) fetches the curation view again, once things have been quiet for 150 ms; so does a reconnect.
 */
export function followCuration(documentId: string, refresh: () => void, failed: (error: unknown) => void): () => void {
  const later = debounce(refresh, 150);
  const join = () => annotationHub.joinDocument(documentId, NOTHING_BEFORE).catch(failed);
  const unsubscribe = annotationHub.subscribe({
    annotationChanged: (change) => change.documentId === documentId && later.call(),
    relationChanged: (change) => change.documentId === documentId && later.call(),
    documentChanged: (change) => change.documentId === documentId && later.call(),
    reconnected: () => {
      void join();
      later.call();
    },
  });
  void join();
  return () => {
    later.cancel();
    unsubscribe();
    annotationHub.leaveDocument(documentId).catch(() => {});
  };
}
