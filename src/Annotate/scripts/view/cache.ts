import { collectionsApi, documentsApi } from '../api';
import type { Collection, DocumentList } from '../api/types';
import { noFilters, type ListFilters } from '../model/app/routes';

/** Remembers API answers that only change when the corpus reloads. */
export class CorpusCache {
  private lists = new Map<string, Promise<DocumentList>>();
  private collectionList: Promise<Collection[]> | null = null;

  clear(): void {
    this.lists.clear();
    this.collectionList = null;
  }

  documents(filters: ListFilters, signal?: AbortSignal): Promise<DocumentList> {
    const key = JSON.stringify(filters);
    let list = this.lists.get(key);
    if (!list) {
      // Fetched without the caller's signal: a cached answer must not be cut short by one view leaving.
      list = documentsApi.list({ ...filters });
      this.lists.set(key, list);
      list.catch(() => this.lists.delete(key));
      if (this.lists.size > 20) this.lists.delete(this.lists.keys().next().value as string);
    }
    return abortable(list, signal);
  }

  collections(signal?: AbortSignal): Promise<Collection[]> {
    this.collectionList ??= collectionsApi.list();
    this.collectionList.catch(() => (this.collectionList = null));
    return abortable(this.collectionList, signal);
  }

  async languages(signal?: AbortSignal): Promise<string[]> {
    const all = await this.documents(noFilters, signal);
    const codes = new Set(all.items.map((d) => d.language).filter((l): l is string => !!l));
    return [...codes].sort();
  }
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new DOMException('The page was left.', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
