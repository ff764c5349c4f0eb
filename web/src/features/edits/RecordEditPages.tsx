// The pages where editors create or correct an organization, an instrument or a mechanism. A
// correction reads the record fresh (never from memory), with its version; only the fields
// changed are sent, with the source of the change. What the reader may do is asked of the API.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useOrganizations } from '../../api/registry.ts';
import type { Instrument, Mechanism, Organization } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable, Loading } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { today } from '../../../../src/shared/dates.ts';
import { Guard, NotAllowed } from '../account/Guard.tsx';
import { EditForm } from './EditForm.tsx';
import { hasScopeOf, usePermissions } from './RecordTools.tsx';
import { accessOf, instrumentFields, instrumentValues, mechanismFields, mechanismValues, organizationFields, organizationValues } from './specs.ts';

const fresh = { remember: false } as const;

function Heading({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  usePageTitle(title);
  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>{backLabel}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{useI18n().t('edit.lead')}</p>
    </>
  );
}

/** Waits for the reader's permissions on the record; says plainly when they may not change it. */
function IfMayUpdate({ entity, id, children }: { entity: 'organization' | 'instrument' | 'mechanism'; id: string; children: React.ReactNode }) {
  const permissions = usePermissions(entity, id);
  if (!permissions) return <Loading />;
  if (!permissions.update) return <NotAllowed />;
  return <>{children}</>;
}

export function OrganizationEditPage() {
  const { id } = useParams();
  return (
    <Guard allowed={(can) => (id ? true : can.editAll)}>
      {() =>
        id ? (
          <IfMayUpdate entity="organization" id={id}>
            <OrganizationEdit id={id} />
          </IfMayUpdate>
        ) : (
          <OrganizationEdit />
        )
      }
    </Guard>
  );
}

function OrganizationEdit({ id }: { id?: string }) {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const loaded = useApi(
    id ? `edit|organization|${id}|${lang}` : 'edit|organization|new',
    (signal) => (id ? getJson<Organization>(`/organizations/${encodeURIComponent(id)}`, { lang }, signal) : Promise.resolve(null)),
    fresh,
  );
  const fields = organizationFields(t);
  return (
    <Loadable loaded={loaded}>
      {(org) => (
        <>
          <Heading
            title={org ? t('edit.title.organization', { name: org.name }) : t('edit.new.organization')}
            back={href(org ? `/organizations/${org.id}` : '/organizations')}
            backLabel={org ? org.name : t('nav.organizations')}
          />
          <EditForm
            fields={fields}
            mode={org ? 'update' : 'create'}
            initial={org ? organizationValues(org) : { kind: 'regional' }}
            version={org?.version}
            access={org ? accessOf(org) : undefined}
            valuesOf={(current) => (current ? organizationValues(current as Organization) : null)}
            submitLabel={org ? t('edit.save') : t('edit.create')}
            send={({ body, ifMatch, reason }) =>
              write<{ id?: string }>(org ? `/organizations/${encodeURIComponent(org.id)}` : '/organizations', { method: org ? 'PATCH' : 'POST', body, ifMatch, reason })
            }
            onDone={(result) => navigate(href(`/organizations/${org?.id ?? result.id}`), { state: { edited: org ? 'saved' : 'created' } })}
            onCancel={() => navigate(href(org ? `/organizations/${org.id}` : '/organizations'))}
          />
        </>
      )}
    </Loadable>
  );
}

/** The organizations as choices (id → name), for the organization an instrument or mechanism belongs to. */
function useOrganizationChoices() {
  const { lang } = useI18n();
  const organizations = useOrganizations(lang, today());
  return { ...organizations, data: organizations.data?.map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name] as [string, string]) };
}

export function InstrumentEditPage() {
  const { code } = useParams();
  return (
    <Guard allowed={(can) => (code ? true : hasScopeOf(can, 'organization'))}>
      {() =>
        code ? (
          <IfMayUpdate entity="instrument" id={code}>
            <InstrumentEdit code={code} />
          </IfMayUpdate>
        ) : (
          <InstrumentEdit />
        )
      }
    </Guard>
  );
}

function InstrumentEdit({ code }: { code?: string }) {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write, can } = useAuth();
  const loaded = useAll(
    useApi(
      code ? `edit|instrument|${code}|${lang}` : 'edit|instrument|new',
      (signal) => (code ? getJson<Instrument>(`/instruments/${encodeURIComponent(code)}`, { lang }, signal) : Promise.resolve(null)),
      fresh,
    ),
    useOrganizationChoices(),
  );
  return (
    <Loadable loaded={loaded}>
      {([instrument, organizations]) => {
        const own = can.editAll ? organizations : organizations.filter(([id]) => can.editScopes.includes(`organization:${id}`));
        const title = instrument ? (instrument.shortTitle ?? instrument.title) : '';
        return (
          <>
            <Heading
              title={instrument ? t('edit.title.instrument', { name: title }) : t('edit.new.instrument')}
              back={href(instrument ? `/instruments/${instrument.code}` : '/instruments')}
              backLabel={instrument ? title : t('nav.instruments')}
            />
            <EditForm
              fields={instrumentFields(t, own)}
              mode={instrument ? 'update' : 'create'}
              initial={
                instrument ? instrumentValues(instrument) : { kind: 'protocol', binding: 'true', system: can.editAll ? 'un' : 'regional', organizationId: can.editAll ? '' : (own[0]?.[0] ?? '') }
              }
              version={instrument?.version}
              access={instrument ? accessOf(instrument) : undefined}
              valuesOf={(current) => (current ? instrumentValues(current as Instrument) : null)}
              submitLabel={instrument ? t('edit.save') : t('edit.create')}
              send={({ body, ifMatch, reason }) =>
                instrument ? write(`/instruments/${encodeURIComponent(instrument.code)}`, { method: 'PATCH', body, ifMatch, reason }) : write<{ id: string }>('/instruments', { body, reason })
              }
              onDone={(result) => navigate(href(`/instruments/${instrument?.code ?? (result as { id: string }).id}`), { state: { edited: instrument ? 'saved' : 'created' } })}
              onCancel={() => navigate(href(instrument ? `/instruments/${instrument.code}` : '/instruments'))}
            />
          </>
        );
      }}
    </Loadable>
  );
}

export function MechanismEditPage() {
  const { code } = useParams();
  return (
    <Guard allowed={(can) => (code ? true : hasScopeOf(can, 'organization'))}>
      {() =>
        code ? (
          <IfMayUpdate entity="mechanism" id={code}>
            <MechanismEdit code={code} />
          </IfMayUpdate>
        ) : (
          <MechanismEdit />
        )
      }
    </Guard>
  );
}

function MechanismEdit({ code }: { code?: string }) {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write, can } = useAuth();
  const loaded = useAll(
    useApi(
      code ? `edit|mechanism|${code}|${lang}` : 'edit|mechanism|new',
      (signal) => (code ? getJson<Mechanism>(`/mechanisms/${encodeURIComponent(code)}`, { lang }, signal) : Promise.resolve(null)),
      fresh,
    ),
    useOrganizationChoices(),
  );
  return (
    <Loadable loaded={loaded}>
      {([mechanism, organizations]) => {
        const own = can.editAll ? organizations : organizations.filter(([id]) => can.editScopes.includes(`organization:${id}`));
        return (
          <>
            <Heading
              title={mechanism ? t('edit.title.mechanism', { name: mechanism.name }) : t('edit.new.mechanism')}
              back={href(mechanism ? `/mechanisms/${mechanism.code}` : '/mechanisms')}
              backLabel={mechanism ? mechanism.name : t('nav.mechanisms')}
            />
            <EditForm
              fields={mechanismFields(t, organizations)}
              mode={mechanism ? 'update' : 'create'}
              initial={
                mechanism
                  ? mechanismValues(mechanism)
                  : { kind: 'commission', system: can.editAll ? 'un' : 'regional', organizationId: can.editAll ? '' : (own[0]?.[0] ?? ''), individualComplaints: 'false', coverageBasis: 'membership' }
              }
              version={mechanism?.version}
              access={mechanism ? accessOf(mechanism) : undefined}
              valuesOf={(current) => (current ? mechanismValues(current as Mechanism) : null)}
              submitLabel={mechanism ? t('edit.save') : t('edit.create')}
              send={({ body, ifMatch, reason }) =>
                mechanism ? write(`/mechanisms/${encodeURIComponent(mechanism.code)}`, { method: 'PATCH', body, ifMatch, reason }) : write<{ id: string }>('/mechanisms', { body, reason })
              }
              onDone={(result) => navigate(href(`/mechanisms/${mechanism?.code ?? (result as { id: string }).id}`), { state: { edited: mechanism ? 'saved' : 'created' } })}
              onCancel={() => navigate(href(mechanism ? `/mechanisms/${mechanism.code}` : '/mechanisms'))}
            />
          </>
        );
      }}
    </Loadable>
  );
}
