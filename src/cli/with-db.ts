// The database for one command: opened from DATABASE_URL, always closed.
import { openDb, type Db } from '../db/connection.ts';
import { registryIsSeeded } from '../modules/states/repository.ts';
import { ValidationError } from '../shared/errors.ts';

export async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(process.env.DATABASE_URL);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** For commands that read the registry: a clear message instead of "no such table". */
export async function withRegistry<T>(run: (db: Db) => Promise<T>): Promise<T> {
  return withDb(async (db) => {
    if (!(await registryIsSeeded(db.db))) throw new ValidationError(`The database ${db.label} holds no registry yet: run \`npx accord db seed\` first`);
    return run(db);
  });
}
