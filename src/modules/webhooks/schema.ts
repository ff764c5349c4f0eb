// Webhook bodies and answers (zod: validation and OpenAPI). A webhook's filters are the change
// feed's (kind, region, organization, State, instrument).
import { z } from '@hono/zod-openapi';
import { FEED_KINDS } from '../changes/subjects/repository.ts';

export const webhookFiltersSchema = z
  .strictObject({
    kind: z
      .array(z.enum(FEED_KINDS as [string, ...string[]], { error: `must be one of ${FEED_KINDS.join(', ')}` }))
      .max(20)
      .optional(),
    region: z
      .string()
      .regex(/^\d{3}$/, 'must be a UN M49 code of three digits')
      .optional(),
    organization: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be an organization id')
      .optional(),
    state: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO alpha-3 code in capitals')
      .optional(),
    instrument: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be an instrument code')
      .optional(),
  })
  .openapi('WebhookFilters');
export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;

const url = z.string().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const description = z.string().max(500, 'must be at most 500 characters').nullable();

export const webhookCreateSchema = z.strictObject({ url, description: description.optional(), filters: webhookFiltersSchema.optional(), active: z.boolean().optional() }).openapi('WebhookCreate');
export const webhookUpdateSchema = z
  .strictObject({ url: url.optional(), description: description.optional(), filters: webhookFiltersSchema.optional(), active: z.boolean().optional() })
  .openapi('WebhookUpdate');

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    filters: webhookFiltersSchema,
    active: z.boolean(),
    cursor: z.string().openapi({ description: 'The last change queued for it.' }),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');
export type WebhookView = z.infer<typeof webhookSchema>;

export const webhookCreatedSchema = webhookSchema.extend({ secret: z.string().openapi({ description: 'Shown this once: keep it to check signatures.' }) }).openapi('WebhookCreated');
export const secretSchema = z.object({ id: z.string(), secret: z.string() }).openapi('WebhookSecret');

export const deliverySchema = z
  .object({
    id: z.string(),
    change: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    log: z.array(z.object({ at: z.string(), status: z.number().int().nullable(), error: z.string().nullable(), ms: z.number() })),
  })
  .openapi('WebhookDelivery');
export type DeliveryView = z.infer<typeof deliverySchema>;
