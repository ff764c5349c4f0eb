// VII. Conclusions and recommendations drawn from the data: States no regional mechanism covers,
// the instruments least ratified per region, requests left unanswered, and where data are missing.
import { regionMap } from '../document/maps.ts';
import type { Block } from '../document/model.ts';
import { apiAddress, type ComposeContext, instrumentName, paragraph, paragraphCited, stateName } from './context.ts';

/** The paragraph of the resolution inviting States without regional arrangements to set them up (OP9 of the 2004 text), if stored. */
function invitationParagraph(c: ComposeContext): string | null {
  const m = c.facts.implementation.facts?.mandates.find((x) => x.verb === 'Invites' && /regional arrangements .* do not yet exist/.test(x.text ?? ''));
  return m ? paragraphCited(m.anchor) : null;
}

/** The States of the regions reported, shaded by whether a regional mechanism covers them at the date. */
function coverageMap(c: ComposeContext): Block | null {
  const { p, f, facts, map } = c;
  if (!map) return null;
  const uncovered = new Set(facts.recommendations.uncovered.states.map((s) => s.iso3));
  const states = Object.keys(facts.names.states);
  const shade = new Map(states.map((iso3) => [iso3, uncovered.has(iso3) ? 'uncovered' : 'covered']));
  const date = f.date(facts.asOf);
  return {
    kind: 'figure',
    caption: p.mapCaption({ date }),
    alt: p.mapAlt({ date, covered: states.length - uncovered.size, uncovered: uncovered.size }),
    svg: regionMap({
      geometry: map,
      shade,
      legend: [
        { key: 'covered', label: p.mapLegend.covered },
        { key: 'uncovered', label: p.mapLegend.uncovered },
      ],
      regionStates: facts.regions.length < 5 ? states : undefined,
      lang: f.lang,
    }),
  };
}

export function conclusions(c: ComposeContext): Block[] {
  const { p, f, facts } = c;
  const r = facts.recommendations;
  const date = f.date(facts.asOf);
  const regionName = (code: string) => facts.developments.find((d) => d.code === code)?.name ?? code;
  const blocks: Block[] = [paragraph(c, p.conclusionsLead({ date }))];
  const uncovered = r.uncovered.states;
  if (uncovered.length) {
    const byRegion = new Map<string, string[]>();
    for (const s of uncovered) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), stateName(c, s.iso3)]);
    const list = f.list([...byRegion].map(([region, names]) => f.labelled(regionName(region), f.list(names.sort((a, b) => a.localeCompare(b, f.lang))))));
    blocks.push(paragraph(c, p.uncovered({ count: uncovered.length, date, list }), r.uncovered.sources, apiAddress(r.uncovered.api)));
    blocks.push(paragraph(c, p.uncoveredRecommendation({ paragraph: invitationParagraph(c) })));
  } else if (r.uncovered.value === 0) blocks.push(paragraph(c, p.noneUncovered({ date })));
  const map = coverageMap(c);
  if (map) blocks.push(map);
  if (r.coverageIncomplete.length) blocks.push(paragraph(c, p.coverageIncomplete({ list: f.list(r.coverageIncomplete) })));
  const least = r.leastRatified.filter((x) => x.instruments.length);
  for (const x of least)
    blocks.push(
      paragraph(
        c,
        p.leastRatified({
          region: regionName(x.region),
          list: f.list(
            x.instruments.map((i) => {
              const item = p.leastRatifiedItem({ instrument: instrumentName(c, i.code), parties: f.number(i.parties + i.uncertain), states: f.number(i.states) });
              return i.uncertain ? f.bracketed(item, `${f.number(i.uncertain)} ${p.uncertainMark}`) : item;
            }),
          ),
        }),
      ),
    );
  if (least.length) blocks.push(paragraph(c, p.leastRatifiedRecommendation));
  if (r.unansweredRequests.length) {
    blocks.push(paragraph(c, p.unanswered({ count: r.unansweredRequests.length, overdue: r.unansweredRequests.filter((u) => u.overdue).length, date })));
    blocks.push(paragraph(c, p.unansweredRecommendation));
  }
  blocks.push(paragraph(c, p.dataRecommendation));
  return blocks;
}
