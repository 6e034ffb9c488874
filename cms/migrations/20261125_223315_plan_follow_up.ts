import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`events_attendance_languages_used\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_attendance_languages_used_order_idx\` ON \`events_attendance_languages_used\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_attendance_languages_used_parent_idx\` ON \`events_attendance_languages_used\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_attendance_languages_used\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_attendance_languages_used_order_idx\` ON \`_events_v_version_attendance_languages_used\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_attendance_languages_used_parent_idx\` ON \`_events_v_version_attendance_languages_used\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`actions_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`due\` text,
  	\`done\` integer DEFAULT false,
  	\`done_on\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`actions_milestones_order_idx\` ON \`actions_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`actions_milestones_parent_id_idx\` ON \`actions_milestones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`actions_milestones_locales\` (
  	\`title\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`actions_milestones\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`actions_milestones_locales_locale_parent_id_unique\` ON \`actions_milestones_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_actions_v_version_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`due\` text,
  	\`done\` integer DEFAULT false,
  	\`done_on\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_actions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_actions_v_version_milestones_order_idx\` ON \`_actions_v_version_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_actions_v_version_milestones_parent_id_idx\` ON \`_actions_v_version_milestones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_actions_v_version_milestones_locales\` (
  	\`title\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_actions_v_version_milestones\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_actions_v_version_milestones_locales_locale_parent_id_uniqu\` ON \`_actions_v_version_milestones_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`population_figures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`area\` text NOT NULL,
  	\`commune_id\` integer,
  	\`commune_code\` text,
  	\`period\` text NOT NULL,
  	\`reference_date\` text NOT NULL,
  	\`group\` text NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`source_dataset\` text NOT NULL,
  	\`source_label\` text NOT NULL,
  	\`source_file\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`population_figures_key_idx\` ON \`population_figures\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`population_figures_commune_idx\` ON \`population_figures\` (\`commune_id\`);`)
  await db.run(sql`CREATE INDEX \`population_figures_reference_date_idx\` ON \`population_figures\` (\`reference_date\`);`)
  await db.run(sql`CREATE INDEX \`population_figures_updated_at_idx\` ON \`population_figures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`population_figures_created_at_idx\` ON \`population_figures\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_participants\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_ages_children\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_ages_youth\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_ages_adults\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_ages_seniors\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_participants\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_ages_children\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_ages_youth\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_ages_adults\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_ages_seniors\` numeric;`)
  await db.run(sql`ALTER TABLE \`actions_indicators\` ADD \`source\` text DEFAULT 'manual';`)
  await db.run(sql`ALTER TABLE \`_actions_v_version_indicators\` ADD \`source\` text DEFAULT 'manual';`)
  // The lock table is rebuilt (not ALTERed) so its new foreign key cascades like the others.
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`venues_id\` integer,
  	\`actions_id\` integer,
  	\`goals_id\` integer,
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
  	\`population_figures_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`venues_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`actions_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`goals_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`population_figures_id\`) REFERENCES \`population_figures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_venues_id_idx\` ON \`payload_locked_documents_rels\` (\`venues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_goals_id_idx\` ON \`payload_locked_documents_rels\` (\`goals_id\`);`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_population_figures_id_idx\` ON \`payload_locked_documents_rels\` (\`population_figures_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`events_attendance_languages_used\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_attendance_languages_used\`;`)
  await db.run(sql`DROP TABLE \`actions_milestones\`;`)
  await db.run(sql`DROP TABLE \`actions_milestones_locales\`;`)
  await db.run(sql`DROP TABLE \`_actions_v_version_milestones\`;`)
  await db.run(sql`DROP TABLE \`_actions_v_version_milestones_locales\`;`)
  await db.run(sql`DROP TABLE \`population_figures\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
  	\`venues_id\` integer,
  	\`actions_id\` integer,
  	\`goals_id\` integer,
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
  	FOREIGN KEY (\`venues_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`actions_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`goals_id\`) REFERENCES \`goals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_venues_id_idx\` ON \`payload_locked_documents_rels\` (\`venues_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_goals_id_idx\` ON \`payload_locked_documents_rels\` (\`goals_id\`);`)
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
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_participants\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_ages_children\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_ages_youth\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_ages_adults\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_ages_seniors\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_participants\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_ages_children\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_ages_youth\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_ages_adults\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_ages_seniors\`;`)
  await db.run(sql`ALTER TABLE \`actions_indicators\` DROP COLUMN \`source\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v_version_indicators\` DROP COLUMN \`source\`;`)
}
