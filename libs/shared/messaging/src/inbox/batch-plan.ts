/**
 * How InboxConsumer splits a fetched partition batch into steps, keeping the partition's order:
 * consecutive messages the classifier accepts (a valid event with a handler) form chunks of at most
 * `chunkSize`, each handled in one transaction; any other message is a step of its own, handled by
 * the per-message path in its place.
 */
export type Step<M, P> = { kind: 'chunk'; items: P[] } | { kind: 'single'; message: M };

export function planSteps<M, P>(messages: readonly M[], plain: (m: M) => P | undefined, chunkSize: number): Step<M, P>[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunkSize must be a positive integer, got ${chunkSize}`);
  const steps: Step<M, P>[] = [];
  let chunk: P[] = [];
  const flush = () => {
    if (chunk.length) steps.push({ kind: 'chunk', items: chunk });
    chunk = [];
  };
  for (const m of messages) {
    const p = plain(m);
    if (p === undefined) {
      flush();
      steps.push({ kind: 'single', message: m });
      continue;
    }
    chunk.push(p);
    if (chunk.length >= chunkSize) flush();
  }
  flush();
  return steps;
}
