import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`calendar_sources\` ADD \`counts_new_venues\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`needs_review\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`import_source_id\` integer REFERENCES calendar_sources(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`venues_needs_review_idx\` ON \`venues\` (\`needs_review\`);`)
  await db.run(sql`CREATE INDEX \`venues_import_source_idx\` ON \`venues\` (\`import_source_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_venues\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`commune_id\` integer NOT NULL,
  	\`address_street\` text,
  	\`address_postcode\` text,
  	\`address_locality\` text,
  	\`coordinates_latitude\` numeric,
  	\`coordinates_longitude\` numeric,
  	\`slug\` text NOT NULL,
  	\`source_language\` text NOT NULL,
  	\`demo\` integer DEFAULT false,
  	\`seed_checksum\` text,
  	\`translation_lang_lb\` text,
  	\`translation_lang_fr\` text,
  	\`translation_lang_de\` text,
  	\`translation_lang_pt\` text,
  	\`translation_lang_en\` text,
  	\`translation_record\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_venues\`("id", "commune_id", "address_street", "address_postcode", "address_locality", "coordinates_latitude", "coordinates_longitude", "slug", "source_language", "demo", "seed_checksum", "translation_lang_lb", "translation_lang_fr", "translation_lang_de", "translation_lang_pt", "translation_lang_en", "translation_record", "updated_at", "created_at") SELECT "id", "commune_id", "address_street", "address_postcode", "address_locality", "coordinates_latitude", "coordinates_longitude", "slug", "source_language", "demo", "seed_checksum", "translation_lang_lb", "translation_lang_fr", "translation_lang_de", "translation_lang_pt", "translation_lang_en", "translation_record", "updated_at", "created_at" FROM \`venues\`;`)
  await db.run(sql`DROP TABLE \`venues\`;`)
  await db.run(sql`ALTER TABLE \`__new_venues\` RENAME TO \`venues\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`venues_commune_idx\` ON \`venues\` (\`commune_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`venues_slug_idx\` ON \`venues\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`venues_demo_idx\` ON \`venues\` (\`demo\`);`)
  await db.run(sql`CREATE INDEX \`venues_updated_at_idx\` ON \`venues\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`venues_created_at_idx\` ON \`venues\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`calendar_sources\` DROP COLUMN \`counts_new_venues\`;`)
}
