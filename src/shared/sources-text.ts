/** Sources in one text cell, for CSV exports of the CLI and the web app: "title <url> | title <url>". */
export function sourcesText(sources: { title: string; url: string }[]): string {
  return sources.map((s) => `${s.title} <${s.url}>`).join(' | ');
}
