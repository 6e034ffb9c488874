import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`digest_subscriptions_spoken\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`digest_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_spoken_order_idx\` ON \`digest_subscriptions_spoken\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_spoken_parent_idx\` ON \`digest_subscriptions_spoken\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`digest_subscriptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`language\` text NOT NULL,
  	\`frequency\` text DEFAULT 'weekly' NOT NULL,
  	\`consent_at\` text NOT NULL,
  	\`confirmed_at\` text,
  	\`link_generation\` numeric DEFAULT 0,
  	\`last_sent_period\` text,
  	\`sending_period\` text,
  	\`failures\` numeric DEFAULT 0,
  	\`last_error\` text,
  	\`paused_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`digest_subscriptions_email_idx\` ON \`digest_subscriptions\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_confirmed_at_idx\` ON \`digest_subscriptions\` (\`confirmed_at\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_last_sent_period_idx\` ON \`digest_subscriptions\` (\`last_sent_period\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_paused_at_idx\` ON \`digest_subscriptions\` (\`paused_at\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_updated_at_idx\` ON \`digest_subscriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_created_at_idx\` ON \`digest_subscriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`digest_subscriptions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communes_id\` integer,
  	\`categories_id\` integer,
  	\`target_groups_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`digest_subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_order_idx\` ON \`digest_subscriptions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_parent_idx\` ON \`digest_subscriptions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_path_idx\` ON \`digest_subscriptions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_communes_id_idx\` ON \`digest_subscriptions_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_categories_id_idx\` ON \`digest_subscriptions_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`digest_subscriptions_rels_target_groups_id_idx\` ON \`digest_subscriptions_rels\` (\`target_groups_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`digest_subscriptions_id\` integer REFERENCES digest_subscriptions(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_digest_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`digest_subscriptions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`digest_subscriptions_spoken\`;`)
  await db.run(sql`DROP TABLE \`digest_subscriptions\`;`)
  await db.run(sql`DROP TABLE \`digest_subscriptions_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`calendar_sources_id\` integer,
  	\`venues_id\` integer,
  	\`actions_id\` integer,
  	\`goals_id\` integer,
  	\`population_figures_id\` integer,
  	\`resources_id\` integer,
  	\`organisations_id\` integer,
  	\`communes_id\` integer,
  	\`categories_id\` integer,
  	\`target_groups_id\` integer,
  	\`pages_id\` integer,
  	\`media_id\` integer,
  	\`submissions_id\` integer,
  	\`submission_images_id\` integer,
  	\`users_id\` integer,
  	\`site_builds_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`calendar_sources_id\`) REFERENCES \`calendar_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`venues_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`actions_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`goals_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`population_figures_id\`) REFERENCES \`population_figures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resources_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`target_groups_id\`) REFERENCES \`target_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submissions_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submission_images_id\`) REFERENCES \`submission_images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "calendar_sources_id", "venues_id", "actions_id", "goals_id", "population_figures_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "events_id", "calendar_sources_id", "venues_id", "actions_id", "goals_id", "population_figures_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_venues_id_idx\` ON \`payload_locked_documents_rels\` (\`venues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_goals_id_idx\` ON \`payload_locked_documents_rels\` (\`goals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_population_figures_id_idx\` ON \`payload_locked_documents_rels\` (\`population_figures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resources_id_idx\` ON \`payload_locked_documents_rels\` (\`resources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communes_id_idx\` ON \`payload_locked_documents_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_target_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`target_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submission_images_id_idx\` ON \`payload_locked_documents_rels\` (\`submission_images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
}
