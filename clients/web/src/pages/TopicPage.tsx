import { useEffect } from "react";
import type { DiagramSpec } from "@pynsights/client";
import { api, describeError } from "../lib/api";
import { Link, navigate, useLocation } from "../lib/router";
import { useAsync } from "../lib/useAsync";
import { Guide } from "../components/Guide";
import { Player } from "../components/Player";
import { Whiteboard } from "../components/Whiteboard";

/** A topic with its three layers: the whiteboard, the simulation player and the guide. */
export function TopicPage({ topicId }: { topicId: string }) {
  const { search } = useLocation();
  const topic = useAsync(() => api.topic(topicId), [topicId]);
  const sections = useAsync(() => api.sections(), []);

  useEffect(() => {
    if (topic.status === "ok") document.title = `${topic.value.title} · Pynsights`;
  }, [topic]);
  // After the page renders, honour an anchor in the URL (a link to a guide heading).
  useEffect(() => {
    if (topic.status === "ok" && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [topic]);

  if (topic.status === "loading") return <p className="page status-line" aria-live="polite">Loading…</p>;
  if (topic.status === "error") {
    return (
      <section className="page narrow">
        <h1>Topic not available</h1>
        <p role="alert">{describeError(topic.error)}</p>
        <p><Link href="/">Back to the topics</Link></p>
      </section>
    );
  }

  const t = topic.value;
  const section = sections.status === "ok" ? sections.value.find((s) => s.id === t.section) : undefined;
  const simId = search.get("sim") && t.simulations.includes(search.get("sim")!) ? search.get("sim")! : t.simulations[0];

  return (
    <article className="page topic">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Topics</Link> › <Link href={`/?section=${t.section}`}>{section?.title ?? t.section}</Link>
      </nav>
      <header className="topic-header">
        <h1>{t.title}</h1>
        <p className="summary">{t.summary}</p>
        <p className="meta">
          <span className={`badge ${t.status}`}>{t.status === "published" ? "Guide written" : "Planned"}</span>
          <span>Python {t.pythonVersions.min}–{t.pythonVersions.max}</span>
          {t.tags.map((tag) => <span key={tag} className="tag">#{tag}</span>)}
        </p>
        <nav aria-label="Layers of this topic" className="layer-nav">
          <a href="#whiteboard">Whiteboard</a><a href="#simulation">Simulation</a><a href="#guide">Guide</a>{t.benchmarks.length > 0 && <a href="#benchmarks">Benchmarks</a>}
        </nav>
      </header>

      <section id="whiteboard" className="layer" aria-labelledby="whiteboard-title">
        <h2 id="whiteboard-title">Whiteboard</h2>
        {t.diagrams.length === 0
          ? <p className="empty-layer">No diagram for this topic yet.</p>
          : t.diagrams.map((id) => <DiagramLoader key={id} id={id} />)}
      </section>

      <section id="simulation" className="layer" aria-labelledby="simulation-title">
        <h2 id="simulation-title">Simulation</h2>
        {t.simulations.length > 1 && (
          <div className="sim-tabs" role="group" aria-label="Simulator">
            {t.simulations.map((id) => (
              <button type="button" key={id} aria-pressed={id === simId}
                onClick={() => navigate(`/topics/${t.id}?sim=${encodeURIComponent(id)}`, { replace: true })}>{id}</button>
            ))}
          </div>
        )}
        {simId ? <SimulatorLoader key={simId} id={simId} topicId={t.id} />
          : <p className="empty-layer">No simulator for this topic yet{t.plannedSimulations.length ? ` (planned: ${t.plannedSimulations.join(", ")})` : ""}.</p>}
      </section>

      <section id="guide" className="layer" aria-labelledby="guide-title">
        <h2 id="guide-title">Guide</h2>
        <Guide topic={t} />
      </section>

      {t.benchmarks.length > 0 && (
        <section id="benchmarks" className="layer" aria-labelledby="benchmarks-title">
          <h2 id="benchmarks-title">Benchmarks</h2>
          <BenchmarkCharts topicId={t.id} />
        </section>
      )}
    </article>
  );
}

/** The topic's benchmarks as the API draws them: SVG charts with axes, units and the environment they ran on. */
function BenchmarkCharts({ topicId }: { topicId: string }) {
  const benchmarks = useAsync(() => api.benchmarks(topicId), [topicId]);
  if (benchmarks.status === "loading") return <p className="status-line">Loading benchmarks…</p>;
  if (benchmarks.status === "error") return <p className="empty-layer">Benchmarks are not available: {describeError(benchmarks.error)}</p>;
  return (
    <>
      {benchmarks.value.map((b) => (
        <figure key={b.id} className="benchmark">
          <img src={b.links.svg} alt={`${b.title} (${b.unit}). ${b.notes ?? ""}`} loading="lazy" width={760} height={440} />
          <figcaption>{b.title} — measured on {String(b.environment.implementation)} {String(b.environment.python)}</figcaption>
        </figure>
      ))}
    </>
  );
}

function DiagramLoader({ id }: { id: string }) {
  const diagram = useAsync<DiagramSpec>(() => api.diagram(id), [id]);
  if (diagram.status === "loading") return <p className="status-line">Loading diagram…</p>;
  if (diagram.status === "error") return <p className="empty-layer">Diagram “{id}” is not available: {describeError(diagram.error)}</p>;
  return <Whiteboard spec={diagram.value} />;
}

function SimulatorLoader({ id, topicId }: { id: string; topicId: string }) {
  const simulator = useAsync(() => api.simulator(id), [id]);
  if (simulator.status === "loading") return <p className="status-line">Loading simulator…</p>;
  if (simulator.status === "error") return <p role="alert">{describeError(simulator.error)}</p>;
  const s = simulator.value;
  return (
    <>
      <h3 className="sim-title">{s.title}</h3>
      <p className="sim-summary">{s.summary}</p>
      <Player simulator={s} />
      <EmbedHint simulatorId={id} topicId={topicId} />
    </>
  );
}

function EmbedHint({ simulatorId }: { simulatorId: string; topicId: string }) {
  const embedUrl = `${window.location.origin}/embed/simulations/${encodeURIComponent(simulatorId)}`;
  return (
    <details className="embed-hint">
      <summary>Embed this simulation</summary>
      <p>Paste <code>{embedUrl}</code> into a CMS or LMS that speaks oEmbed (the API describes it at{" "}
        <a href={`/api/v1/oembed?url=${encodeURIComponent(embedUrl)}`}><code>/api/v1/oembed</code></a>), or use an iframe:</p>
      <pre>{`<iframe src="${embedUrl}" width="800" height="600" style="border:0" title="Pynsights simulation"></iframe>`}</pre>
    </details>
  );
}
