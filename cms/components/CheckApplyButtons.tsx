'use client'
// The two steps of every file import in the admin: check (a dry run), then apply that file.
export function CheckApplyButtons({
  check,
  apply,
  canCheck,
  canApply,
  send,
}: {
  check: string
  apply: string
  canCheck: boolean
  canApply: boolean
  send: (dryRun: boolean) => Promise<void>
}) {
  return (
    <>
      <button
        type="button"
        className="btn btn--style-secondary"
        disabled={!canCheck}
        onClick={() => void send(true)}
      >
        {check}
      </button>
      <button
        type="button"
        className="btn btn--style-primary"
        disabled={!canApply}
        onClick={() => void send(false)}
      >
        {apply}
      </button>
    </>
  )
}
