import * as migration_20261122_171614_initial from './20261122_171614_initial';

export const migrations = [
  {
    up: migration_20261122_171614_initial.up,
    down: migration_20261122_171614_initial.down,
    name: '20261122_171614_initial'
  },
];
