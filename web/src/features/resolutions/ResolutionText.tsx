// A resolution's text as the parser read it: the preamble, then the operative paragraphs under
// their section headings, each paragraph and sub-paragraph an element whose id is its anchor
// (pp3, op13, op5b-ii) so `#op13` links to it, with its anchor shown and a button that copies
// its address; footnote markers link to the footnotes, and each footnote links back to every
// paragraph that refers to it.
import { useState } from 'react';
import type { ResolutionDetail, ResolutionParagraph } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Sub = ResolutionParagraph['subParagraphs'][number];

/** The text's direction: Arabic right to left, the other UN languages left to right. */
const dirOf = (lang: string) => (lang === 'ar' ? 'rtl' : 'ltr');
const footnoteId = (marker: string) => `fn-${marker}`;
const referenceId = (anchor: string, marker: string) => `fnref-${anchor}-${marker}`;

function Markers({ anchor, markers }: { anchor: string; markers: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {markers.map((marker) => (
        <sup key={marker} id={referenceId(anchor, marker)} className="footnote-ref">
          <a href={`#${footnoteId(marker)}`} aria-label={t('resolutions.footnoteN', { n: marker })}>
            {marker}
          </a>
        </sup>
      ))}
    </>
  );
}

/** The anchor shown beside a paragraph, a link to itself, and the button that copies its address. */
function AnchorTools({ anchor }: { anchor: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}#${anchor}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('resolutions.linkCopied'));
    } catch {
      // Without the clipboard (a page not in focus, a refused permission), the address is shown to copy by hand.
      setCopied(url);
    }
  };
  return (
    <span className="anchor-tools">
      <a className="anchor" href={`#${anchor}`} dir="ltr">
        {anchor}
      </a>
      <button type="button" className="small copy-link" onClick={copy}>
        <span className="visually-hidden">{t('resolutions.copyLinkTo', { anchor })}</span>
        <span aria-hidden="true">{t('resolutions.copyLink')}</span>
      </button>
      <span role="status" className="small muted">
        {copied && <bdi>{copied}</bdi>}
      </span>
    </span>
  );
}

function SubParagraphs({ subs, lang }: { subs: Sub[]; lang: string }) {
  if (subs.length === 0) return null;
  return (
    <ol className="sub-paragraphs">
      {subs.map((s) => (
        <li key={s.anchor} id={s.anchor} className="paragraph sub">
          <AnchorTools anchor={s.anchor} />
          <p lang={lang} dir={dirOf(lang)}>
            <span className="label">{s.label}</span> {s.text}
            <Markers anchor={s.anchor} markers={s.footnotes} />
          </p>
          <SubParagraphs subs={s.children} lang={lang} />
        </li>
      ))}
    </ol>
  );
}

function Paragraph({ p, lang }: { p: ResolutionParagraph; lang: string }) {
  return (
    <li id={p.anchor} className={`paragraph ${p.kind}`}>
      <AnchorTools anchor={p.anchor} />
      <p lang={lang} dir={dirOf(lang)}>
        {p.number !== null && <span className="label">{p.number}.</span>} {p.text}
        <Markers anchor={p.anchor} markers={p.footnotes} />
      </p>
      <SubParagraphs subs={p.subParagraphs} lang={lang} />
    </li>
  );
}

/** Operative paragraphs in runs of the same section, each run under its heading. */
function sectionRuns(paragraphs: ResolutionParagraph[]): { section: string | null; paragraphs: ResolutionParagraph[] }[] {
  const runs: { section: string | null; paragraphs: ResolutionParagraph[] }[] = [];
  for (const p of paragraphs) {
    const last = runs.at(-1);
    if (last && last.section === p.section) last.paragraphs.push(p);
    else runs.push({ section: p.section, paragraphs: [p] });
  }
  return runs;
}

/** Which paragraphs and sub-paragraphs refer to each footnote marker, in text order. */
function referencesOf(paragraphs: ResolutionParagraph[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (anchor: string, markers: string[]) => {
    for (const m of markers) found.set(m, [...(found.get(m) ?? []), anchor]);
  };
  const walk = (subs: Sub[]) => {
    for (const s of subs) {
      note(s.anchor, s.footnotes);
      walk(s.children);
    }
  };
  for (const p of paragraphs) {
    note(p.anchor, p.footnotes);
    walk(p.subParagraphs);
  }
  return found;
}

export function ResolutionText({ resolution: r }: { resolution: ResolutionDetail }) {
  const { t } = useI18n();
  const preamble = r.paragraphs.filter((p) => p.kind === 'preamble');
  const operative = r.paragraphs.filter((p) => p.kind === 'operative');
  const references = referencesOf(r.paragraphs);
  return (
    <>
      <section aria-labelledby="preamble-title" className="resolution-text">
        <h2 id="preamble-title">{t('resolutions.preamble')}</h2>
        {preamble.length === 0 ? (
          <p className="muted">{t('resolutions.noParagraphs')}</p>
        ) : (
          <ol className="paragraphs">
            {preamble.map((p) => (
              <Paragraph key={p.anchor} p={p} lang={r.lang} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="operative-title" className="resolution-text">
        <h2 id="operative-title">{t('resolutions.operative')}</h2>
        {operative.length === 0 && <p className="muted">{t('resolutions.noParagraphs')}</p>}
        {sectionRuns(operative).map((run) => (
          <div key={`${run.section ?? ''} ${run.paragraphs[0]!.anchor}`} className="section-run">
            {run.section && (
              <h3 className="section-heading">
                {t('resolutions.section')} <span dir="ltr">{run.section}</span>
              </h3>
            )}
            <ol className="paragraphs">
              {run.paragraphs.map((p) => (
                <Paragraph key={p.anchor} p={p} lang={r.lang} />
              ))}
            </ol>
          </div>
        ))}
      </section>
      {r.footnotes.length > 0 && (
        <section aria-labelledby="footnotes-title" className="footnotes">
          <h2 id="footnotes-title">{t('resolutions.footnotes')}</h2>
          <ol className="plain-list">
            {r.footnotes.map((f) => (
              <li key={f.marker} id={footnoteId(f.marker)}>
                <span className="label" dir="ltr">
                  {f.marker}
                </span>{' '}
                <span lang={r.lang} dir={dirOf(r.lang)}>
                  {f.text}
                </span>{' '}
                {(references.get(f.marker) ?? []).map((anchor) => (
                  <a key={anchor} href={`#${referenceId(anchor, f.marker)}`} className="back-link">
                    <span className="visually-hidden">{t('resolutions.backTo', { anchor })}</span>
                    <span aria-hidden="true">
                      ↩ <span dir="ltr">{anchor}</span>
                    </span>
                  </a>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}
      {r.annexes.length > 0 && (
        <section aria-labelledby="annexes-title">
          <h2 id="annexes-title">{t('resolutions.annexes')}</h2>
          {r.annexes.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: annexes are shown in the text's order
            <section key={i} id={`annex-${i + 1}`} aria-labelledby={`annex-${i + 1}-title`}>
              <h3 id={`annex-${i + 1}-title`} lang={r.lang} dir={dirOf(r.lang)}>
                {a.heading}
              </h3>
              <div className="long-text" lang={r.lang} dir={dirOf(r.lang)}>
                {a.text.split(/\n{2,}/).map((block, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one fixed text
                  <p key={j}>{block}</p>
                ))}
              </div>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
