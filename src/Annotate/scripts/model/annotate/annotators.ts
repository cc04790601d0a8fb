// One colour per annotator, stable across sessions and browsers (derived from the user id).

const PALETTE = ['#d1495b', '#2e86ab', '#edae49', '#3b8b5a', '#8e5ea2', '#e07a5f', '#00798c', '#b5651d', '#6a4c93', '#c2185b'];

export function annotatorColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]!;
}

/** Initials for a small marker: "Ann Lee" → "AL", "bob" → "B". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join('') || '?';
}
