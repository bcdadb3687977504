import type { Topic } from "@pynsights/client";

const KIND_LABEL: Record<string, string> = { docs: "Python docs", pep: "PEP", cpython: "CPython source", article: "Article" };

/** The written guide: the API's HTML, an outline of its headings, and the references it cites. */
export function Guide({ topic }: { topic: Topic }) {
  if (!topic.guide) {
    return <p className="empty-layer">This guide is planned: the topic is on the map, its text is not written yet.</p>;
  }
  return (
    <div className="guide-layout">
      <nav className="outline" aria-label="Guide outline">
        <h3>On this page</h3>
        <ol>
          {topic.guide.outline.filter((h) => h.level <= 3).map((h) => (
            <li key={h.anchor} className={`level-${h.level}`}><a href={`#${h.anchor}`}>{h.text}</a></li>
          ))}
        </ol>
      </nav>
      <div className="guide-body">
        {/* The guide HTML is rendered by the API from the project's own Markdown content. */}
        <article className="prose" dangerouslySetInnerHTML={{ __html: topic.guide.html }} />
        {topic.references.length > 0 && (
          <section className="references" aria-labelledby="references-title">
            <h3 id="references-title">References</h3>
            <ul>
              {topic.references.map((r) => (
                <li key={r.url}>
                  <span className={`ref-kind ${r.kind}`}>{KIND_LABEL[r.kind] ?? r.kind}</span>{" "}
                  <a href={r.url} target="_blank" rel="noreferrer">{r.title}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
