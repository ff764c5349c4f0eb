// The programme's dashboard as the API shows it: counts by year (and by region), participation
// sums, budgets per funding source and currency, and counts per State for a map.
import { z } from '@hono/zod-openapi';
import { EVENT_KINDS, FUNDING_SOURCES, PROJECT_STATUSES, REQUEST_STATUSES } from '../../shared/vocabularies.ts';

const countBy = <K extends z.ZodType>(key: K) => z.object({ year: z.string(), key, count: z.number().int() });
const regionCount = z.object({
  year: z.string(),
  region: z.string().nullable().openapi({ description: 'M49 code of the region (first level); null: the record names no State and no region.' }),
  count: z.number().int(),
});

export const dashboardSchema = z
  .object({
    region: z.string().nullable(),
    from: z.string().nullable().openapi({ description: 'The first year shown: the one asked, else the first any visible record falls in (null without records).' }),
    to: z.string().nullable(),
    years: z.array(z.string()).openapi({ description: 'Every year from `from` to `to`.' }),
    regions: z.array(z.object({ code: z.string(), name: z.string() })).openapi({ description: 'The M49 regions of the first level, named in the asked language.' }),
    requests: z.object({
      byStatus: z.array(countBy(z.enum(REQUEST_STATUSES))).openapi({ description: 'Requests by the year they were received and their current status.' }),
      byRegion: z.array(regionCount),
    }),
    projects: z.object({
      byStatus: z.array(countBy(z.enum(PROJECT_STATUSES))).openapi({ description: 'Projects running in each year (from start to end, actual else planned), by status.' }),
      byRegion: z.array(regionCount).openapi({ description: 'A project counts in each region it serves, so these do not add up across regions.' }),
    }),
    events: z.object({
      byKind: z.array(countBy(z.enum(EVENT_KINDS))).openapi({ description: 'Events by the year they start in and kind.' }),
      byRegion: z.array(regionCount),
    }),
    participants: z
      .array(
        z.object({
          year: z.string(),
          headcount: z.number().int().nullable().openapi({ description: 'The sum of the participation counts recorded for the events of that year; null when none of them has counts.' }),
          byGender: z.array(z.object({ gender: z.string().nullable().openapi({ description: 'null: counted without a gender.' }), headcount: z.number().int() })),
          eventsCounted: z.number().int(),
          eventsWithoutCounts: z.number().int().openapi({ description: 'Events of that year with no participation counts: not in the sums, and not zero.' }),
        }),
      )
      .openapi({ description: 'Only what is recorded is summed.' }),
    funds: z
      .array(
        z.object({
          year: z.string(),
          fundingSource: z.enum(FUNDING_SOURCES),
          currency: z.string(),
          amount: z.string().openapi({ description: 'The exact sum of the budget lines, as a decimal string.' }),
          lines: z.number().int(),
        }),
      )
      .openapi({ description: 'Budget lines by the year their period starts in, funding source and currency (never added across currencies).' }),
    countries: z
      .array(z.object({ iso3: z.string(), name: z.string(), requests: z.number().int(), projects: z.number().int(), events: z.number().int() }))
      .openapi({ description: 'Per State: requests it made, projects in it, events it hosted.' }),
  })
  .openapi('CooperationDashboard');

export type Dashboard = z.infer<typeof dashboardSchema>;
