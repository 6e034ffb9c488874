// The in-process write queue for SQLite and the per-account queue of session changes.
import { describe, expect, it } from 'vitest'
import { oneAtATime } from '../../cms/oneAtATime'
import { isReadOnly, WriteGate, WriteGateTimeout } from '../../cms/writeGate'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WriteGate', () => {
  it('lets one writer in at a time, first come first served', async () => {
    const gate = new WriteGate()
    const log: string[] = []
    const writer = (name: string) =>
      gate.run(async () => {
        log.push(`${name} in`)
        await tick()
        log.push(`${name} out`)
      })
    await Promise.all([writer('a'), writer('b'), writer('c')])
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
    expect(gate.queued).toBe(0)
  })

  it('passes the lock on after a writer fails', async () => {
    const gate = new WriteGate()
    const failing = gate.run(async () => {
      throw new Error('constraint')
    })
    await expect(failing).rejects.toThrow('constraint')
    await expect(gate.run(async () => 'next')).resolves.toBe('next')
  })

  it('gives up a wait that lasts too long, and the queue goes on', async () => {
    const gate = new WriteGate(30)
    const release = await gate.acquire()
    const waiting = gate.acquire()
    await expect(waiting).rejects.toBeInstanceOf(WriteGateTimeout)
    expect(gate.queued).toBe(1)
    release()
    release() // a second release changes nothing
    expect(gate.queued).toBe(0)
    const again = await gate.acquire()
    expect(gate.queued).toBe(1)
    again()
  })

  it('tells reads from writes', () => {
    expect(isReadOnly('select * from "events"')).toBe(true)
    expect(isReadOnly({ sql: '  SELECT 1', args: [] })).toBe(true)
    expect(isReadOnly('pragma journal_mode')).toBe(true)
    expect(isReadOnly('with x as (select 1) select * from x')).toBe(true)
    expect(isReadOnly('insert into "events" ("id") values (?)')).toBe(false)
    expect(isReadOnly('update "users" set "updated_at" = ?')).toBe(false)
    expect(isReadOnly('with x as (select 1) delete from "events"')).toBe(false)
    expect(isReadOnly('PRAGMA busy_timeout = 5000')).toBe(false)
    expect(isReadOnly('delete from "events_locales"')).toBe(false)
  })
})

describe('oneAtATime', () => {
  it('queues work with the same key and runs other keys alongside', async () => {
    const log: string[] = []
    const work = (name: string) => async () => {
      log.push(`${name} in`)
      await tick()
      log.push(`${name} out`)
      return name
    }
    const results = await Promise.all([
      oneAtATime('ana@example.org', work('a1')),
      oneAtATime('ana@example.org', work('a2')),
      oneAtATime('ben@example.org', work('b1')),
    ])
    expect(results).toEqual(['a1', 'a2', 'b1'])
    expect(log.indexOf('a1 out')).toBeLessThan(log.indexOf('a2 in'))
    expect(log.indexOf('b1 in')).toBeLessThan(log.indexOf('a1 out'))
  })

  it('goes on after a failure', async () => {
    const failed = oneAtATime('k', async () => {
      throw new Error('wrong password')
    })
    await expect(failed).rejects.toThrow('wrong password')
    await expect(oneAtATime('k', async () => 'next')).resolves.toBe('next')
  })
})
