/**
 * A refresh that never runs twice at once and never misses a request: a call while a run is under way asks for one
 * more run after it (any number of such calls make one), and gets the promise of the round that will include it.
 * `keepGoing` (say, "the page is still open") decides whether that extra run happens. A run that throws ends its
 * round and rejects the round's promise; the next call starts afresh, so a failure never wedges it.
 */
export function coalescedRefresh(run: () => Promise<void>, keepGoing: () => boolean = () => true): () => Promise<void> {
  let busy = false;
  let again = false;
  let round: Promise<void> = Promise.resolve();
  return () => {
    if (busy) {
      again = true;
      return round;
    }
    busy = true;
    round = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again && keepGoing());
      } finally {
        busy = false;
      }
    })();
    return round;
  };
}
