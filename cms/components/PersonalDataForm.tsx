'use client'
// Export or erase one person's submissions by email address (see PersonalDataTool).
import { useState } from 'react'

interface Texts {
  title: string
  intro: string
  email: string
  exportLabel: string
  erase: string
  confirm: string
  erased: string
  failed: string
}

const ENDPOINT = '/api/submissions/personal-data'
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))

export function PersonalDataForm({ texts }: { texts: Texts }) {
  const [email, setEmail] = useState('')
  const [status, setStatus] = useState('')
  const valid = /^[^\s@]+@[^\s@]+$/.test(email.trim())

  const erase = async () => {
    if (!window.confirm(fill(texts.confirm, { email: email.trim() }))) return
    setStatus('')
    try {
      const response = await fetch(`${ENDPOINT}/erase`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.trim() }),
      })
      const body = (await response.json()) as {
        deleted?: number
        anonymised?: number
        error?: string
      }
      setStatus(
        response.ok
          ? fill(texts.erased, { deleted: body.deleted ?? 0, anonymised: body.anonymised ?? 0 })
          : fill(texts.failed, { error: body.error ?? String(response.status) }),
      )
    } catch (error) {
      setStatus(fill(texts.failed, { error: String(error) }))
    }
  }

  return (
    <section
      aria-labelledby="zesummen-personal-data"
      style={{
        margin: '0 0 2rem',
        padding: '1rem',
        border: '1px solid var(--theme-elevation-150)',
      }}
    >
      <h2 id="zesummen-personal-data" style={{ marginTop: 0 }}>
        {texts.title}
      </h2>
      <p>{texts.intro}</p>
      <form
        method="get"
        action={ENDPOINT}
        onSubmit={(event) => {
          if (!valid) event.preventDefault()
        }}
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}
      >
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          {texts.email}
          <input
            type="email"
            name="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            style={{ minHeight: 40, minWidth: '18rem' }}
          />
        </label>
        <button className="btn btn--style-secondary" type="submit" disabled={!valid}>
          {texts.exportLabel}
        </button>
        <button
          className="btn btn--style-primary"
          type="button"
          disabled={!valid}
          onClick={() => void erase()}
        >
          {texts.erase}
        </button>
      </form>
      <p role="status">{status}</p>
    </section>
  )
}
