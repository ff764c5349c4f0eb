// What a reader may see, enforced where every read is built: a Kysely plugin that adds a
// condition on the confidentiality of each row of the tables that have one, to every SELECT
// (its FROM items and joins, subqueries included). A route reads through the view of its
// asker (server/http/auth.ts readerOf), so a record the asker may not see cannot reach a list,
// a count, a search hit, an export or an error message, however the query was written.
// Writes run on the plain database: use cases check their own policies.
import {
  AliasNode,
  AndNode,
  type Kysely,
  type KyselyPlugin,
  OnNode,
  OperationNodeTransformer,
  type OperationNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  sql,
  TableNode,
  type UnknownRow,
  WhereNode,
} from 'kysely';
import type { Database } from './schema.ts';

/** The tables whose rows carry `confidentiality` and `audience` (migrations 010, 014, 018, 019, 021, 022 and 023). */
export const CONFIDENTIAL_TABLES: ReadonlySet<string> = new Set([
  'organization',
  'membership_event',
  'instrument',
  'mechanism',
  'presence',
  'presence_coverage',
  'treaty_action',
  'source',
  'follow_up_status',
  'follow_up_entity',
  'follow_up_action',
  'follow_up_project',
  'assistance_request',
  'funding_agreement',
  'project',
  'event_series',
  'event',
  'event_participant',
  'exchange_series',
  'exchange',
  'obstacle',
  'strategy',
  'change_entry', // the record's level at the time of the change (migration 023)
  'change_subject', // the record's level now
  'synced_record', // a peer's record, at the level the peer gave it (migration 024)
  'sync_disagreement', // the stricter of the peer's record and ours
]);

/** What a reader may see: public rows only; public and internal ones, and restricted rows
 *  whose audience names one of `scopes`; or everything (OHCHR, administrators). */
export type ReaderRights = { see: 'public' } | { see: 'internal'; scopes: readonly string[] } | { see: 'all' };

// Scopes are matched inside the audience's JSON text. Only scopes made of letters, digits and
// hyphens are used: no LIKE wildcard can be among them, so no ESCAPE clause is needed (SQLite
// and PostgreSQL read those differently).
const SAFE_SCOPE = /^(organization|state):[A-Za-z0-9-]{1,100}$/;

function conditionFor(reference: string, rights: ReaderRights): OperationNode | null {
  if (rights.see === 'all') return null;
  const level = sql.ref(`${reference}.confidentiality`);
  if (rights.see === 'public') return sql`(${level} = 'public')`.toOperationNode();
  const audience = sql.ref(`${reference}.audience`);
  const scopes = rights.scopes.filter((s) => SAFE_SCOPE.test(s));
  if (scopes.length === 0) return sql`(${level} in ('public', 'internal'))`.toOperationNode();
  const matches = sql.join(
    scopes.map((scope) => sql`${audience} like ${`%"${scope}"%`}`),
    sql` or `,
  );
  return sql`(${level} in ('public', 'internal') or (${level} = 'restricted' and (${matches})))`.toOperationNode();
}

/** The name a FROM item or a join is referred to by, when it is a confidential table. */
function referenceOf(node: OperationNode): string | null {
  if (TableNode.is(node)) return CONFIDENTIAL_TABLES.has(node.table.identifier.name) ? node.table.identifier.name : null;
  if (AliasNode.is(node) && TableNode.is(node.node) && CONFIDENTIAL_TABLES.has(node.node.table.identifier.name)) {
    return (node.alias as { name?: string }).name ?? null;
  }
  return null;
}

function and(existing: OperationNode | undefined, condition: OperationNode): OperationNode {
  return existing ? AndNode.create(ParensNode.create(existing), condition) : condition;
}

class VisibilityTransformer extends OperationNodeTransformer {
  constructor(private readonly rights: ReaderRights) {
    super();
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const query = super.transformSelectQuery(node);
    let where = query.where?.where;
    for (const from of query.from?.froms ?? []) {
      const reference = referenceOf(from);
      const condition = reference && conditionFor(reference, this.rights);
      if (condition) where = and(where, condition);
    }
    const joins = query.joins?.map((join) => {
      const reference = referenceOf(join.table);
      const condition = reference && conditionFor(reference, this.rights);
      return condition ? { ...join, on: OnNode.create(and(join.on?.on, condition)) } : join;
    });
    return { ...query, where: where ? WhereNode.create(where) : undefined, joins };
  }
}

class VisibilityPlugin implements KyselyPlugin {
  private readonly transformer: VisibilityTransformer;
  constructor(rights: ReaderRights) {
    this.transformer = new VisibilityTransformer(rights);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Views are kept per database and rights: one Kysely instance each, so that what is keyed by
 *  instance (the treaty model) is not rebuilt per request. */
const views = new WeakMap<Kysely<Database>, Map<string, Kysely<Database>>>();
const bases = new WeakMap<Kysely<Database>, Kysely<Database>>();

function rightsKey(rights: ReaderRights): string {
  return rights.see === 'internal' ? `internal:${[...rights.scopes].sort().join(',')}` : rights.see;
}

/** The database as a reader with these rights sees it. */
export function viewFor(db: Kysely<Database>, rights: ReaderRights): Kysely<Database> {
  const base = baseOf(db);
  if (rights.see === 'all') return base;
  let byKey = views.get(base);
  if (!byKey) {
    byKey = new Map();
    views.set(base, byKey);
  }
  const key = rightsKey(rights);
  let view = byKey.get(key);
  if (!view) {
    view = base.withPlugin(new VisibilityPlugin(rights));
    bases.set(view, base);
    byKey.set(key, view);
  }
  return view;
}

/** What everyone may see: what figures shared by all (the treaty model) are computed from. */
export function publicView(db: Kysely<Database>): Kysely<Database> {
  return viewFor(db, { see: 'public' });
}

/** The database without any reader's filter. */
export function baseOf(db: Kysely<Database>): Kysely<Database> {
  return bases.get(db) ?? db;
}
