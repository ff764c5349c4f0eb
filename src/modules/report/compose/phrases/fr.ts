// The report's words in French, in the style of the French versions of the Secretary-General's reports.
// French puts a (non-breaking) space before ":" and ";"; 0 and 1 take the singular.
import type { Phrases } from './types.ts';

const NB = '\u00a0';
const n = (count: number, one: string, many: string) => `${count} ${count < 2 ? one : many}`;
/** A count already formatted ("12", "1 234"), or words such as "aucune donnée" when there is none. */
const counted = (s: string): number | null => (/^\d/.test(s) ? Number(s.replace(/\D/g, '')) : null);

export const fr: Phrases = {
  title: "Arrangements régionaux pour la promotion et la protection des droits de l'homme",
  subtitle: 'Rapport du Secrétaire général',
  headings: {
    introduction: 'Introduction',
    developments: 'Évolution par région',
    cooperation: "Coopération avec le Haut-Commissariat des Nations Unies aux droits de l'homme",
    exchanges: "Échanges d'informations entre les organes des Nations Unies et les organes régionaux",
    obstacles: 'Obstacles à la ratification et stratégies pour les surmonter',
    implementation: 'Application de la résolution',
    conclusions: 'Conclusions et recommandations',
    annex: 'Sources des chiffres',
  },
  noData: 'aucune donnée',

  summary: (x) =>
    `Le présent rapport décrit la situation des arrangements régionaux pour la promotion et la protection des droits de l'homme du ${x.start} au ${x.end}, dans ${n(x.regions, 'région', 'régions')}. Il porte sur ${n(x.organizations, 'organisation régionale', 'organisations régionales')}, ${n(x.instruments, 'instrument régional', 'instruments régionaux')} et ${n(x.mechanisms, 'mécanisme régional', 'mécanismes régionaux')}${NB}; pendant la période considérée, les données enregistrées font apparaître ${x.newParties === 1 ? 'un cas' : `${x.newParties} cas`} où un État est devenu partie à un instrument. Il rend compte de la coopération avec le Haut-Commissariat des Nations Unies aux droits de l'homme, des échanges d'informations, des obstacles à la ratification et de l'application de la résolution, et se termine par des recommandations tirées des données. Chaque chiffre rend compte de la situation au ${x.end} d'après les données disponibles au moment de l'établissement du rapport, et ses sources sont indiquées.`,

  mandateLead: (x) =>
    `Le présent rapport est soumis en application du paragraphe ${x.paragraph} de la résolution ${x.symbol ? `${x.symbol} ` : ''}de l'Assemblée générale${x.adopted ? `, en date du ${x.adopted},` : ''} relative aux arrangements régionaux pour la promotion et la protection des droits de l'homme, dans laquelle l'Assemblée${NB}:`,
  mandateMissing: (why) => `Le texte de la résolution demandant le présent rapport n'a pu être cité${NB}: ${why}.`,
  period: (x) => `Le présent rapport porte sur la période allant du ${x.start} au ${x.end}, date à laquelle tous les chiffres qu'il contient sont arrêtés.`,
  method: `Les chiffres sont tirés des registres des dépositaires, des organisations régionales, des cours et commissions et du Haut-Commissariat, tels qu'ils sont conservés dans la plateforme Accord${NB}; chacun repose sur les sources énumérées en annexe. Un fait dont la date n'est connue qu'en partie, ou qui repose sur une source tertiaire ou sur aucune source, est compté à part comme incertain${NB}; un fait qui ne repose que sur des sources secondaires est compté, et cela est précisé. Lorsque les registres sont muets, le rapport le signale${NB}: l'absence d'enregistrement ne prouve pas qu'aucune mesure n'a été prise.`,
  regionsCovered: (x) => `Les régions sont celles des Codes standard des pays et des zones géographiques à usage statistique (M49) de l'Organisation des Nations Unies${NB}: ${x.regions}.`,

  regionStates: (x) => {
    const count = counted(x.states);
    return count === null
      ? `Nombre d'États de la région ${x.region} selon les données enregistrées${NB}: ${x.states}.`
      : `Selon les données enregistrées, la région ${x.region} compte ${x.states} ${count < 2 ? 'État' : 'États'}.`;
  },
  // Not "6 organisations…": a sentence does not open on a figure, least of all after a paragraph number.
  organizations: (x) => `Des États de la région sont membres ${x.count === 1 ? "d'une organisation régionale" : `de ${x.count} organisations régionales`}${NB}: ${x.list}.`,
  noOrganization: (x) => `Les données enregistrées ne font état d'aucune organisation régionale comptant un État membre dans la région au ${x.date}.`,
  organization: (x) => {
    const count = counted(x.members);
    const members = count === null ? `membres${NB}: ${x.members}` : `${x.members} ${count < 2 ? 'membre' : 'membres'}`;
    return `${x.name} (${members}, dont ${x.inRegion} dans la région${x.unverified ? `${NB}; ${n(x.unverified, 'appartenance non vérifiée', 'appartenances non vérifiées')}` : ''})`;
  },
  instruments: (x) =>
    x.count === 1
      ? `L'instrument relatif aux droits de l'homme que ces organisations avaient adopté à la fin de la période est le suivant${NB}: ${x.list}.`
      : `Les instruments relatifs aux droits de l'homme que ces organisations avaient adoptés à la fin de la période sont les suivants${NB}: ${x.list}.`,
  noInstrument: (x) => `Les données enregistrées ne font état d'aucun instrument régional relatif aux droits de l'homme adopté par ces organisations au ${x.date}.`,
  // "adoption : …" rather than "adopté(e) le …": the title's gender is unknown and the date may be a year only.
  instrument: (x) =>
    `${x.title}${x.adopted ? ` (adoption${NB}: ${x.adopted}${NB}; ${x.inForce ? `entrée en vigueur${NB}: ${x.inForce}` : x.notYetInForce ? 'pas encore en vigueur à cette date' : 'entrée en vigueur non enregistrée'})` : ''}`,
  mechanisms: (x) =>
    x.count === 1
      ? `Leur mécanisme de promotion et de protection des droits de l'homme${NB}: ${x.list}.`
      : `Leurs ${x.count} mécanismes de promotion et de protection des droits de l'homme${NB}: ${x.list}.`,
  noMechanism: (x) => `Les données enregistrées ne font état d'aucun mécanisme régional relatif aux droits de l'homme créé par ces organisations au ${x.date}.`,
  mechanism: (x) =>
    `${x.name}${x.established ? ` (création${NB}: ${x.established}${x.complaints ? `${NB}; examine des plaintes individuelles` : ''})` : x.complaints ? ' (examine des plaintes individuelles)' : ''}`,
  ratificationCaption: (x) => `États parties dans la région ${x.region}, au ${x.date}`,
  ratificationColumns: {
    instrument: 'Instrument',
    parties: 'États parties',
    uncertain: 'Incertains',
    atVienna: 'À la date de la Déclaration de Vienne (25 juin 1993)',
    beforePeriod: 'Avant la période',
    newInPeriod: 'Nouveaux pendant la période',
    newSinceVienna: 'Nouveaux depuis 1993',
  },
  ratificationNote: (x) =>
    `La colonne «${NB}États parties${NB}» dénombre les parties dont l'acte est daté au jour près et repose sur une source officielle ou secondaire${NB}; la colonne «${NB}Incertains${NB}», celles dont la date n'est connue qu'en partie ou dont la source est tertiaire ou manquante. «${NB}Avant la période${NB}»${NB}: la veille du ${x.start}. «${NB}Aucune donnée${NB}»${NB}: les données enregistrées ne contiennent aucune source sur les participants à l'instrument. «${NB}—${NB}»${NB}: l'instrument n'avait pas été adopté le 25 juin 1993. Mêmes chiffres${NB}: ${x.api}.`,
  newParties: (x) =>
    `Du ${x.start} au ${x.end}, ${x.count === 1 ? 'un État de la région est devenu partie' : `${n(x.count, 'État de la région est devenu partie', 'États de la région sont devenus parties')}`} à des instruments${NB}: ${x.list}.`,
  noNewParty: (x) => `Les données enregistrées ne font apparaître aucun État de la région devenu partie à ces instruments entre le ${x.start} et le ${x.end}.`,
  newParty: (x) => `${x.state} (${x.instruments})`,
  uncertainMark: 'incertain',
  chartCaption: (x) => `États parties aux principaux instruments des Nations Unies relatifs aux droits de l'homme dans la région ${x.region}`,
  chartSeries: { atVienna: '25 juin 1993', atDate: (date) => date },
  chartMax: (x) => `États de la région${NB}: ${x.states}`,
  chartAlt: (x) =>
    `Graphique à barres${NB}: pour chacun des principaux instruments des Nations Unies relatifs aux droits de l'homme, nombre d'États de la région ${x.region} qui y étaient parties le 25 juin 1993 et le ${x.date}.`,

  requests: (x) =>
    `Au ${x.date}, selon les données enregistrées, le Haut-Commissariat avait reçu ${n(x.total, 'demande', 'demandes')} de coopération technique (${x.byStatus}). À cette date, ${n(x.unanswered, 'demande était', 'demandes étaient')} en attente de réponse, dont ${x.overdue} au-delà du délai de réponse fixé.`,
  noRequest: (x) => `Les données enregistrées ne font état d'aucune demande de coopération technique reçue au ${x.date}${NB}; cela ne signifie pas qu'aucune demande n'a été faite.`,
  projects: (x) =>
    `Les données enregistrées font état de ${n(x.total, 'projet', 'projets')} de coopération technique, dont ${x.running} en cours entre le ${x.start} et le ${x.end}.${x.budget ? ` Leurs budgets s'élèvent au total à ${x.budget}${x.disbursed ? `, dont ${x.disbursed} avaient été décaissés au ${x.end}` : ''}.` : ''}`,
  noProject: (x) => `Les données enregistrées ne font état d'aucun projet de coopération technique au ${x.date}${NB}; cela ne signifie pas qu'aucun projet n'a été exécuté.`,
  events: (x) =>
    `Du ${x.start} au ${x.end}, ${x.total < 2 ? `${x.total} cours de formation, atelier ou autre manifestation a été organisé` : `${x.total} cours de formation, ateliers et autres manifestations ont été organisés`}, ${x.counted === 0 ? `${NB}; les données ne précisent pas le nombre de participants` : x.counted === x.total ? `, avec au total ${n(x.participants, 'participant', 'participants')}` : `${NB}; ${n(x.participants, 'participant est enregistré', 'participants sont enregistrés')} pour ${x.counted} d'entre eux`}.`,
  noEvent: (x) => `Les données enregistrées ne font état d'aucun cours de formation, atelier ou autre manifestation organisé entre le ${x.start} et le ${x.end}.`,
  eventCaption: (x) => `Manifestations organisées du ${x.start} au ${x.end}`,
  eventColumns: { title: 'Manifestation', kind: 'Type', dates: 'Dates', country: 'Pays', participants: 'Participants' },
  presences: (x) =>
    `Au ${x.date}, ${n(x.open, 'présence sur le terrain du Haut-Commissariat était ouverte', 'présences sur le terrain du Haut-Commissariat étaient ouvertes')} (${x.list}), couvrant ${n(x.covered, 'État', 'États')}${x.uncertain ? `, dont ${x.uncertain} seulement à partir d'une date connue en partie` : ''}.`,
  noPresence: (x) => `Les données enregistrées ne font état d'aucune présence sur le terrain du Haut-Commissariat ouverte au ${x.date}.`,

  exchanges: (x) =>
    `Du ${x.start} au ${x.end}, les données enregistrées font état de ${n(x.total, 'échange', 'échanges')} d'informations entre les organes des Nations Unies et les organes régionaux (${x.byKind}).`,
  noExchange: (x) =>
    `Les données enregistrées ne font état d'aucun échange d'informations entre les organes des Nations Unies et les organes régionaux entre le ${x.start} et le ${x.end}${NB}; cela ne signifie pas qu'aucun échange n'a eu lieu.`,
  exchangeCaption: (x) => `Échanges entre les organes des Nations Unies et les organes régionaux, du ${x.start} au ${x.end}`,
  exchangeColumns: { title: 'Échange', kind: 'Type', dates: 'Dates', parties: 'Parties' },

  obstacles: (x) =>
    `Au ${x.date}, ${n(x.total, 'obstacle à la ratification avait été recensé', 'obstacles à la ratification avaient été recensés')} (${x.byCategory}), et ${n(x.strategies, 'stratégie avait été engagée', 'stratégies avaient été engagées')} pour les surmonter.`,
  noObstacle: (x) => `Les données enregistrées ne font état d'aucun obstacle à la ratification recensé au ${x.date}${NB}; cela ne signifie pas qu'il n'en existe aucun.`,
  obstacleExample: (x) =>
    `${x.state}, ${x.instruments} (${x.category}${NB}; recensement${NB}: ${x.identified})${NB}: ${x.description}${x.strategies ? ` Stratégies${NB}: ${x.strategies}.` : " Aucune stratégie n'est enregistrée."}`,

  implementation: (x) =>
    `La résolution contient ${n(x.total, 'demande ou invitation', 'demandes et invitations')} dont les données enregistrées assurent le suivi. Au ${x.date}${NB}: ${x.byStatus}${NB}; échéance dépassée${NB}: ${x.overdue}.`,
  implementationMissing: (why) => `L'application de la résolution ne peut être présentée paragraphe par paragraphe${NB}: ${why}.`,
  implementationCaption: (x) => `Application de la résolution, paragraphe par paragraphe, au ${x.date}`,
  implementationColumns: { paragraph: 'Paragraphe', request: 'Demande', status: 'Statut', due: 'Échéance', answeredBy: 'Réponse apportée par' },
  noAnswer: 'aucune enregistrée',
  noDue: 'aucune date fixée',

  conclusionsLead: (x) => `Les données arrêtées au ${x.date} font apparaître ce qui suit.`,
  uncovered: (x) =>
    `Au ${x.date}, ${n(x.count, "État des régions examinées ne relève d'aucun", "États des régions examinées ne relèvent d'aucun")} mécanisme régional relatif aux droits de l'homme${NB}: ${x.list}.`,
  noneUncovered: (x) => `Au ${x.date}, chaque État des régions examinées relève d'au moins un mécanisme régional relatif aux droits de l'homme.`,
  uncoveredRecommendation: (x) =>
    `Les États des régions où il n'existe pas encore d'arrangements régionaux dans le domaine des droits de l'homme voudront peut-être envisager de conclure des accords en vue d'établir des mécanismes régionaux appropriés${x.paragraph ? `, comme l'Assemblée générale les y a invités au paragraphe ${x.paragraph} de la résolution` : ''}.`,
  coverageIncomplete: (x) =>
    `La couverture est peut-être sous-estimée pour les mécanismes suivants, dont le champ dépend de données conventionnelles que les registres ne contiennent pas${NB}: ${x.list}.`,
  leastRatified: (x) => `Dans la région ${x.region}, les instruments qui comptent le moins d'États parties sont les suivants${NB}: ${x.list}.`,
  leastRatifiedItem: (x) => `${x.instrument} (${x.parties} sur ${x.states})`,
  leastRatifiedRecommendation:
    "Les États qui ne l'ont pas encore fait voudront peut-être envisager de ratifier ces instruments, avec l'assistance technique du Haut-Commissariat et des organisations régionales lorsque des obstacles à la ratification ont été recensés.",
  unanswered: (x) =>
    `Au ${x.date}, ${n(x.count, 'demande de coopération technique était', 'demandes de coopération technique étaient')} en attente de réponse, dont ${x.overdue} au-delà de l'échéance fixée.`,
  unansweredRecommendation: 'Le Haut-Commissariat voudra peut-être répondre à ces demandes en priorité.',
  dataRecommendation:
    "Les organisations régionales, les États et les institutions nationales des droits de l'homme sont encouragés à communiquer leurs données datées au Haut-Commissariat, afin que les chiffres signalés comme incertains ou manquants dans le présent rapport puissent être établis.",
  mapCaption: (x) => `États relevant d'un mécanisme régional relatif aux droits de l'homme, au ${x.date}`,
  mapAlt: (x) =>
    `Carte du monde${NB}: au ${x.date}, ${n(x.covered, 'État relève', 'États relèvent')} d'au moins un mécanisme régional relatif aux droits de l'homme et ${n(x.uncovered, "État ne relève d'aucun", "États ne relèvent d'aucun")}.`,
  mapLegend: { covered: "Relève d'un mécanisme régional", uncovered: "Ne relève d'aucun" },

  annexLabel: 'Annexe',
  sourcesCaption: 'Sources des chiffres',
  sourcesColumns: { number: 'N°', source: 'Source', kind: 'Type', address: 'Adresse' },
  sourceKinds: { official: 'officielle', secondary: 'secondaire', tertiary: 'tertiaire', unknown: 'inconnue' },
  seeSources: (x) => `Sources${NB}: annexe, ${/[ ,]/.test(x.numbers) ? 'n°s' : 'n°'} ${x.numbers}.`,
  apiNote: (x) => `Mêmes chiffres${NB}: ${x.api}.`,
};
