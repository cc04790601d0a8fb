// How the annotate view names other people: as they call themselves, or anonymised for a class shown on a projector
// ("Student 1", "Teacher", as the server numbers them, so every page agrees).

/** Someone the anonymous list does not know yet (they joined after the page loaded): never their own name. */
export const unknownPerson = 'A student';

export class PeopleNames {
  private readonly names = new Map<string, string>();

  /** anonymous: names come only from set(); a person not in it is unknownPerson, never the name they gave. */
  constructor(readonly anonymous: boolean) {}

  /** The server's anonymous names (GET /api/projects/{p}/anonymous-names). */
  set(list: readonly { id: string; name: string }[]): void {
    this.names.clear();
    for (const person of list) this.names.set(person.id, person.name);
  }

  /** Called once for each person an anonymous page meets but cannot number yet (to ask the server again). */
  onUnknown: ((userId: string) => void) | null = null;
  private readonly asked = new Set<string>();

  /** The name to show for userId, whose own name is `own`. */
  name(userId: string, own: string): string {
    if (!this.anonymous) return own;
    const name = this.names.get(userId);
    if (name !== undefined) return name;
    if (!this.asked.has(userId)) {
      this.asked.add(userId);
      this.onUnknown?.(userId);
    }
    return unknownPerson;
  }

  /** False when an anonymous page meets someone it cannot number yet (time to ask the server again). */
  knows(userId: string): boolean {
    return !this.anonymous || this.names.has(userId);
  }
}

/** Everyone by their own name. */
export const ownNames = new PeopleNames(false);
