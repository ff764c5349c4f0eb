// The app's addresses. Every page lives under its language: /en/, /fr/states/FRA, /ar/search?q=...
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { AuthProvider } from '../api/auth.tsx';
import { Loading } from '../components/PageState.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { InstrumentPage } from '../features/instruments/InstrumentPage.tsx';
import { InstrumentsPage } from '../features/instruments/InstrumentsPage.tsx';
import { MechanismPage } from '../features/mechanisms/MechanismPage.tsx';
import { MechanismsPage } from '../features/mechanisms/MechanismsPage.tsx';
import { OrganizationPage } from '../features/organizations/OrganizationPage.tsx';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage.tsx';
import { PresencesPage } from '../features/presences/PresencesPage.tsx';
import { SearchPage } from '../features/search/SearchPage.tsx';
import { SourcesPage } from '../features/sources/SourcesPage.tsx';
import { StatePage } from '../features/states/StatePage.tsx';
import { StatesPage } from '../features/states/StatesPage.tsx';
import { I18nProvider, isLang, preferredLang } from '../i18n/i18n.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// The treaty views are large tables that few readers open first: their code is fetched when one
// of them is opened, so the JavaScript every page needs does not grow with them.
const TreatyMatrixPage = lazy(() => import('../features/treaties/TreatyMatrixPage.tsx').then((m) => ({ default: m.TreatyMatrixPage })));
const SinceViennaPage = lazy(() => import('../features/treaties/SinceViennaPage.tsx').then((m) => ({ default: m.SinceViennaPage })));
const DataQualityPage = lazy(() => import('../features/data-quality/DataQualityPage.tsx').then((m) => ({ default: m.DataQualityPage })));
// Signing in and one's account: most readers never open them.
const SignInPage = lazy(() => import('../features/account/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
// The registry's edit forms: only editors open them.
const edits = () => import('../features/edits/routes.ts');
const OrganizationEditPage = lazy(() => edits().then((m) => ({ default: m.OrganizationEditPage })));
const InstrumentEditPage = lazy(() => edits().then((m) => ({ default: m.InstrumentEditPage })));
const MechanismEditPage = lazy(() => edits().then((m) => ({ default: m.MechanismEditPage })));
const NewMembershipEventPage = lazy(() => edits().then((m) => ({ default: m.NewMembershipEventPage })));
const MembershipEventPage = lazy(() => edits().then((m) => ({ default: m.MembershipEventPage })));
const NewTreatyActPage = lazy(() => edits().then((m) => ({ default: m.NewTreatyActPage })));
const TreatyActPage = lazy(() => edits().then((m) => ({ default: m.TreatyActPage })));
// One presence and its coverage periods, with their forms.
const CooperationPage = lazy(() => import('../features/cooperation/CooperationPage.tsx').then((m) => ({ default: m.CooperationPage })));
const presences = () => import('../features/presences/routes.ts');
const PresencePage = lazy(() => presences().then((m) => ({ default: m.PresencePage })));
const NewPresencePage = lazy(() => presences().then((m) => ({ default: m.NewPresencePage })));
const PeriodPage = lazy(() => presences().then((m) => ({ default: m.PeriodPage })));
// The programme's events, their series and the calendar, with their forms.
const events = () => import('../features/events/routes.ts');
const EventsPage = lazy(() => events().then((m) => ({ default: m.EventsPage })));
const CalendarPage = lazy(() => events().then((m) => ({ default: m.CalendarPage })));
const EventPage = lazy(() => events().then((m) => ({ default: m.EventPage })));
const NewEventPage = lazy(() => events().then((m) => ({ default: m.NewEventPage })));
const EditEventPage = lazy(() => events().then((m) => ({ default: m.EditEventPage })));
const SeriesPage = lazy(() => events().then((m) => ({ default: m.SeriesPage })));
// Exchanges of UN bodies with regional organizations and mechanisms, with their forms.
const exchanges = () => import('../features/exchanges/routes.ts');
const ExchangesPage = lazy(() => exchanges().then((m) => ({ default: m.ExchangesPage })));
const ExchangePage = lazy(() => exchanges().then((m) => ({ default: m.ExchangePage })));
const NewExchangePage = lazy(() => exchanges().then((m) => ({ default: m.NewExchangePage })));
const ExchangeSeriesListPage = lazy(() => exchanges().then((m) => ({ default: m.ExchangeSeriesListPage })));
const ExchangeSeriesPage = lazy(() => exchanges().then((m) => ({ default: m.ExchangeSeriesPage })));
const NewExchangeSeriesPage = lazy(() => exchanges().then((m) => ({ default: m.NewExchangeSeriesPage })));
const EditExchangeSeriesPage = lazy(() => exchanges().then((m) => ({ default: m.EditExchangeSeriesPage })));
// The administration of accounts: administrators only.
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const NewUserPage = lazy(() => import('../features/admin/NewUserPage.tsx').then((m) => ({ default: m.NewUserPage })));
const UserPage = lazy(() => import('../features/admin/UserPage.tsx').then((m) => ({ default: m.UserPage })));
// Recent changes: the public change feed.
const ChangesPage = lazy(() => import('../features/changes/ChangesPage.tsx').then((m) => ({ default: m.ChangesPage })));
const WebhooksPage = lazy(() => import('../features/changes/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })));
// Sync with other instances: the administrators' peers, and the records received (anyone).
const SyncPeersPage = lazy(() => import('../features/sync/SyncPeersPage.tsx').then((m) => ({ default: m.SyncPeersPage })));
const SyncRecordsPage = lazy(() => import('../features/sync/SyncRecordsPage.tsx').then((m) => ({ default: m.SyncRecordsPage })));
// The audit trail: administrators only.
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
// Recommendations: their code (the search, its facets and the marking of words) loads when opened.
const RecommendationsPage = lazy(() => import('../features/recommendations/RecommendationsPage.tsx').then((m) => ({ default: m.RecommendationsPage })));
const RatificationOutcomesPage = lazy(() => import('../features/recommendations/RatificationOutcomesPage.tsx').then((m) => ({ default: m.RatificationOutcomesPage })));
const InstrumentLinkReviewPage = lazy(() => import('../features/recommendations/InstrumentLinkReviewPage.tsx').then((m) => ({ default: m.InstrumentLinkReviewPage })));
const RecommendationPage = lazy(() => import('../features/recommendations/RecommendationPage.tsx').then((m) => ({ default: m.RecommendationPage })));
// The technical-cooperation programme's requests for assistance and projects, with their forms.
const requests = () => import('../features/requests/routes.ts');
const RequestsPage = lazy(() => requests().then((m) => ({ default: m.RequestsPage })));
const RequestPage = lazy(() => requests().then((m) => ({ default: m.RequestPage })));
const NewRequestPage = lazy(() => requests().then((m) => ({ default: m.NewRequestPage })));
const RequestEditPage = lazy(() => requests().then((m) => ({ default: m.RequestEditPage })));
const projects = () => import('../features/projects/routes.ts');
const ProjectsPage = lazy(() => projects().then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => projects().then((m) => ({ default: m.ProjectPage })));
const NewProjectPage = lazy(() => projects().then((m) => ({ default: m.NewProjectPage })));
const ProjectEditPage = lazy(() => projects().then((m) => ({ default: m.ProjectEditPage })));
// A State's ratification gaps: a page printed before missions, opened from the State's page.
const GapsPage = lazy(() => import('../features/obstacles/GapsPage.tsx').then((m) => ({ default: m.GapsPage })));
const ObstaclesPage = lazy(() => import('../features/obstacles/ObstaclesPage.tsx').then((m) => ({ default: m.ObstaclesPage })));
const ObstaclePage = lazy(() => import('../features/obstacles/ObstaclePage.tsx').then((m) => ({ default: m.ObstaclePage })));
const NewObstaclePage = lazy(() => import('../features/obstacles/NewObstaclePage.tsx').then((m) => ({ default: m.NewObstaclePage })));
const StrategyPage = lazy(() => import('../features/obstacles/StrategyPage.tsx').then((m) => ({ default: m.StrategyPage })));
// Resolutions read from their text, and the mandates they give, with the calendar of what is due.
const resolutions = () => import('../features/resolutions/routes.ts');
const ResolutionsPage = lazy(() => resolutions().then((m) => ({ default: m.ResolutionsPage })));
const ResolutionPage = lazy(() => resolutions().then((m) => ({ default: m.ResolutionPage })));
const MandatesPage = lazy(() => resolutions().then((m) => ({ default: m.MandatesPage })));
const MandateEditPage = lazy(() => resolutions().then((m) => ({ default: m.MandateEditPage })));
// The Secretary-General's report on regional arrangements: the builder and its drafts.
const report = () => import('../features/report/routes.ts');
const ReportBuilderPage = lazy(() => report().then((m) => ({ default: m.ReportBuilderPage })));
const DraftsPage = lazy(() => report().then((m) => ({ default: m.DraftsPage })));
const DraftPage = lazy(() => report().then((m) => ({ default: m.DraftPage })));
const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

function InLanguage() {
  const { lang } = useParams();
  const location = useLocation();
  // An address without a language (/states/FRA) is read in the reader's language.
  if (!isLang(lang)) return <Navigate to={`/${preferredLang()}${location.pathname}${location.search}`} replace />;
  return (
    <I18nProvider lang={lang}>
      <Layout />
    </I18nProvider>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/" element={<Navigate to={`/${preferredLang()}/`} replace />} />
        <Route path="/:lang" element={<InLanguage />}>
          <Route index element={<HomePage />} />
          <Route path="states" element={<StatesPage />} />
          <Route path="states/:iso3" element={<StatePage />} />
          <Route path="states/:iso3/gaps" element={later(<GapsPage />)} />
          <Route path="obstacles" element={later(<ObstaclesPage />)} />
          <Route path="obstacles/new" element={later(<NewObstaclePage />)} />
          <Route path="obstacles/:id" element={later(<ObstaclePage />)} />
          <Route path="obstacles/:id/strategies/:strategyId" element={later(<StrategyPage />)} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="organizations/:id" element={<OrganizationPage />} />
          <Route path="organizations/new" element={later(<OrganizationEditPage />)} />
          <Route path="organizations/:id/edit" element={later(<OrganizationEditPage />)} />
          <Route path="organizations/:id/events/new" element={later(<NewMembershipEventPage />)} />
          <Route path="organizations/:id/events/:iso3/:seq" element={later(<MembershipEventPage />)} />
          <Route path="instruments" element={<InstrumentsPage />} />
          <Route path="instruments/:code" element={<InstrumentPage />} />
          <Route path="instruments/new" element={later(<InstrumentEditPage />)} />
          <Route path="instruments/:code/edit" element={later(<InstrumentEditPage />)} />
          <Route path="treaty-acts/new" element={later(<NewTreatyActPage />)} />
          <Route path="treaty-acts/:instrument/:seq" element={later(<TreatyActPage />)} />
          <Route path="treaties" element={later(<TreatyMatrixPage />)} />
          <Route path="treaties/since-vienna" element={later(<SinceViennaPage />)} />
          <Route path="mechanisms" element={<MechanismsPage />} />
          <Route path="mechanisms/:code" element={<MechanismPage />} />
          <Route path="mechanisms/new" element={later(<MechanismEditPage />)} />
          <Route path="mechanisms/:code/edit" element={later(<MechanismEditPage />)} />
          <Route path="presences" element={<PresencesPage />} />
          <Route path="cooperation" element={later(<CooperationPage />)} />
          <Route path="presences/new" element={later(<NewPresencePage />)} />
          <Route path="presences/:id" element={later(<PresencePage />)} />
          <Route path="presences/:id/periods/:seq" element={later(<PeriodPage />)} />
          <Route path="events" element={later(<EventsPage />)} />
          <Route path="events/calendar" element={later(<CalendarPage />)} />
          <Route path="events/new" element={later(<NewEventPage />)} />
          <Route path="events/series/:id" element={later(<SeriesPage />)} />
          <Route path="events/:id" element={later(<EventPage />)} />
          <Route path="events/:id/edit" element={later(<EditEventPage />)} />
          <Route path="exchanges" element={later(<ExchangesPage />)} />
          <Route path="exchanges/new" element={later(<NewExchangePage />)} />
          <Route path="exchanges/series" element={later(<ExchangeSeriesListPage />)} />
          <Route path="exchanges/series/new" element={later(<NewExchangeSeriesPage />)} />
          <Route path="exchanges/series/:id" element={later(<ExchangeSeriesPage />)} />
          <Route path="exchanges/series/:id/edit" element={later(<EditExchangeSeriesPage />)} />
          <Route path="exchanges/:id" element={later(<ExchangePage />)} />
          <Route path="recommendations" element={later(<RecommendationsPage />)} />
          <Route path="recommendations/ratification-outcomes" element={later(<RatificationOutcomesPage />)} />
          <Route path="recommendations/instrument-links" element={later(<InstrumentLinkReviewPage />)} />
          <Route path="recommendations/:id" element={later(<RecommendationPage />)} />
          <Route path="resolutions" element={later(<ResolutionsPage />)} />
          <Route path="resolutions/:id" element={later(<ResolutionPage />)} />
          <Route path="mandates" element={later(<MandatesPage />)} />
          <Route path="mandates/:id/edit" element={later(<MandateEditPage />)} />
          <Route path="report" element={later(<ReportBuilderPage />)} />
          <Route path="report/drafts" element={later(<DraftsPage />)} />
          <Route path="report/drafts/:id" element={later(<DraftPage />)} />
          <Route path="requests" element={later(<RequestsPage />)} />
          <Route path="requests/new" element={later(<NewRequestPage />)} />
          <Route path="requests/:id" element={later(<RequestPage />)} />
          <Route path="requests/:id/edit" element={later(<RequestEditPage />)} />
          <Route path="projects" element={later(<ProjectsPage />)} />
          <Route path="projects/new" element={later(<NewProjectPage />)} />
          <Route path="projects/:id" element={later(<ProjectPage />)} />
          <Route path="projects/:id/edit" element={later(<ProjectEditPage />)} />
          <Route path="search" element={<SearchPage />} />
          <Route path="sources" element={<SourcesPage />} />
          <Route path="data-quality" element={later(<DataQualityPage />)} />
          <Route path="sign-in" element={later(<SignInPage />)} />
          <Route path="account" element={later(<AccountPage />)} />
          <Route path="admin/users" element={later(<UsersPage />)} />
          <Route path="admin/users/new" element={later(<NewUserPage />)} />
          <Route path="admin/users/:id" element={later(<UserPage />)} />
          <Route path="audit" element={later(<AuditPage />)} />
          <Route path="changes" element={later(<ChangesPage />)} />
          <Route path="admin/webhooks" element={later(<WebhooksPage />)} />
          <Route path="admin/sync" element={later(<SyncPeersPage />)} />
          <Route path="sync/records" element={later(<SyncRecordsPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}
