// One quote: speaker, role, cue, kind, article, and the verbatim quote (props built by chat/web/render.py).
// The quote and the "show in article" button open the source panel (SourcePanel.jsx) beside the chat.
import { useSetRecoilState } from 'recoil';
import { sideViewState } from '@chainlit/react-client';

export default function QuoteCard() {
  const setSideView = useSetRecoilState(sideViewState);
  const p = props;
  const L = p.labels || {};

  const openSource = () => {
    if (!p.panel) return;
    setSideView({
      title: p.panel.title,
      elements: [
        {
          id: 'aqwal-source-' + p.id,
          type: 'custom',
          name: 'SourcePanel',
          display: 'side',
          props: { ...p.panel, quote_id: p.id, speaker: p.speaker },
        },
      ],
    });
  };

  const meta = (p.meta || []).filter(Boolean);

  return (
    <div className="aqwal-card" dir={p.dir} lang={p.lang} data-quote-id={p.id} data-article-id={p.article_id}>
      <div className="aqwal-card-head">
        <span className="aqwal-index">{p.index}</span>
        <span className="aqwal-speaker" dir="auto" lang="ar">{p.speaker}</span>
        {p.speaker_en ? (
          <span className="aqwal-speaker-en" dir="ltr" lang="en">{p.speaker_en}</span>
        ) : null}
      </div>
      {p.role || p.speaker_mention ? (
        <div className="aqwal-role" dir="auto">
          {p.role ? <bdi>{p.role}</bdi> : null}
          {p.role && p.speaker_mention ? ' · ' : null}
          {p.speaker_mention ? <bdi className="aqwal-mention">{p.speaker_mention}</bdi> : null}
        </div>
      ) : null}
      <blockquote
        className="aqwal-quote"
        dir={p.quote_dir}
        lang={p.quote_dir === 'rtl' ? 'ar' : undefined}
        onClick={openSource}
        title={L.open_source}
      >
        {p.quote}
      </blockquote>
      {p.gloss ? (
        <p className="aqwal-gloss" dir="auto">
          <span className="aqwal-label">{L.gloss}: </span>
          <bdi>{p.gloss}</bdi>
        </p>
      ) : null}
      <div className="aqwal-tags">
        <span className="aqwal-chip aqwal-cue">
          {L.cue}: <bdi lang="ar">{p.cue}</bdi>
        </span>
        <span className={'aqwal-chip aqwal-kind aqwal-kind-' + p.kind}>{p.kind_label}</span>
        {(p.via || []).length ? (
          <span className="aqwal-chip aqwal-via">
            {L.via}: <bdi>{p.via.join('، ')}</bdi>
          </span>
        ) : null}
      </div>
      <div className="aqwal-card-foot">
        <span className="aqwal-article" dir="auto">
          {meta.map((m, i) => (
            <span key={i}>
              {i ? ' · ' : null}
              <bdi>{m}</bdi>
            </span>
          ))}
        </span>
        {p.panel ? (
          <button type="button" className="aqwal-open-source" onClick={openSource}>
            {L.open_source}
          </button>
        ) : null}
      </div>
    </div>
  );
}
