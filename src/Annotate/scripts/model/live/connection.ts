// How connected the page is: the browser's own online flag and the live hub's state, as one state with its words.

export type HubState = 'connecting' | 'connected' | 'reconnecting';
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';

export function connectionOf(online: boolean, hub: HubState): Connection {
  if (!online) return 'offline';
  if (hub === 'connected') return 'live';
  return hub;
}

export const OFFLINE_TEXT = 'Offline — changes are kept in this browser and sent when the connection returns';

/** The indicator's words, and a longer explanation for its tooltip. */
export function connectionText(state: Connection): { label: string; detail: string } {
  switch (state) {
    case 'live':
      return { label: 'Live', detail: 'Connected: changes are saved as you make them, and others’ changes appear as they make them.' };
    case 'connecting':
      return { label: 'Connecting…', detail: 'Connecting to the server.' };
    case 'reconnecting':
      return { label: 'Reconnecting…', detail: 'The server cannot be reached just now; changes are kept in this browser and sent when it answers again.' };
    case 'offline':
      return { label: OFFLINE_TEXT, detail: 'This device has no network connection.' };
  }
}

/** The "Also here" line: while not live, the people shown are who was here when the connection dropped. */
export function presenceText(names: readonly string[], state: Connection): string {
  if (!names.length) return '';
  return state === 'live' ? `Also here: ${names.join(', ')}` : `Also here before the connection dropped (they may have left): ${names.join(', ')}`;
}
