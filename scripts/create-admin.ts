// npm run create-admin -- --email you@example.lu --name "Your Name"
// Asks for the password on the terminal (or reads ADMIN_PASSWORD); there is no default password.
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { openPayload } from '../cms/openPayload'
import { passwordProblem } from '../cms/domain/password'
import { message } from '../cms/i18n/messages'
import { isEmail } from '../cms/domain/validation'

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' } },
})

function fail(text: string): never {
  console.error(text)
  process.exit(1)
}

if (!values.email || !isEmail(values.email)) {
  fail('Usage: npm run create-admin -- --email you@example.lu --name "Your Name"')
}

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD
  if (!process.stdin.isTTY) fail('No terminal to ask for a password: set ADMIN_PASSWORD instead.')
  const terminal = createInterface({ input: process.stdin, output: process.stdout })
  const password = await terminal.question('Password (at least 12 characters): ')
  terminal.close()
  return password
}

const password = await askPassword()
const problem = passwordProblem(password, [values.email, values.name])
if (problem) fail(message(problem.key, 'en', problem.vars))

const payload = await openPayload()
try {
  const user = await payload.create({
    collection: 'users',
    data: { email: values.email, name: values.name ?? values.email, password, roles: ['admin'] },
  })
  console.log(`Admin ${user.email} created. Sign in at /admin.`)
} catch (error) {
  console.error(`Could not create the admin: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
