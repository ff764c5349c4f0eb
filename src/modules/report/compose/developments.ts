// II. Developments by region: per first-level M49 region, its organizations, their instruments
// and mechanisms, a table of States party (regional instruments, then the core UN instruments)
// and the States that became party during the period.
import { barChart } from '../document/charts.ts';
import type { Block } from '../document/model.ts';
import { VIENNA_DECLARATION } from '../model/index.ts';
import type { RatificationFacts, RegionFacts } from '../model/index.ts';
import { uniqueRefs } from '../model/figures.ts';
import { apiAddress, type ComposeContext, instrumentName, paragraph, stateName } from './context.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function developments(c: ComposeContext): Block[] {
  return c.facts.developments.flatMap((region, i) => [{ kind: 'heading' as const, level: 2 as const, label: `${LETTERS[i] ?? i + 1}.`, text: region.name }, ...regionBlocks(c, region)]);
}

function regionBlocks(c: ComposeContext, r: RegionFacts): Block[] {
  const { p, f, facts } = c;
  const date = f.date(facts.asOf);
  const blocks: Block[] = [paragraph(c, p.regionStates({ states: f.figure(r.states), region: r.name }))];
  blocks.push(
    r.organizations.length
      ? paragraph(
          c,
          p.organizations({
            count: r.organizations.length,
            region: r.name,
            list: f.list(
              r.organizations.map((o) =>
                p.organization({
                  name: f.name(o.acronym ? `${o.name} (${o.acronym})` : o.name),
                  members: f.figure(o.members),
                  unverified: o.unverifiedMembers.value ?? 0,
                  inRegion: f.number(o.membersInRegion),
                }),
              ),
            ),
          }),
          uniqueRefs(r.organizations.flatMap((o) => o.sources)),
        )
      : paragraph(c, p.noOrganization({ region: r.name, date })),
  );
  if (r.organizations.length) {
    blocks.push(
      r.instruments.length
        ? paragraph(
            c,
            p.instruments({
              count: r.instruments.length,
              list: f.list(
                r.instruments.map((i) =>
                  p.instrument({
                    title: f.name(i.title),
                    adopted: i.adopted ? f.date(i.adopted) : null,
                    inForce: i.entryIntoForce && i.entryIntoForce <= facts.asOf ? f.date(i.entryIntoForce) : null,
                    notYetInForce: i.entryIntoForce !== null && i.entryIntoForce > facts.asOf,
                  }),
                ),
              ),
            }),
            uniqueRefs(r.instruments.flatMap((i) => i.sources)),
          )
        : paragraph(c, p.noInstrument({ date })),
    );
    blocks.push(
      r.mechanisms.length
        ? paragraph(
            c,
            p.mechanisms({
              count: r.mechanisms.length,
              list: f.list(r.mechanisms.map((m) => p.mechanism({ name: f.name(m.name), established: m.established ? f.date(m.established) : null, complaints: m.individualComplaints }))),
            }),
            uniqueRefs(r.mechanisms.flatMap((m) => m.sources)),
          )
        : paragraph(c, p.noMechanism({ date })),
    );
  }
  blocks.push(ratificationTable(c, r));
  const chart = ratificationChart(c, r);
  if (chart) blocks.push(chart);
  blocks.push(newPartiesParagraph(c, r));
  return blocks;
}

/** "—" where the instrument was not yet adopted at the Vienna Declaration: no count applies. */
function atVienna(c: ComposeContext, x: RatificationFacts): string {
  const adopted = c.facts.names.instruments[x.instrument]?.adopted;
  if (x.hasData && adopted && adopted > VIENNA_DECLARATION) return '—';
  return c.f.figure(x.partiesAtVienna);
}

function ratificationTable(c: ComposeContext, r: RegionFacts): Block {
  const { p, f, facts } = c;
  const cols = p.ratificationColumns;
  const count = (x: RatificationFacts, n: number) => (x.hasData ? f.number(n) : p.noData);
  const refs = uniqueRefs(r.ratifications.flatMap((x) => [...x.parties.sources, ...x.uncertain.sources]));
  const api = apiAddress(`/api/v1/treaty-status/counts?by=region&asOf=${facts.asOf}`);
  const footnote = c.sources.footnote(refs, p, f);
  return {
    kind: 'table',
    caption: p.ratificationCaption({ region: r.name, date: f.date(facts.asOf) }),
    columns: [cols.instrument, cols.parties, cols.uncertain, cols.atVienna, cols.beforePeriod, cols.newInPeriod, cols.newSinceVienna],
    numericColumns: [1, 2, 3, 4, 5, 6],
    rows: r.ratifications.map((x) => [
      instrumentName(c, x.instrument),
      f.figure(x.parties),
      f.figure(x.uncertain),
      atVienna(c, x),
      f.figure(x.partiesBeforePeriod),
      // Certain new parties, as "States parties" counts certain ones; uncertain ones are in "Uncertain".
      count(x, x.newInPeriod.filter((n) => !n.uncertain).length),
      count(x, x.newSinceVienna.filter((n) => !n.uncertain).length),
    ]),
    note: [{ text: p.ratificationNote({ start: f.date(facts.periodStart), api: api ?? '' }), ...(footnote ? { footnote } : {}) }],
  };
}

/** The core UN instruments in the region: States party at the Vienna Declaration and at the report's date (certain parties; no bar where no data). */
function ratificationChart(c: ComposeContext, r: RegionFacts): Block | null {
  const { p, f, facts } = c;
  const core = r.ratifications.filter((x) => !r.instruments.some((i) => i.code === x.instrument));
  if (!core.length) return null;
  const date = f.date(facts.asOf);
  return {
    kind: 'figure',
    caption: p.chartCaption({ region: r.name }),
    alt: p.chartAlt({ region: r.name, date }),
    svg: barChart({
      categories: core.map((x) => ({ label: instrumentName(c, x.instrument) })),
      series: [
        { name: p.chartSeries.atVienna, values: core.map((x) => x.partiesAtVienna.value) },
        { name: p.chartSeries.atDate(date), values: core.map((x) => x.parties.value) },
      ],
      max: r.states.value ?? undefined,
      maxLabel: p.chartMax({ states: f.figure(r.states) }),
      lang: f.lang,
      valueFormat: f.number,
    }),
  };
}

function newPartiesParagraph(c: ComposeContext, r: RegionFacts): Block {
  const { p, f, facts } = c;
  const byState = new Map<string, string[]>();
  for (const x of r.ratifications)
    for (const n of x.newInPeriod) byState.set(n.iso3, [...(byState.get(n.iso3) ?? []), n.uncertain ? f.bracketed(instrumentName(c, x.instrument), p.uncertainMark) : instrumentName(c, x.instrument)]);
  const [start, end] = [f.date(facts.periodStart), f.date(facts.asOf)];
  if (!byState.size) return paragraph(c, p.noNewParty({ start, end }));
  const list = [...byState]
    .map(([iso3, instruments]) => ({ name: stateName(c, iso3), instruments }))
    .sort((a, b) => a.name.localeCompare(b.name, f.lang))
    .map((s) => p.newParty({ state: s.name, instruments: f.list(s.instruments) }));
  return paragraph(c, p.newParties({ count: byState.size, start, end, list: f.list(list) }));
}
