// PostgreSQL keeps each recommendation's words (the tsvector of `search_text`) in a table of its
// own, `recommendation_words`, filled by triggers as SQLite's FTS5 table is, with the GIN index on
// the stored vector. Migration 013 indexed the expression `to_tsvector('simple', search_text)`
// instead: a GIN index is lossy for such an expression, and PostgreSQL then recomputed the vector
// of every row it found to check it, about 5 s to count a common word in a million rows
// (bench/RESULTS.md). A table apart, rather than a column of `recommendation`, keeps the vectors
// out of every row a query reads whole. SQLite is unchanged.
// Frozen: never import application code here.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const isPostgres = (db: Kysely<any>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table recommendation_words (
    seq bigint primary key references recommendation (seq) on delete cascade,
    words tsvector not null)`.execute(db);
  await sql`insert into recommendation_words (seq, words) select seq, to_tsvector('simple', search_text) from recommendation`.execute(db);
  await sql`create index recommendation_words_search on recommendation_words using gin (words)`.execute(db);
  await sql`drop index recommendation_search`.execute(db);
  await sql`create function recommendation_words_keep() returns trigger language plpgsql as $$
    begin
      insert into recommendation_words (seq, words) values (new.seq, to_tsvector('simple', new.search_text))
        on conflict (seq) do update set words = excluded.words;
      return null;
    end $$`.execute(db);
  await sql`create trigger recommendation_words_insert after insert on recommendation
    for each row execute function recommendation_words_keep()`.execute(db);
  await sql`create trigger recommendation_words_update after update of search_text on recommendation
    for each row execute function recommendation_words_keep()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop trigger recommendation_words_update on recommendation`.execute(db);
  await sql`drop trigger recommendation_words_insert on recommendation`.execute(db);
  await sql`drop function recommendation_words_keep()`.execute(db);
  await sql`create index recommendation_search on recommendation using gin (to_tsvector('simple', search_text))`.execute(db);
  await sql`drop table recommendation_words`.execute(db);
}
