'use client'
// Import of actions and indicator values: check the file (a dry run listing every change and
// every wrong line), then apply exactly that file.
import { useState } from 'react'
import { CheckApplyButtons } from './CheckApplyButtons'

interface Texts {
  title: string
  file: string
  check: string
  apply: string
  noChange: string
  changes: string
  applied: string
  errors: string
  line: string
  what: string
  from: string
  to: string
}

interface Report {
  applied: boolean
  changes: { line: number; action: string; what: string; from: string; to: string }[]
  errors: { line: number; message: string }[]
  error?: string
}

const fill = (template: string, count: number) => template.replace('{{count}}', String(count))

export function CsvImportForm({ texts }: { texts: Texts }) {
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [checked, setChecked] = useState(false)

  const send = async (dryRun: boolean) => {
    if (!file) return
    const response = await fetch(`/api/reports/actions.csv${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'text/csv' },
      body: await file.arrayBuffer(),
    })
    const body = (await response.json()) as Report
    setReport(
      body.error
        ? { applied: false, changes: [], errors: [{ line: 0, message: body.error }] }
        : body,
    )
    setChecked(dryRun && response.ok && body.errors.length === 0 && body.changes.length > 0)
  }

  return (
    <div>
      <h3>{texts.title}</h3>
      <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          {texts.file}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setReport(null)
              setChecked(false)
            }}
          />
        </label>
        <CheckApplyButtons {...{ ...texts, send }} canCheck={Boolean(file)} canApply={checked} />
      </p>
      <div role="status">
        {report && report.errors.length > 0 && (
          <>
            <p>{texts.errors}</p>
            <ul>
              {report.errors.map((error) => (
                <li key={`${error.line}-${error.message}`}>
                  {error.line > 0 ? `${texts.line} ${error.line}: ` : ''}
                  {error.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {report && report.errors.length === 0 && report.changes.length === 0 && (
          <p>{texts.noChange}</p>
        )}
        {report && report.errors.length === 0 && report.changes.length > 0 && (
          <p>
            {report.applied
              ? fill(texts.applied, report.changes.length)
              : fill(texts.changes, report.changes.length)}
          </p>
        )}
      </div>
      {report && report.changes.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{texts.line}</th>
              <th scope="col">{texts.what}</th>
              <th scope="col">{texts.from}</th>
              <th scope="col">{texts.to}</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((change) => (
              <tr key={`${change.line}-${change.what}`}>
                <td>{change.line}</td>
                <td>
                  {change.action}: {change.what}
                </td>
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
