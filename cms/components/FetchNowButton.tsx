'use client'
// "Fetch now" on a calendar source: asks the server to import it at once and says how it went.
import { useState } from 'react'

interface Texts {
  button: string
  running: string
  done: string
  failed: string
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '')

export function FetchNowButton({ endpoint, texts }: { endpoint: string; texts: Texts }) {
  const [running, setRunning] = useState(false)
  const [status, setStatus] = useState('')

  const fetchNow = async () => {
    setRunning(true)
    setStatus(texts.running)
    try {
      const response = await fetch(endpoint, { method: 'POST', credentials: 'include' })
      const body = (await response.json()) as {
        result?: string
        error?: string
        errors?: { message?: string }[]
      }
      setStatus(
        response.ok
          ? fill(texts.done, { result: body.result ?? '' })
          : fill(texts.failed, {
              error: body.error ?? body.errors?.[0]?.message ?? String(response.status),
            }),
      )
    } catch (error) {
      setStatus(fill(texts.failed, { error: String(error) }))
    } finally {
      setRunning(false)
    }
  }

  return (
    <div>
      <button
        type="button"
        className="btn btn--style-secondary"
        disabled={running}
        onClick={fetchNow}
      >
        {texts.button}
      </button>
      <p role="status" aria-live="polite" data-fetch-now-status>
        {status}
      </p>
    </div>
  )
}
