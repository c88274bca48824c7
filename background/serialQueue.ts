/**
 * Runs async work one piece after another, in call order: a read-modify-write inside never interleaves with
 * another, and a failure does not block what comes next.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
