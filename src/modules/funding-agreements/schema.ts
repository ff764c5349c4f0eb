// Funding agreements (OP8(f): e.g. with the European Commission): the bodies that enter and
// change one, and its read view. A budget line or transaction funded under a donor agreement
// names it.
import { z } from '@hono/zod-openapi';
import { accessFields, confidentialityFields, partialDate, text, writeFields } from '../edits/schema.ts';
import { amountText, currencyCode } from '../money/schema.ts';
import { sourceSchema } from '../sources/schema.ts';
import { RECORD_ORIGINS } from '../../shared/vocabularies.ts';
import { recordId } from '../projects/schema.ts';

const agreementFields = {
  title: text(500),
  reference: text(200).nullable(),
  donorName: text(300),
  donorRef: text(100).nullable().openapi({ description: "The donor's IATI organisation identifier." }),
  donorType: z
    .string()
    .regex(/^\d{1,3}$/, 'must be an IATI OrganisationType code, e.g. 40')
    .nullable(),
  signed: partialDate.nullable(),
  startDate: partialDate.nullable(),
  endDate: partialDate.nullable(),
  amount: amountText.nullable(),
  currency: currencyCode.nullable(),
};

export const agreementCreateSchema = z
  .object({ id: recordId.optional(), ...agreementFields, ...confidentialityFields, ...writeFields })
  .partial({ reference: true, donorRef: true, donorType: true, signed: true, startDate: true, endDate: true, amount: true, currency: true })
  .strict()
  .openapi('FundingAgreementCreate', { description: 'An agreement under which a donor funds projects, with the source it rests on. An amount needs its currency.' });

export const agreementUpdateSchema = z
  .object({ ...z.object(agreementFields).partial().shape, ...confidentialityFields, ...writeFields })
  .strict()
  .openapi('FundingAgreementUpdate');

export type AgreementCreateBody = z.infer<typeof agreementCreateSchema>;
export type AgreementUpdateBody = z.infer<typeof agreementUpdateSchema>;

export const agreementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    reference: z.string().nullable(),
    donor: z.object({ name: z.string(), ref: z.string().nullable(), type: z.string().nullable() }),
    signed: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    sources: z.array(sourceSchema),
    verified: z.boolean(),
    version: z.number().int(),
    origin: z.enum(RECORD_ORIGINS),
    ...accessFields,
  })
  .openapi('FundingAgreement');

export type AgreementView = z.infer<typeof agreementSchema>;
