// One project as an IATI 2.03 `iati-activity`, in the order the schema's sequence requires.
// Only what the project states is written: a date known only to its year or month, a document
// whose format its address does not say, or one with no IATI category, is left out (an IATI
// date is a day; `format` and `category` are required). docs/IATI.md, "Export", lists the mapping.
import { xmlText } from '../../shared/xml.ts';
import { BUDGET_STATUSES, INDICATOR_MEASURES, PROJECT_STATUSES, RESULT_TYPES, TRANSACTION_TYPES } from '../../shared/vocabularies.ts';
import type { ProjectParts, ProjectRow } from './repository.ts';

/** The organisation that publishes the file: IATI's reporting-org. */
export interface ReportingOrg {
  ref: string;
  type: string;
  name: string;
}

/** IATI's OrganisationRole codes; a partner is an implementing organisation. */
const ROLE_CODES: Record<string, string> = { funding: '1', accountable: '2', extending: '3', implementing: '4', partner: '4' };
/** IATI's IndicatorMeasure codes of INDICATOR_MEASURES. */
const MEASURE_CODES = ['1', '2', '5'];
/** The Human rights purpose code of the OECD DAC (Sector vocabulary 1). */
export const HUMAN_RIGHTS_SECTOR = '15160';

const FORMATS: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  htm: 'text/html',
  html: 'text/html',
};

const isDay = (date: string | null): date is string => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date);
const attr = (name: string, value: string | null | undefined) => (value === null || value === undefined ? '' : ` ${name}="${xmlText(value)}"`);
const narrative = (text: string) => `<narrative>${xmlText(text)}</narrative>`;
const codeOf = (list: readonly string[], value: string) => String(list.indexOf(value) + 1);

/** The format of a document, from the end of its web address; null when the address does not say. */
export function documentFormat(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const extension = /\.([a-z0-9]{2,5})(?:[?#].*)?$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension ? (FORMATS[extension] ?? null) : null;
}

export function activityIdentifier(project: ProjectRow, reporting: ReportingOrg): string {
  return project.iati_identifier ?? `${reporting.ref}-${project.id}`;
}

function organizations(project: ProjectRow, parts: ProjectParts, reporting: ReportingOrg): string[] {
  const own = parts.organizations.filter((o) => o.project_id === project.id);
  const lines = own.map((o) => `<participating-org${attr('ref', o.ref)}${attr('type', o.type)} role="${ROLE_CODES[o.role]}">${narrative(o.name)}</participating-org>`);
  // The programme's projects are the reporting organisation's own: it is accountable for them
  // unless the project names who is.
  if (!own.some((o) => o.role === 'accountable'))
    lines.unshift(`<participating-org${attr('ref', reporting.ref)}${attr('type', reporting.type)} role="2">${narrative(reporting.name)}</participating-org>`);
  return lines;
}

function dates(project: ProjectRow): string[] {
  const list: [string, string | null][] = [
    ['1', project.planned_start],
    ['2', project.actual_start],
    ['3', project.planned_end],
    ['4', project.actual_end],
  ];
  return list.filter(([, date]) => isDay(date)).map(([type, date]) => `<activity-date type="${type}" iso-date="${date}"/>`);
}

function money(amount: string, currency: string, valueDate: string): string {
  return `<value currency="${xmlText(currency)}" value-date="${xmlText(valueDate)}">${xmlText(amount)}</value>`;
}

function budgets(project: ProjectRow, parts: ProjectParts): string[] {
  return parts.budgets
    .filter((b) => b.project_id === project.id)
    .map(
      (b) =>
        `<budget type="1" status="${codeOf(BUDGET_STATUSES, b.status)}"><period-start iso-date="${xmlText(b.period_start)}"/><period-end iso-date="${xmlText(b.period_end)}"/>${money(b.amount, b.currency, b.value_date)}</budget>`,
    );
}

function transactions(project: ProjectRow, parts: ProjectParts): string[] {
  return parts.transactions
    .filter((t) => t.project_id === project.id)
    .map(
      (t) =>
        `<transaction><transaction-type code="${codeOf(TRANSACTION_TYPES, t.type)}"/><transaction-date iso-date="${xmlText(t.date)}"/>${money(t.amount, t.currency, t.value_date)}` +
        `${t.description ? `<description>${narrative(t.description)}</description>` : ''}` +
        `${t.provider ? `<provider-org>${narrative(t.provider)}</provider-org>` : ''}${t.receiver ? `<receiver-org>${narrative(t.receiver)}</receiver-org>` : ''}</transaction>`,
    );
}

function documents(project: ProjectRow, parts: ProjectParts): string[] {
  // The page's documents are many: the address is read only for this project's own.
  return parts.documents.flatMap((d) => {
    if (d.owner_id !== project.id || !d.category) return [];
    const format = documentFormat(d.url);
    if (!format) return [];
    return [
      `<document-link format="${format}"${attr('url', d.url)}><title>${narrative(d.title)}</title><category code="${xmlText(d.category)}"/>` +
        `${d.lang ? `<language code="${xmlText(d.lang)}"/>` : ''}${isDay(d.date) ? `<document-date iso-date="${d.date}"/>` : ''}</document-link>`,
    ];
  });
}

function results(project: ProjectRow, parts: ProjectParts): string[] {
  return parts.results
    .filter((r) => r.project_id === project.id)
    .map((r) => {
      const indicators = parts.indicators
        .filter((i) => i.result_id === r.id)
        .map(
          (i) =>
            `<indicator measure="${MEASURE_CODES[INDICATOR_MEASURES.indexOf(i.measure as (typeof INDICATOR_MEASURES)[number])]}" ascending="${i.ascending}"><title>${narrative(i.title)}</title>` +
            `${i.baseline_year !== null ? `<baseline year="${i.baseline_year}"${attr('value', i.baseline_value)}/>` : ''}</indicator>`,
        );
      return `<result type="${codeOf(RESULT_TYPES, r.type)}"><title>${narrative(r.title)}</title>${r.description ? `<description>${narrative(r.description)}</description>` : ''}${indicators.join('')}</result>`;
    });
}

/** The activity's XML, one line per element of the activity (indented for people who read it). */
export function activityXml(project: ProjectRow, parts: ProjectParts, reporting: ReportingOrg, lastUpdated: string): string {
  const countries = parts.countries.filter((c) => c.project_id === project.id);
  const tags = (JSON.parse(project.sdg_tags) as string[]).map((tag) => `<tag vocabulary="${tag.includes('.') ? '3' : '2'}" code="${xmlText(tag)}"/>`);
  const lines = [
    `<iati-identifier>${xmlText(activityIdentifier(project, reporting))}</iati-identifier>`,
    `<reporting-org${attr('ref', reporting.ref)}${attr('type', reporting.type)}>${narrative(reporting.name)}</reporting-org>`,
    `<title>${narrative(project.title)}</title>`,
    ...(project.objectives ? [`<description type="2">${narrative(project.objectives)}</description>`] : []),
    ...organizations(project, parts, reporting),
    `<activity-status code="${codeOf(PROJECT_STATUSES, project.status)}"/>`,
    ...dates(project),
    ...countries.map((c) => `<recipient-country code="${xmlText(c.iso2)}"${attr('percentage', c.percentage)}/>`),
    ...(project.region_code ? [`<recipient-region code="${xmlText(project.region_code)}" vocabulary="2"/>`] : []),
    `<sector vocabulary="1" code="${HUMAN_RIGHTS_SECTOR}"/>`,
    ...tags,
    ...budgets(project, parts),
    ...transactions(project, parts),
    ...documents(project, parts),
    ...results(project, parts),
  ];
  const open = `<iati-activity xml:lang="en"${attr('default-currency', project.default_currency)} last-updated-datetime="${xmlText(lastUpdated)}">`;
  return `  ${open}\n${lines.map((l) => `    ${l}\n`).join('')}  </iati-activity>\n`;
}
