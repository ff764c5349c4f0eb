// The path of a request as the server's log may show it. A calendar address carries its
// secret in the path (/api/v1/calendar/acf_….ics): the log keeps only its prefix, since a log
// is read by more people than the account it belongs to.
const CALENDAR_SECRET = /acf_[A-Za-z0-9_-]+/g;

export function loggablePath(url: string): string {
  return new URL(url).pathname.replace(CALENDAR_SECRET, 'acf_…');
}
