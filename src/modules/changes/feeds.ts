// The change feed as Atom (RFC 4287) and JSON Feed 1.1: the same page of entries the API gives,
// with absolute links made from the address the feed was asked at. Every text is escaped.
import type { ChangePage, ChangeView } from './service.ts';

const FEED_TITLE = 'Accord: recent changes';

export function xmlEscape(text: string): string {
  // Characters XML 1.0 does not allow at all are dropped, not escaped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function entryTitle(entry: ChangeView): string {
  return `${entry.kind} ${entry.recordId ?? ''} ${entry.action}`.replace(/\s+/g, ' ').trim();
}

function categories(entry: ChangeView): { term: string; scheme: string }[] {
  const out = [{ term: entry.kind, scheme: 'kind' }];
  for (const [facet, values] of Object.entries(entry.facets)) for (const value of values ?? []) out.push({ term: value, scheme: facet });
  return out;
}

/** `self`: the absolute address asked for; `origin`: scheme and host. */
export function atomFeed(page: ChangePage, origin: string, self: string): string {
  const updated = page.items.reduce((latest, e) => (e.at > latest ? e.at : latest), '1970-01-01T00:00:00.000Z');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(`${origin}/api/v1/changes`)}</id>`,
    `  <title>${FEED_TITLE}</title>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    '  <author><name>Accord</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="application/json" href="${xmlEscape(`${origin}/api/v1/changes`)}"/>`,
  ];
  if (page.more && page.next !== null) lines.push(`  <link rel="next" href="${xmlEscape(withCursor(self, page.next))}"/>`);
  for (const entry of page.items) {
    lines.push(
      '  <entry>',
      `    <id>${xmlEscape(`${origin}${entry.links.self}`)}</id>`,
      `    <title>${xmlEscape(entryTitle(entry))}</title>`,
      `    <updated>${xmlEscape(entry.at)}</updated>`,
      `    <summary type="text">${xmlEscape(entry.summary)}</summary>`,
      `    <link rel="alternate" href="${xmlEscape(`${origin}${entry.links.record ?? entry.links.self}`)}"/>`,
      `    <link rel="related" type="application/json" href="${xmlEscape(`${origin}${entry.links.self}`)}"/>`,
      ...categories(entry).map((c) => `    <category term="${xmlEscape(c.term)}" scheme="${xmlEscape(c.scheme)}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function jsonFeed(page: ChangePage, origin: string, self: string): unknown {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    home_page_url: `${origin}/en/changes`,
    feed_url: self,
    ...(page.more && page.next !== null ? { next_url: withCursor(self, page.next) } : {}),
    items: page.items.map((entry) => ({
      id: entry.id,
      url: `${origin}${entry.links.record ?? entry.links.self}`,
      title: entryTitle(entry),
      content_text: entry.summary,
      date_published: entry.at,
      tags: categories(entry).map((c) => `${c.scheme}:${c.term}`),
      _accord: { kind: entry.kind, recordId: entry.recordId, action: entry.action, facets: entry.facets, links: entry.links },
    })),
  };
}

/** The same address, asking for the page after `cursor` (newest first: before it). */
function withCursor(self: string, cursor: string): string {
  const url = new URL(self);
  const param = url.searchParams.get('order') === 'oldest' ? 'since' : 'before';
  url.searchParams.set(param, cursor);
  return url.toString();
}
