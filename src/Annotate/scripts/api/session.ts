import { ApiError, request } from './http';
import type { Session } from './types';

export const sessionApi = {
  /** The signed-in person, or null when nobody is signed in (401, or 204 should the backend prefer it). */
  async current(): Promise<Session | null> {
    try {
      return (await request<Session>('GET', '/api/session', { expectUnauthorized: true })) ?? null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  /** Which sign-in this server takes from here: display names only in local mode (accounts always). */
  async options(): Promise<{ displayName: boolean }> {
    return (await request<{ displayName: boolean }>('GET', '/api/session/options', { expectUnauthorized: true })) ?? { displayName: false };
  },

  /**
   * Signs in with a display name: only a server in local mode allows it (otherwise 403 "An account is needed");
   * `owner` makes the person at the machine the owner of the served corpus's project.
   */
  async signIn(displayName: string, owner = false): Promise<Session> {
    const session = await request<Session>('POST', '/api/session', { body: owner ? { displayName, owner } : { displayName }, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Sign-in failed', 'The server did not return a session.');
    return session;
  },

  /** Signs in with an account: 401 for a wrong name or password, 429 (with the wait in its detail) after repeated failures from this address. */
  async signInWithAccount(userName: string, password: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/session', { body: { userName, password }, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Sign-in failed', 'The server did not return a session.');
    return session;
  },

  /** Ends the session on the server: every copy of the cookie, on any device, stops working. */
  async signOut(): Promise<void> {
    await request('DELETE', '/api/session', { expectUnauthorized: true });
  },
};
