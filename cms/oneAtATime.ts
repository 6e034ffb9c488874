// Work that must not overlap with itself: sign-ins of one account, imports of one calendar source.
const queues = new Map<string, Promise<unknown>>()

/** Runs `work` after every earlier call with the same key has finished (in this process). */
export function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(work)
  const settled = result.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return result
}
