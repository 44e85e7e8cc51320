import * as migration_0001_initial_uuid from './0001_initial_uuid'

export const migrations = [
  { up: migration_0001_initial_uuid.up, down: migration_0001_initial_uuid.down, name: '0001_initial_uuid' },
]
