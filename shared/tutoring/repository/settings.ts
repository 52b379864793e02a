import type { Db } from '../../db/client';
import { getOne, putItem, putNew } from '../../db/store';
import type { Write } from '../../db/transact';
import { conflict } from '../../errors';
import { tutoringSettingsEntity } from '../entities';
import { DEFAULT_RESPONSE_TARGET, type TutoringSettings } from '../schemas';

/** One settings item; version 0 means the defaults were never changed (no item yet). */
export async function getTutoringSettings(db: Db): Promise<TutoringSettings> {
  return (await getOne(db, tutoringSettingsEntity, {}, true)) ?? { responseTarget: DEFAULT_RESPONSE_TARGET, version: 0, updatedAt: null };
}

export function putTutoringSettingsWrite(db: Db, settings: TutoringSettings, expectedVersion: number): Write {
  const stale = conflict('STALE_VERSION', 'The settings were changed by someone else; reload and retry', [
    { path: 'body.expectedVersion', message: 'Not the current version' },
  ]);
  if (expectedVersion === 0) return putNew(db, tutoringSettingsEntity, settings, stale);
  return putItem(db, tutoringSettingsEntity, settings, { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': expectedVersion }, onFailed: stale });
}
