// The article a quote comes from, as stored, with the quoted span and the speaker mention
// marked, scrolled to the quote. Segments come from chat/web/render.py (plain strings).
import { useEffect, useRef } from 'react';

export default function SourcePanel() {
  const box = useRef(null);
  const p = props;

  // Scroll only the panel's own scroller, vertically: scrollIntoView would also scroll the
  // page sideways in a right-to-left panel and push the chat out of view.
  useEffect(() => {
    const mark = box.current && box.current.querySelector('mark.aqwal-hl');
    if (!mark) return;
    let el = box.current.parentElement;
    while (el && el !== document.body) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) break;
      el = el.parentElement;
    }
    if (!el || el === document.body) return;
    const top = mark.getBoundingClientRect().top - el.getBoundingClientRect().top;
    el.scrollTop += top - el.clientHeight / 3;
  }, [p.quote_id]);

  return (
    <div className="aqwal-source" dir={p.dir} lang={p.dir === 'rtl' ? 'ar' : undefined} data-quote-id={p.quote_id}>
      {(p.meta || []).length ? (
        <div className="aqwal-source-meta" dir="auto">
          {p.meta.map((m, i) => (
            <span key={i}>
              {i ? ' · ' : null}
              <bdi>{m}</bdi>
            </span>
          ))}
        </div>
      ) : null}
      {p.note ? <div className="aqwal-source-note">{p.note}</div> : null}
      <div className="aqwal-source-text" ref={box}>
        {(p.segments || []).map((s, i) => {
          if (s.quote) {
            return (
              <mark key={i} className={'aqwal-hl' + (s.speaker ? ' aqwal-speaker-mark' : '')}>
                {s.text}
              </mark>
            );
          }
          if (s.speaker) {
            return (
              <mark key={i} className="aqwal-speaker-mark">
                {s.text}
              </mark>
            );
          }
          return <span key={i}>{s.text}</span>;
        })}
      </div>
    </div>
  );
}
