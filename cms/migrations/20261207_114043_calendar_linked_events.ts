import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`calendar_sources\` ADD \`counts_linked\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`calendar_sources_rels\` ADD \`events_id\` integer REFERENCES events(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_events_id_idx\` ON \`calendar_sources_rels\` (\`events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_calendar_sources_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communes_id\` integer,
  	\`categories_id\` integer,
  	\`target_groups_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`calendar_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_calendar_sources_rels\`("id", "order", "parent_id", "path", "communes_id", "categories_id", "target_groups_id") SELECT "id", "order", "parent_id", "path", "communes_id", "categories_id", "target_groups_id" FROM \`calendar_sources_rels\`;`)
  await db.run(sql`DROP TABLE \`calendar_sources_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_calendar_sources_rels\` RENAME TO \`calendar_sources_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_order_idx\` ON \`calendar_sources_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_parent_idx\` ON \`calendar_sources_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_path_idx\` ON \`calendar_sources_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_communes_id_idx\` ON \`calendar_sources_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_categories_id_idx\` ON \`calendar_sources_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_target_groups_id_idx\` ON \`calendar_sources_rels\` (\`target_groups_id\`);`)
  await db.run(sql`ALTER TABLE \`calendar_sources\` DROP COLUMN \`counts_linked\`;`)
}
