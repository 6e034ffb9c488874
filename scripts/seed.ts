// npm run seed [-- --without-demo]: loads content/ into the database (idempotent).
import { isEmpty, openPayload } from '../cms/openPayload'
import { seed } from '../cms/seed'

const withoutDemo = process.argv.includes('--without-demo')
const onlyIfEmpty = process.argv.includes('--if-empty')

const payload = await openPayload()
try {
  if (onlyIfEmpty && !(await isEmpty(payload))) {
    console.log('Database already has content; seed skipped.')
  } else {
    if (onlyIfEmpty) console.log('Empty database: seeding reference and demo content…')
    const started = performance.now()
    const report = await seed(payload, { demo: !withoutDemo, log: (line) => console.log(line) })
    const total = Object.values(report).reduce(
      (sum, counts) => ({
        created: sum.created + counts.created,
        updated: sum.updated + counts.updated,
        unchanged: sum.unchanged + counts.unchanged,
      }),
      { created: 0, updated: 0, unchanged: 0 },
    )
    console.log(
      `Seed done in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged.`,
    )
  }
} catch (error) {
  console.error(`Seed failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
