import * as migration_20261125_155453_initial from './20261125_155453_initial';
import * as migration_20261125_185819_site_builds from './20261125_185819_site_builds';
import * as migration_20261125_195808_submissions from './20261125_195808_submissions';
import * as migration_20261125_215012_submission_moderation from './20261125_215012_submission_moderation';
import * as migration_20261125_223315_plan_follow_up from './20261125_223315_plan_follow_up';
import * as migration_20261126_005022_translation_status from './20261126_005022_translation_status';
import * as migration_20261126_023301_locales_parent_index from './20261126_023301_locales_parent_index';
import * as migration_20261126_044425_published_created_index from './20261126_044425_published_created_index';
import * as migration_20261207_075922_account_lock_per_client from './20261207_075922_account_lock_per_client';
import * as migration_20261207_095613_calendar_sources from './20261207_095613_calendar_sources';
import * as migration_20261207_113438_calendar_venues from './20261207_113438_calendar_venues';
import * as migration_20261207_114043_calendar_linked_events from './20261207_114043_calendar_linked_events';
import * as migration_20261207_175112_import_credit from './20261207_175112_import_credit';
import * as migration_20261207_211055_import_fingerprints from './20261207_211055_import_fingerprints';
import * as migration_20261207_233412_digest_subscriptions from './20261207_233412_digest_subscriptions';

export const migrations = [
  {
    up: migration_20261125_155453_initial.up,
    down: migration_20261125_155453_initial.down,
    name: '20261125_155453_initial',
  },
  {
    up: migration_20261125_185819_site_builds.up,
    down: migration_20261125_185819_site_builds.down,
    name: '20261125_185819_site_builds',
  },
  {
    up: migration_20261125_195808_submissions.up,
    down: migration_20261125_195808_submissions.down,
    name: '20261125_195808_submissions',
  },
  {
    up: migration_20261125_215012_submission_moderation.up,
    down: migration_20261125_215012_submission_moderation.down,
    name: '20261125_215012_submission_moderation',
  },
  {
    up: migration_20261125_223315_plan_follow_up.up,
    down: migration_20261125_223315_plan_follow_up.down,
    name: '20261125_223315_plan_follow_up',
  },
  {
    up: migration_20261126_005022_translation_status.up,
    down: migration_20261126_005022_translation_status.down,
    name: '20261126_005022_translation_status',
  },
  {
    up: migration_20261126_023301_locales_parent_index.up,
    down: migration_20261126_023301_locales_parent_index.down,
    name: '20261126_023301_locales_parent_index',
  },
  {
    up: migration_20261126_044425_published_created_index.up,
    down: migration_20261126_044425_published_created_index.down,
    name: '20261126_044425_published_created_index',
  },
  {
    up: migration_20261207_075922_account_lock_per_client.up,
    down: migration_20261207_075922_account_lock_per_client.down,
    name: '20261207_075922_account_lock_per_client',
  },
  {
    up: migration_20261207_095613_calendar_sources.up,
    down: migration_20261207_095613_calendar_sources.down,
    name: '20261207_095613_calendar_sources',
  },
  {
    up: migration_20261207_113438_calendar_venues.up,
    down: migration_20261207_113438_calendar_venues.down,
    name: '20261207_113438_calendar_venues',
  },
  {
    up: migration_20261207_114043_calendar_linked_events.up,
    down: migration_20261207_114043_calendar_linked_events.down,
    name: '20261207_114043_calendar_linked_events',
  },
  {
    up: migration_20261207_175112_import_credit.up,
    down: migration_20261207_175112_import_credit.down,
    name: '20261207_175112_import_credit',
  },
  {
    up: migration_20261207_211055_import_fingerprints.up,
    down: migration_20261207_211055_import_fingerprints.down,
    name: '20261207_211055_import_fingerprints',
  },
  {
    up: migration_20261207_233412_digest_subscriptions.up,
    down: migration_20261207_233412_digest_subscriptions.down,
    name: '20261207_233412_digest_subscriptions'
  },
];
