// The digest's pure parts: which period a run covers, the signed links, the send queue's rate,
// concurrency and retries, and the form as readers get it.
import { HtmlValidate } from 'html-validate'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { digestPeriod, duePeriods, periodOfKey } from '../../cms/domain/digest'
import { readLink, signLink } from '../../cms/digests/links'
import { deliverWithRetries, runThrottled } from '../../cms/digests/sendQueue'
import { sendDueDigests } from '../../cms/jobs/sendDigests'
import { renderDigestForm } from '../../web/lib/digestForm'

const lux = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Luxembourg' })

describe('digest periods', () => {
  it('a week runs Monday to Monday, a month first Monday to first Monday', () => {
    const week = digestPeriod('weekly', lux('2027-03-10T12:00'))
    expect([week.key, week.start.toISODate(), week.end.toISODate()]).toEqual([
      '2027-W10',
      '2027-03-08',
      '2027-03-15',
    ])
    const month = digestPeriod('monthly', lux('2027-03-10T12:00'))
    expect([month.key, month.start.toISODate(), month.end.toISODate()]).toEqual([
      '2027-03',
      '2027-03-01',
      '2027-04-05',
    ])
    // Before March's first Monday (1 March 2027 is one) the day belongs to February's period.
    expect(digestPeriod('monthly', lux('2027-02-28T12:00')).key).toBe('2027-02')
  })

  it('reads a period back from its key and refuses anything else', () => {
    expect(periodOfKey('2027-W10')!.start.toISODate()).toBe('2027-03-08')
    expect(periodOfKey('2027-05')!.start.toISODate()).toBe('2027-05-03')
    for (const bad of ['2027-W54', '2027-13', 'next week', '2027-W1'])
      expect(periodOfKey(bad)).toBeNull()
  })

  it('is due on Mondays from 07:00 Luxembourg time; the month on its first Monday', () => {
    expect(duePeriods(lux('2027-03-08T06:59'))).toEqual([])
    expect(duePeriods(lux('2027-03-08T07:00')).map((p) => p.key)).toEqual(['2027-W10'])
    expect(duePeriods(lux('2027-03-01T07:30')).map((p) => p.key)).toEqual(['2027-W09', '2027-03'])
    expect(duePeriods(lux('2027-03-09T07:30'))).toEqual([])
    // 07:00 in Luxembourg is 05:00 UTC in summer.
    expect(duePeriods(DateTime.fromISO('2027-07-05T05:00:00Z')).length).toBe(2)
  })
})

describe('the Monday job', () => {
  it('runs the due digests only from Monday 07:00, and fails when the run stops', async () => {
    const calls: string[][] = []
    const run = async (args: string[]) => {
      calls.push(args)
      return { code: 0, out: 'log line\n{"2027-W10":{"sent":3}}\n' }
    }
    expect(await sendDueDigests(lux('2027-03-08T06:30'), run)).toBe('nothing due')
    expect(calls).toEqual([])
    expect(await sendDueDigests(lux('2027-03-08T07:07'), run)).toBe('{"2027-W10":{"sent":3}}')
    expect(calls).toEqual([['--due', '--send', '--json']])
    const killed = async () => ({ code: null, out: '' })
    await expect(sendDueDigests(lux('2027-03-08T08:07'), killed)).rejects.toThrow(/resumes it/)
  })
})

describe('signed links', () => {
  const secret = 'x'.repeat(40)
  const subject = { id: 42, linkGeneration: 3 }

  it('accepts its own links for their purpose only, and refuses forged or expired ones', () => {
    const manage = signLink(secret, 'manage', subject)
    expect(readLink(secret, 'manage', manage)).toEqual({ ok: true, id: '42', generation: 3 })
    expect(readLink(secret, 'unsubscribe', manage)).toMatchObject({ ok: false })
    expect(readLink('y'.repeat(40), 'manage', manage)).toMatchObject({ ok: false })
    expect(readLink(secret, 'manage', manage.replace('.3.', '.4.'))).toMatchObject({ ok: false })
    const confirm = signLink(secret, 'confirm', subject, 1_000_000)
    expect(readLink(secret, 'confirm', confirm, 999_999)).toMatchObject({ ok: true })
    expect(readLink(secret, 'confirm', confirm, 1_000_001)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })
})

describe('the send queue', () => {
  it('starts at most the rate a minute and the concurrency at once', async () => {
    let now = 0
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms
      },
    }
    const starts: number[] = []
    let running = 0
    let most = 0
    await runThrottled(
      [1, 2, 3, 4, 5, 6],
      { ratePerMinute: 60, concurrency: 2 },
      async () => {
        starts.push(now)
        running += 1
        most = Math.max(most, running)
        await Promise.resolve()
        running -= 1
      },
      clock,
    )
    expect(starts).toEqual([0, 1000, 2000, 3000, 4000, 5000])
    expect(most).toBeLessThanOrEqual(2)
  })

  it('tries a temporary failure again, waiting longer each time; not a permanent one', async () => {
    const waits: number[] = []
    const sleep = async (ms: number) => void waits.push(ms)
    let calls = 0
    const flaky = () =>
      ++calls < 3
        ? Promise.reject(Object.assign(new Error('busy'), { responseCode: 451 }))
        : Promise.resolve()
    expect(await deliverWithRetries(flaky, { retries: 3, backoffMs: 100 }, sleep)).toEqual({
      ok: true,
    })
    expect(waits).toEqual([100, 200])
    const gone = () =>
      Promise.reject(Object.assign(new Error('no such user'), { responseCode: 550 }))
    expect(await deliverWithRetries(gone, { retries: 3, backoffMs: 100 }, sleep)).toEqual({
      ok: false,
      permanent: true,
      message: 'no such user',
    })
    expect(waits).toHaveLength(2)
  })
})

describe('the digest form', () => {
  const choices = {
    languages: [{ value: 'pt', label: 'Português', lang: 'pt' }],
    communes: [{ value: 'remich', label: 'Remich' }],
    categories: [{ value: 'culture', label: 'Cultura' }],
    targetGroups: [],
    spoken: [{ value: 'pt', label: 'português' }],
  }
  const form = (extra = {}) =>
    renderDigestForm({
      lang: 'pt',
      choices,
      action: '/api/digest/subscribe?lang=pt',
      privacyHref: '/pt/privacy/',
      unconfirmedDays: 7,
      ...extra,
    })
  const validate = (html: string) =>
    new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(
      `<!DOCTYPE html><html lang="pt"><head><title>t</title></head><body><main>${html}</main></body></html>`,
    )

  it('is valid HTML that posts without script: address, consent and the privacy link', async () => {
    const html = form()
    const report = await validate(html)
    expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([])
    expect(html).toMatch(
      /<form class="z-form" method="post" novalidate action="\/api\/digest\/subscribe\?lang=pt"/,
    )
    expect(html).toMatch(/<input id="submit-email" name="email" required[^>]* type="email"/)
    expect(html).toMatch(/name="consent" value="yes" required/)
    expect(html).toContain('<a href="/pt/privacy/">')
    expect(html).toContain('ao fim de 7 dias')
    expect(html).toMatch(
      /type="radio" id="submit-frequency" name="frequency" value="weekly" checked/,
    )
    expect(html).toContain('name="website"')
  })

  it('changing the choices needs no address and offers to unsubscribe', async () => {
    const html = form({
      action: '/api/digest/manage?lang=pt&token=t',
      unsubscribeAction: '/api/digest/unsubscribe?lang=pt&token=t',
      values: new Map([['communes', ['remich']]]),
    })
    expect((await validate(html)).valid).toBe(true)
    expect(html).not.toContain('name="email"')
    expect(html).not.toContain('name="consent"')
    expect(html).toMatch(/name="communes" value="remich" checked/)
    expect(html.match(/<form /g)).toHaveLength(2)
    expect(html).toContain('action="/api/digest/unsubscribe?lang=pt&amp;token=t"')
  })
})
