/**
 * On MongoDB, backups use MongoDB Database Tools; without them the scripts say exactly that
 * (rather than failing with a bare ENOENT or writing an archive without the database).
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { BackupError, createBackup } from '../../platform/backup'

test('a MongoDB backup without mongodump installed fails with a clear message and writes nothing', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'daleel-bk-'))
  const savedPath = process.env.PATH
  process.env.PATH = mkdtempSync(path.join(os.tmpdir(), 'empty-path-'))
  try {
    const attempt = createBackup({ databaseUri: 'mongodb://127.0.0.1:27017/daleel', mediaDir: out }, out)
    await expect(attempt).rejects.toBeInstanceOf(BackupError)
    await expect(attempt).rejects.toThrow(/mongodump was not found.*MongoDB Database Tools/)
  } finally {
    process.env.PATH = savedPath
  }
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
})
