import { getJson } from './http';
import type { Collection, CorpusStatus, DocumentDetail, DocumentList, DocumentQuery } from './types';

export const collectionsApi = {
  list: (signal?: AbortSignal) => getJson<Collection[]>('/api/collections', undefined, signal),
};

export const documentsApi = {
  list: (query: DocumentQuery, signal?: AbortSignal) =>
    getJson<DocumentList>('/api/documents', { ...query }, signal),

  get: (id: string, signal?: AbortSignal) =>
    getJson<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`, undefined, signal),
};

export const corpusApi = {
  status: (signal?: AbortSignal) => getJson<CorpusStatus>('/api/corpus/status', undefined, signal),
};
