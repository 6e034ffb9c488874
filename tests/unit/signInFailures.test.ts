// The failed sign-in count: per address and client together, forgotten after its window, bounded.
import { describe, expect, it } from 'vitest'
import { FailureCounter, type FailureLimit } from '../../cms/security/signInFailures'

const limit: FailureLimit = { failures: 3, windowMs: 60_000, maxAddresses: 4 }

function counter() {
  const clock = { now: 1_000_000 }
  return { clock, failures: new FailureCounter(limit, () => clock.now) }
}

const failTimes = (failures: FailureCounter, address: string, client: string, times: number) => {
  for (let i = 0; i < times; i += 1) failures.fail(address, client)
}

describe('failed sign-ins', () => {
  it('hold back a client for an address only after the limit', () => {
    const { failures } = counter()
    failTimes(failures, 'a@example.org', 'client-1', 2)
    expect(failures.check('a@example.org', 'client-1')).toEqual({ heldBack: false })
    failures.fail('a@example.org', 'client-1')
    expect(failures.check('a@example.org', 'client-1')).toEqual({
      heldBack: true,
      retryAfterSeconds: 60,
    })
    expect(failures.check('a@example.org', 'client-2')).toEqual({ heldBack: false })
    expect(failures.check('b@example.org', 'client-1')).toEqual({ heldBack: false })
  })

  it('are forgotten a window after the last failure', () => {
    const { clock, failures } = counter()
    failTimes(failures, 'a@example.org', 'client-1', 3)
    clock.now += 45_000
    expect(failures.check('a@example.org', 'client-1')).toMatchObject({ retryAfterSeconds: 15 })
    clock.now += 15_000
    expect(failures.check('a@example.org', 'client-1')).toEqual({ heldBack: false })
    // A new failure starts a new count.
    failures.fail('a@example.org', 'client-1')
    expect(failures.check('a@example.org', 'client-1')).toEqual({ heldBack: false })
  })

  it('end for a client at its successful sign-in, and for every client when cleared', () => {
    const { failures } = counter()
    failTimes(failures, 'a@example.org', 'client-1', 2)
    failTimes(failures, 'a@example.org', 'client-2', 3)
    failures.succeed('a@example.org', 'client-1')
    failures.fail('a@example.org', 'client-1')
    expect(failures.check('a@example.org', 'client-1')).toEqual({ heldBack: false })
    expect(failures.check('a@example.org', 'client-2').heldBack).toBe(true)
    failures.clear('a@example.org')
    expect(failures.check('a@example.org', 'client-2')).toEqual({ heldBack: false })
    expect(failures.size).toBe(0)
  })

  it('keep at most the bound of addresses, forgetting expired and then the oldest first', () => {
    const { clock, failures } = counter()
    failures.fail('old@example.org', 'client-1')
    clock.now += 61_000
    for (const name of ['b', 'c', 'd', 'e']) failTimes(failures, `${name}@example.org`, 'c', 3)
    // The expired address went first; the four live ones fit.
    expect(failures.size).toBe(4)
    failTimes(failures, 'f@example.org', 'c', 3)
    expect(failures.size).toBe(4)
    expect(failures.check('b@example.org', 'c')).toEqual({ heldBack: false })
    for (const name of ['c', 'd', 'e', 'f'])
      expect(failures.check(`${name}@example.org`, 'c').heldBack).toBe(true)
  })
})
