import * as migration_20261125_155453_initial from './20261125_155453_initial';

export const migrations = [
  {
    up: migration_20261125_155453_initial.up,
    down: migration_20261125_155453_initial.down,
    name: '20261125_155453_initial'
  },
];
