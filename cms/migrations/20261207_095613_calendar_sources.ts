import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`calendar_sources_category_mapping\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`word\` text NOT NULL,
  	\`category_id\` integer NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`calendar_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`calendar_sources_category_mapping_order_idx\` ON \`calendar_sources_category_mapping\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_category_mapping_parent_id_idx\` ON \`calendar_sources_category_mapping\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_category_mapping_category_idx\` ON \`calendar_sources_category_mapping\` (\`category_id\`);`)
  await db.run(sql`CREATE TABLE \`calendar_sources_skipped_reasons\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`calendar_sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`calendar_sources_skipped_reasons_order_idx\` ON \`calendar_sources_skipped_reasons\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_skipped_reasons_parent_id_idx\` ON \`calendar_sources_skipped_reasons\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`calendar_sources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`organiser_id\` integer,
  	\`language\` text DEFAULT 'fr' NOT NULL,
  	\`arrival\` text DEFAULT 'draft' NOT NULL,
  	\`on_removal\` text DEFAULT 'cancel' NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`interval_minutes\` numeric DEFAULT 60 NOT NULL,
  	\`last_fetched_at\` text,
  	\`last_result\` text,
  	\`counts_new\` numeric DEFAULT 0,
  	\`counts_updated\` numeric DEFAULT 0,
  	\`counts_unchanged\` numeric DEFAULT 0,
  	\`counts_removed\` numeric DEFAULT 0,
  	\`counts_skipped\` numeric DEFAULT 0,
  	\`etag\` text,
  	\`last_modified\` text,
  	\`failures\` numeric DEFAULT 0,
  	\`next_fetch_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organiser_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`calendar_sources_organiser_idx\` ON \`calendar_sources\` (\`organiser_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_next_fetch_at_idx\` ON \`calendar_sources\` (\`next_fetch_at\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_updated_at_idx\` ON \`calendar_sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_created_at_idx\` ON \`calendar_sources\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`calendar_sources_rels\` (
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
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_order_idx\` ON \`calendar_sources_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_parent_idx\` ON \`calendar_sources_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_path_idx\` ON \`calendar_sources_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_communes_id_idx\` ON \`calendar_sources_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_categories_id_idx\` ON \`calendar_sources_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`calendar_sources_rels_target_groups_id_idx\` ON \`calendar_sources_rels\` (\`target_groups_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_source_id\` integer REFERENCES calendar_sources(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_uid\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_sequence\` numeric;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_modified\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_hash\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_location\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_url\` text;`)
  await db.run(sql`CREATE INDEX \`events_import_source_idx\` ON \`events\` (\`import_source_id\`);`)
  await db.run(sql`CREATE INDEX \`events_import_uid_idx\` ON \`events\` (\`import_uid\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_source_id\` integer REFERENCES calendar_sources(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_uid\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_sequence\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_modified\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_hash\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_location\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_url\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_import_source_idx\` ON \`_events_v\` (\`version_import_source_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_import_uid_idx\` ON \`_events_v\` (\`version_import_uid\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`calendar_sources_id\` integer REFERENCES calendar_sources(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_sources_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`calendar_sources_category_mapping\`;`)
  await db.run(sql`DROP TABLE \`calendar_sources_skipped_reasons\`;`)
  await db.run(sql`DROP TABLE \`calendar_sources\`;`)
  await db.run(sql`DROP TABLE \`calendar_sources_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`start\` text,
  	\`start_tz\` text DEFAULT 'Europe/Luxembourg',
  	\`end\` text,
  	\`end_tz\` text DEFAULT 'Europe/Luxembourg',
  	\`all_day\` integer DEFAULT false,
  	\`recurrence_frequency\` text,
  	\`recurrence_interval\` numeric DEFAULT 1,
  	\`recurrence_until\` text,
  	\`recurrence_count\` numeric,
  	\`status\` text DEFAULT 'scheduled',
  	\`venue_id\` integer,
  	\`online_url\` text,
  	\`organiser_id\` integer,
  	\`price_free\` integer DEFAULT true,
  	\`price_amount_euro\` numeric,
  	\`registration_required\` integer DEFAULT false,
  	\`registration_url\` text,
  	\`registration_email\` text,
  	\`registration_phone\` text,
  	\`registration_deadline\` text,
  	\`registration_capacity\` numeric,
  	\`attendance_participants\` numeric,
  	\`attendance_ages_children\` numeric,
  	\`attendance_ages_youth\` numeric,
  	\`attendance_ages_adults\` numeric,
  	\`attendance_ages_seniors\` numeric,
  	\`image_id\` integer,
  	\`action_id\` integer,
  	\`slug\` text,
  	\`source_language\` text,
  	\`demo\` integer DEFAULT false,
  	\`uid\` text,
  	\`sequence\` numeric DEFAULT 0,
  	\`seed_checksum\` text,
  	\`translation_lang_lb\` text,
  	\`translation_lang_fr\` text,
  	\`translation_lang_de\` text,
  	\`translation_lang_pt\` text,
  	\`translation_lang_en\` text,
  	\`translation_record\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`venue_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organiser_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`action_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "start", "start_tz", "end", "end_tz", "all_day", "recurrence_frequency", "recurrence_interval", "recurrence_until", "recurrence_count", "status", "venue_id", "online_url", "organiser_id", "price_free", "price_amount_euro", "registration_required", "registration_url", "registration_email", "registration_phone", "registration_deadline", "registration_capacity", "attendance_participants", "attendance_ages_children", "attendance_ages_youth", "attendance_ages_adults", "attendance_ages_seniors", "image_id", "action_id", "slug", "source_language", "demo", "uid", "sequence", "seed_checksum", "translation_lang_lb", "translation_lang_fr", "translation_lang_de", "translation_lang_pt", "translation_lang_en", "translation_record", "updated_at", "created_at", "_status") SELECT "id", "start", "start_tz", "end", "end_tz", "all_day", "recurrence_frequency", "recurrence_interval", "recurrence_until", "recurrence_count", "status", "venue_id", "online_url", "organiser_id", "price_free", "price_amount_euro", "registration_required", "registration_url", "registration_email", "registration_phone", "registration_deadline", "registration_capacity", "attendance_participants", "attendance_ages_children", "attendance_ages_youth", "attendance_ages_adults", "attendance_ages_seniors", "image_id", "action_id", "slug", "source_language", "demo", "uid", "sequence", "seed_checksum", "translation_lang_lb", "translation_lang_fr", "translation_lang_de", "translation_lang_pt", "translation_lang_en", "translation_record", "updated_at", "created_at", "_status" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`events_start_idx\` ON \`events\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`events_venue_idx\` ON \`events\` (\`venue_id\`);`)
  await db.run(sql`CREATE INDEX \`events_organiser_idx\` ON \`events\` (\`organiser_id\`);`)
  await db.run(sql`CREATE INDEX \`events_image_idx\` ON \`events\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`events_action_idx\` ON \`events\` (\`action_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_demo_idx\` ON \`events\` (\`demo\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_uid_idx\` ON \`events\` (\`uid\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`events_status_created_at_idx\` ON \`events\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_start\` text,
  	\`version_start_tz\` text DEFAULT 'Europe/Luxembourg',
  	\`version_end\` text,
  	\`version_end_tz\` text DEFAULT 'Europe/Luxembourg',
  	\`version_all_day\` integer DEFAULT false,
  	\`version_recurrence_frequency\` text,
  	\`version_recurrence_interval\` numeric DEFAULT 1,
  	\`version_recurrence_until\` text,
  	\`version_recurrence_count\` numeric,
  	\`version_status\` text DEFAULT 'scheduled',
  	\`version_venue_id\` integer,
  	\`version_online_url\` text,
  	\`version_organiser_id\` integer,
  	\`version_price_free\` integer DEFAULT true,
  	\`version_price_amount_euro\` numeric,
  	\`version_registration_required\` integer DEFAULT false,
  	\`version_registration_url\` text,
  	\`version_registration_email\` text,
  	\`version_registration_phone\` text,
  	\`version_registration_deadline\` text,
  	\`version_registration_capacity\` numeric,
  	\`version_attendance_participants\` numeric,
  	\`version_attendance_ages_children\` numeric,
  	\`version_attendance_ages_youth\` numeric,
  	\`version_attendance_ages_adults\` numeric,
  	\`version_attendance_ages_seniors\` numeric,
  	\`version_image_id\` integer,
  	\`version_action_id\` integer,
  	\`version_slug\` text,
  	\`version_source_language\` text,
  	\`version_demo\` integer DEFAULT false,
  	\`version_uid\` text,
  	\`version_sequence\` numeric DEFAULT 0,
  	\`version_seed_checksum\` text,
  	\`version_translation_lang_lb\` text,
  	\`version_translation_lang_fr\` text,
  	\`version_translation_lang_de\` text,
  	\`version_translation_lang_pt\` text,
  	\`version_translation_lang_en\` text,
  	\`version_translation_record\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_venue_id\`) REFERENCES \`venues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organiser_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_action_id\`) REFERENCES \`actions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v\`("id", "parent_id", "version_start", "version_start_tz", "version_end", "version_end_tz", "version_all_day", "version_recurrence_frequency", "version_recurrence_interval", "version_recurrence_until", "version_recurrence_count", "version_status", "version_venue_id", "version_online_url", "version_organiser_id", "version_price_free", "version_price_amount_euro", "version_registration_required", "version_registration_url", "version_registration_email", "version_registration_phone", "version_registration_deadline", "version_registration_capacity", "version_attendance_participants", "version_attendance_ages_children", "version_attendance_ages_youth", "version_attendance_ages_adults", "version_attendance_ages_seniors", "version_image_id", "version_action_id", "version_slug", "version_source_language", "version_demo", "version_uid", "version_sequence", "version_seed_checksum", "version_translation_lang_lb", "version_translation_lang_fr", "version_translation_lang_de", "version_translation_lang_pt", "version_translation_lang_en", "version_translation_record", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_start", "version_start_tz", "version_end", "version_end_tz", "version_all_day", "version_recurrence_frequency", "version_recurrence_interval", "version_recurrence_until", "version_recurrence_count", "version_status", "version_venue_id", "version_online_url", "version_organiser_id", "version_price_free", "version_price_amount_euro", "version_registration_required", "version_registration_url", "version_registration_email", "version_registration_phone", "version_registration_deadline", "version_registration_capacity", "version_attendance_participants", "version_attendance_ages_children", "version_attendance_ages_youth", "version_attendance_ages_adults", "version_attendance_ages_seniors", "version_image_id", "version_action_id", "version_slug", "version_source_language", "version_demo", "version_uid", "version_sequence", "version_seed_checksum", "version_translation_lang_lb", "version_translation_lang_fr", "version_translation_lang_de", "version_translation_lang_pt", "version_translation_lang_en", "version_translation_record", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v\` RENAME TO \`_events_v\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_parent_idx\` ON \`_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_start_idx\` ON \`_events_v\` (\`version_start\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_venue_idx\` ON \`_events_v\` (\`version_venue_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_organiser_idx\` ON \`_events_v\` (\`version_organiser_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_image_idx\` ON \`_events_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_action_idx\` ON \`_events_v\` (\`version_action_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_demo_idx\` ON \`_events_v\` (\`version_demo\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_uid_idx\` ON \`_events_v\` (\`version_uid\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_updated_at_idx\` ON \`_events_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_created_at_idx\` ON \`_events_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version__status_idx\` ON \`_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_created_at_idx\` ON \`_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_updated_at_idx\` ON \`_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_snapshot_idx\` ON \`_events_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_published_locale_idx\` ON \`_events_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_idx\` ON \`_events_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`events_id\` integer,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "population_figures_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "events_id", "venues_id", "actions_id", "goals_id", "population_figures_id", "resources_id", "organisations_id", "communes_id", "categories_id", "target_groups_id", "pages_id", "media_id", "submissions_id", "submission_images_id", "users_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
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
