import type { ProblemDetails } from './types';

/** An API call that failed: carries what the server's ProblemDetails said, for the user to read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    /** The whole ProblemDetails body, when there was one (validation `errors`, a conflict's `current`). */
    readonly problem: ProblemDetails = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** 401 is an expected answer (the session probe): do not report it as "signed out". */
  expectUnauthorized?: boolean;
}

let unauthorizedHandler: (() => void) | undefined;

/** Called when any API call answers 401, so the app can ask the person to sign in again. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends one request to the API; resolves to the parsed JSON body, or undefined for an empty one. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T | undefined> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The backend's CSRF check: a cross-site form cannot set this header.
  if (method !== 'GET') headers['X-Requested-With'] = 'annotate';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Could not reach the server', 'Check that Annotate is running and try again.');
  }

  if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : undefined;
}

/** GET that must answer with a body. */
export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const body = await request<T>('GET', path, { ...(query ? { query } : {}), signal });
  if (body === undefined) throw new ApiError(500, 'Empty answer from the server', `GET ${path} returned no body.`);
  return body;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as ProblemDetails;
  } catch {
    // Not JSON after all: fall back to the status line below.
  }
  const title = problem.title || `${response.status} ${response.statusText || 'Request failed'}`.trim();
  const validation = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return new ApiError(response.status, title, problem.detail || validation || undefined, problem);
}
