import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`events_status_created_at_idx\` ON \`events\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`actions_status_created_at_idx\` ON \`actions\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`resources_status_created_at_idx\` ON \`resources\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_status_created_at_idx\` ON \`pages\` (\`_status\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`events_status_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`actions_status_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`resources_status_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`pages_status_created_at_idx\`;`)
}
