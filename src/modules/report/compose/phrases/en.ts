// The report's words in English, in the style of the Secretary-General's reports.
import type { Phrases } from './types.ts';

const states = (n: number | string) => (n === 1 || n === '1' ? `${n} State` : `${n} States`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Phrases = {
  title: 'Regional arrangements for the promotion and protection of human rights',
  subtitle: 'Report of the Secretary-General',
  headings: {
    introduction: 'Introduction',
    developments: 'Developments by region',
    cooperation: 'Cooperation with the Office of the United Nations High Commissioner for Human Rights',
    exchanges: 'Exchanges of information between United Nations and regional bodies',
    obstacles: 'Obstacles to ratification and strategies to overcome them',
    implementation: 'Implementation of the resolution',
    conclusions: 'Conclusions and recommendations',
    annex: 'Sources of the figures',
  },
  noData: 'no data',

  summary: (x) =>
    `The present report describes the state of regional arrangements for the promotion and protection of human rights from ${x.start} to ${x.end}, in ${plural(x.regions, 'region', 'regions')}. It covers ${plural(x.organizations, 'regional organization', 'regional organizations')}, ${plural(x.instruments, 'regional instrument', 'regional instruments')} and ${plural(x.mechanisms, 'regional mechanism', 'regional mechanisms')}; during the period, the records show ${x.newParties === 1 ? 'one instance' : `${x.newParties} instances`} of a State becoming party to an instrument. It reports on cooperation with the Office of the United Nations High Commissioner for Human Rights, exchanges of information, obstacles to ratification and the implementation of the resolution, and closes with recommendations drawn from the data. Every figure gives the position on ${x.end} as the records held when the report was generated show it, and its sources are given.`,

  mandateLead: (x) =>
    `The present report is submitted pursuant to paragraph ${x.paragraph} of General Assembly resolution ${x.symbol ?? ''}${x.symbol ? ' ' : ''}${x.adopted ? `of ${x.adopted} ` : ''}on regional arrangements for the promotion and protection of human rights, in which the Assembly:`,
  mandateMissing: (why) => `The text of the resolution requesting the present report could not be quoted: ${why}.`,
  period: (x) => `The report covers the period from ${x.start} to ${x.end}, the date as of which every figure in it is computed.`,
  method:
    'The figures are drawn from the records of the depositaries, regional organizations, courts and commissions and of the Office of the High Commissioner, as held in the Accord platform; each rests on the sources listed in the annex. A fact whose date is known only in part, or that rests on a tertiary source or none, is counted apart as uncertain; a fact resting on secondary sources only is counted and said to be. Where the records are silent the report says so: the absence of a record is not evidence that no action was taken.',
  regionsCovered: (x) => `Regions are those of the standard country or area codes for statistical use (M49) of the United Nations: ${x.regions}.`,

  regionStates: (x) => (/^\d/.test(x.states) ? `The region of ${x.region} counts ${states(x.states)} in the records.` : `The number of States of ${x.region}: ${x.states}.`),
  organizations: (x) => `In the region, ${x.count === 1 ? 'one regional organization has' : `${x.count} regional organizations have`} member States: ${x.list}.`,
  noOrganization: (x) => `The records hold no regional organization with a member State in the region as of ${x.date}.`,
  organization: (x) =>
    `${x.name} (${/^\d/.test(x.members) ? `${x.members} members` : `members: ${x.members}`}${x.unverified ? ` and ${x.unverified} whose membership is not verified` : ''}, ${x.inRegion} of them in the region)`,
  instruments: (x) =>
    `${x.count === 1 ? 'The human rights instrument these organizations had adopted by the end of the period is' : 'The human rights instruments these organizations had adopted by the end of the period are'}: ${x.list}.`,
  noInstrument: (x) => `The records hold no regional human rights instrument of these organizations adopted by ${x.date}.`,
  instrument: (x) =>
    `${x.title}${x.adopted ? ` (adopted ${x.adopted}${x.inForce ? `, in force since ${x.inForce}` : x.notYetInForce ? ', not yet in force on that date' : ', its entry into force not recorded'})` : ''}`,
  mechanisms: (x) => `Their ${plural(x.count, 'mechanism', 'mechanisms')} for the promotion and protection of human rights: ${x.list}.`,
  noMechanism: (x) => `The records hold no regional human rights mechanism of these organizations established by ${x.date}.`,
  mechanism: (x) => `${x.name}${x.established ? ` (established ${x.established}${x.complaints ? '; receives individual complaints' : ''})` : x.complaints ? ' (receives individual complaints)' : ''}`,
  ratificationCaption: (x) => `States parties in ${x.region}, as of ${x.date}`,
  ratificationColumns: {
    instrument: 'Instrument',
    parties: 'States parties',
    uncertain: 'Uncertain',
    atVienna: 'At the Vienna Declaration (25 June 1993)',
    beforePeriod: 'Before the period',
    newInPeriod: 'New in the period',
    newSinceVienna: 'New since 1993',
  },
  ratificationNote: (x) =>
    `"States party" counts parties whose act is dated to the day and rests on an official or secondary source; "Uncertain" counts those whose date is known only in part or whose source is tertiary or missing. "Before the period" is the day before ${x.start}. "No data": the records hold no source on the instrument's participants. "—": the instrument had not been adopted on 25 June 1993. The same figures: ${x.api}.`,
  newParties: (x) => `From ${x.start} to ${x.end}, ${x.count === 1 ? 'one State' : `${x.count} States`} of the region became party to instruments: ${x.list}.`,
  noNewParty: (x) => `The records show no State of the region becoming party to these instruments from ${x.start} to ${x.end}.`,
  newParty: (x) => `${x.state} (${x.instruments})`,
  uncertainMark: 'uncertain',
  chartCaption: (x) => `States parties to the core United Nations human rights instruments in ${x.region}`,
  chartSeries: { atVienna: '25 June 1993', atDate: (date) => date },
  chartMax: (x) => `${states(x.states)} in the region`,
  chartAlt: (x) =>
    `Bar chart: for each core United Nations instrument, the number of States of ${x.region} party to it on 25 June 1993 and on ${x.date}; "no data" where the records hold no source on an instrument's participants.`,

  requests: (x) =>
    `By ${x.date}, the Office of the High Commissioner had received ${plural(x.total, 'request', 'requests')} for technical cooperation in the records (${x.byStatus}). ${plural(x.unanswered, 'request was', 'requests were')} awaiting an answer on that date, ${x.overdue} of them past the date by which an answer was due.`,
  noRequest: (x) => `The records hold no request for technical cooperation received by ${x.date}; this does not show that none was made.`,
  projects: (x) =>
    `The records hold ${plural(x.total, 'technical cooperation project', 'technical cooperation projects')}, ${x.running} of them running between ${x.start} and ${x.end}.${x.budget ? ` Their budgets total ${x.budget}${x.disbursed ? `, of which ${x.disbursed} had been disbursed by ${x.end}` : ''}.` : ''}`,
  noProject: (x) => `The records hold no technical cooperation project as of ${x.date}; this does not show that none was carried out.`,
  events: (x) =>
    `From ${x.start} to ${x.end}, the records hold ${plural(x.total, 'training course, workshop or other event', 'training courses, workshops and other events')}${
      x.counted === 0
        ? '; they do not give the number of participants'
        : x.counted === x.total
          ? `, with ${plural(x.participants, 'participant', 'participants')} in all`
          : `; ${plural(x.participants, 'participant is', 'participants are')} recorded for ${x.counted} of them`
    }.`,
  noEvent: (x) => `The records hold no training course, workshop or other event held from ${x.start} to ${x.end}.`,
  eventCaption: (x) => `Events held from ${x.start} to ${x.end}`,
  eventColumns: { title: 'Event', kind: 'Kind', dates: 'Dates', country: 'Country', participants: 'Participants' },
  presences: (x) =>
    `On ${x.date}, ${plural(x.open, 'field presence of the Office was', 'field presences of the Office were')} open (${x.list}), covering ${states(x.covered)}${x.uncertain ? `, ${x.uncertain} of them only from a date known in part` : ''}.`,
  noPresence: (x) => `The records hold no field presence of the Office open on ${x.date}.`,

  exchanges: (x) => `From ${x.start} to ${x.end}, the records hold ${plural(x.total, 'exchange', 'exchanges')} of information between United Nations and regional bodies (${x.byKind}).`,
  noExchange: (x) => `The records hold no exchange of information between United Nations and regional bodies from ${x.start} to ${x.end}; this does not show that none took place.`,
  exchangeCaption: (x) => `Exchanges between United Nations and regional bodies, ${x.start} to ${x.end}`,
  exchangeColumns: { title: 'Exchange', kind: 'Kind', dates: 'Dates', parties: 'Parties' },

  obstacles: (x) =>
    `By ${x.date}, ${plural(x.total, 'obstacle to ratification had', 'obstacles to ratification had')} been identified (${x.byCategory}), and ${plural(x.strategies, 'strategy had', 'strategies had')} been begun to overcome them.`,
  noObstacle: (x) => `The records hold no obstacle to ratification identified by ${x.date}; this does not show that none exists.`,
  obstacleExample: (x) => `${x.state}, ${x.instruments} (${x.category}, identified ${x.identified}): ${x.description}${x.strategies ? ` Strategies: ${x.strategies}.` : ' No strategy is recorded.'}`,

  implementation: (x) =>
    `The resolution makes ${plural(x.total, 'request or invitation', 'requests and invitations')} that the records follow. On ${x.date}: ${x.byStatus}; ${x.overdue} past the date by which they were due.`,
  implementationMissing: (why) => `The implementation of the resolution cannot be reported paragraph by paragraph: ${why}.`,
  implementationCaption: (x) => `Implementation of the resolution, paragraph by paragraph, as of ${x.date}`,
  implementationColumns: { paragraph: 'Paragraph', request: 'Request', status: 'Status', due: 'Due', answeredBy: 'Answered by' },
  noAnswer: 'none recorded',
  noDue: 'no date set',

  conclusionsLead: (x) => `The data as of ${x.date} point to the following.`,
  uncovered: (x) => `As of ${x.date}, ${states(x.count)} of the regions reported ${x.count === 1 ? 'is' : 'are'} covered by no regional human rights mechanism: ${x.list}.`,
  noneUncovered: (x) => `As of ${x.date}, every State of the regions reported is covered by at least one regional human rights mechanism.`,
  uncoveredRecommendation: (x) =>
    `States in areas where regional arrangements in the field of human rights do not yet exist may wish to consider concluding agreements with a view to establishing suitable regional machinery${x.paragraph ? `, as the General Assembly invited them to in paragraph ${x.paragraph} of the resolution` : ''}.`,
  coverageIncomplete: (x) => `Coverage may be understated for the following mechanisms, whose reach depends on treaty data the records do not hold: ${x.list}.`,
  leastRatified: (x) => `In the region of ${x.region}, the instruments with the fewest States parties (uncertain ones included) are ${x.list}.`,
  leastRatifiedItem: (x) => `${x.instrument} (${x.parties} of ${x.states})`,
  leastRatifiedRecommendation:
    'States that have not yet done so may wish to consider ratifying these instruments, with the technical assistance of the Office of the High Commissioner and of regional organizations where obstacles to ratification have been identified.',
  unanswered: (x) => `On ${x.date}, ${plural(x.count, 'request', 'requests')} for technical cooperation awaited an answer, ${x.overdue} of them past their due date.`,
  unansweredRecommendation: 'The Office of the High Commissioner may wish to answer these requests as a priority.',
  dataRecommendation:
    'Regional organizations, States and national human rights institutions are encouraged to share their dated records with the Office of the High Commissioner, so that figures marked uncertain or missing in the present report can be established.',
  mapCaption: (x) => `States covered by a regional human rights mechanism, as of ${x.date}`,
  mapAlt: (x) => `World map: ${x.covered} States covered by at least one regional human rights mechanism on ${x.date}, ${x.uncovered} covered by none.`,
  mapLegend: { covered: 'Covered by a regional mechanism', uncovered: 'Covered by none' },

  annexLabel: 'Annex',
  sourcesCaption: 'Sources of the figures',
  sourcesColumns: { number: 'No.', source: 'Source', kind: 'Kind', address: 'Address' },
  sourceKinds: { official: 'official', secondary: 'secondary', tertiary: 'tertiary', unknown: 'unknown' },
  seeSources: (x) => `Sources: annex, ${x.numbers.includes(',') || x.numbers.includes(' ') ? 'nos.' : 'no.'} ${x.numbers}.`,
  apiNote: (x) => `The same figures: ${x.api}.`,
};
