'use client'
// Import of a translated file (XLIFF or CSV exported from the translation panel): check first
// (every change and warning listed), then import exactly that file.
import { useState } from 'react'
import { CheckApplyButtons } from './CheckApplyButtons'

interface Texts {
  title: string
  file: string
  check: string
  apply: string
  accept: string
  publish: string
  changes: string
  applied: string
  noChange: string
  warnings: string
  failed: string
  field: string
  before: string
  after: string
}

interface Report {
  applied?: boolean
  changes?: { id: string; field: string; from: string; to: string }[]
  warnings?: { id: string; field: string; message: string }[]
  error?: string
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))

export function TranslationImportForm({ endpoint, texts }: { endpoint: string; texts: Texts }) {
  const [file, setFile] = useState<File | null>(null)
  const [acceptChanged, setAcceptChanged] = useState(false)
  const [publish, setPublish] = useState(false)
  const [report, setReport] = useState<Report | null>(null)
  const [checked, setChecked] = useState(false)

  const send = async (dryRun: boolean) => {
    if (!file) return
    const query = new URLSearchParams()
    if (dryRun) query.set('dryRun', '1')
    if (acceptChanged) query.set('acceptChanged', '1')
    if (publish) query.set('publish', '1')
    const response = await fetch(`${endpoint}?${query}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/octet-stream' },
      body: await file.arrayBuffer(),
    })
    const body = (await response.json()) as Report
    setReport(body)
    setChecked(dryRun && response.ok && (body.changes?.length ?? 0) > 0)
  }
  const reset = () => {
    setReport(null)
    setChecked(false)
  }
  const changes = report?.changes ?? []

  return (
    <div data-translation-import>
      <h4>{texts.title}</h4>
      <p style={{ display: 'grid', gap: '0.5rem' }}>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          {texts.file}
          <input
            type="file"
            accept=".xlf,.xliff,.csv,application/xliff+xml,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              reset()
            }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={acceptChanged}
            onChange={(event) => {
              setAcceptChanged(event.target.checked)
              reset()
            }}
          />{' '}
          {texts.accept}
        </label>
        <label>
          <input
            type="checkbox"
            checked={publish}
            onChange={(event) => setPublish(event.target.checked)}
          />{' '}
          {texts.publish}
        </label>
      </p>
      <p style={{ display: 'flex', gap: '0.5rem' }}>
        <CheckApplyButtons {...{ ...texts, send }} canCheck={Boolean(file)} canApply={checked} />
      </p>
      <div role="status">
        {report?.error && <p>{fill(texts.failed, { error: report.error })}</p>}
        {report && !report.error && changes.length === 0 && <p>{texts.noChange}</p>}
        {report && !report.error && changes.length > 0 && (
          <p>{fill(report.applied ? texts.applied : texts.changes, { count: changes.length })}</p>
        )}
        {(report?.warnings?.length ?? 0) > 0 && (
          <>
            <p>{texts.warnings}</p>
            <ul>
              {report!.warnings!.map((warning) => (
                <li key={warning.id}>
                  {warning.field}: {warning.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {changes.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{texts.field}</th>
              <th scope="col">{texts.before}</th>
              <th scope="col">{texts.after}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id}>
                <td>{change.field}</td>
                <td>{change.from}</td>
                <td>{change.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
