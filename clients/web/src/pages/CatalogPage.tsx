import { useEffect, useMemo, useRef, useState } from "react";
import type { Section, TopicSummary } from "@pynsights/client";
import { api, describeError } from "../lib/api";
import { Link, navigate, useLocation } from "../lib/router";
import { useAsync } from "../lib/useAsync";

/** The catalog: every topic by section, filtered by a section and searched (the API ranks title hits first). */
export function CatalogPage() {
  const { search } = useLocation();
  const section = search.get("section") ?? "";
  const q = search.get("q") ?? "";
  const [query, setQuery] = useState(q);
  const sections = useAsync(() => api.sections(), []);
  const topics = useAsync(async () => {
    const all: TopicSummary[] = [];
    for await (const topic of api.allTopics({ section: section || undefined, q: q || undefined })) all.push(topic);
    return all;
  }, [section, q]);

  useEffect(() => { document.title = "Topics · Pynsights"; }, []);
  useEffect(() => setQuery(q), [q]);

  // Search as you type, a moment after the last key; the URL keeps the filter so it can be shared.
  const timer = useRef<number | undefined>(undefined);
  const update = (next: { section?: string; q?: string }) => {
    const params = new URLSearchParams();
    const s = next.section ?? section;
    const text = (next.q ?? q).trim();
    if (s) params.set("section", s);
    if (text) params.set("q", text);
    const qs = params.toString();
    navigate(qs ? `/?${qs}` : "/", { replace: next.q !== undefined });
  };
  const onType = (value: string) => {
    setQuery(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => update({ q: value }), 250);
  };

  const sectionList: Section[] = sections.status === "ok" ? sections.value : [];
  const sectionTitle = useMemo(() => new Map(sectionList.map((s) => [s.id, s.title])), [sectionList]);
  const grouped = useMemo(() => {
    if (topics.status !== "ok") return [];
    if (q) return [{ id: "", title: `Results for “${q}”`, topics: topics.value }];
    return sectionList
      .map((s) => ({ id: s.id, title: s.title, topics: topics.value.filter((t) => t.section === s.id) }))
      .filter((g) => g.topics.length > 0);
  }, [topics, sectionList, q]);

  return (
    <div className="page">
      <section className="hero">
        <h1>How CPython really works</h1>
        <p>Each topic has a whiteboard, a step-through simulation computed from your own input, and a written guide
          linked to the CPython source.</p>
      </section>

      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); window.clearTimeout(timer.current); update({ q: query }); }}>
        <label htmlFor="topic-search" className="visually-hidden">Search topics</label>
        <input id="topic-search" type="search" placeholder="Search topics (e.g. perturb, slice, GIL)" value={query}
          maxLength={200} onChange={(e) => onType(e.target.value)} />
        <fieldset className="chips">
          <legend className="visually-hidden">Section</legend>
          <button type="button" aria-pressed={section === ""} onClick={() => update({ section: "" })}>All sections</button>
          {sectionList.map((s) => (
            <button type="button" key={s.id} aria-pressed={section === s.id} onClick={() => update({ section: s.id })}
              title={s.summary}>
              {s.title} <span className="count">{s.topicCount}</span>
            </button>
          ))}
        </fieldset>
      </form>

      <div aria-live="polite" className="status-line">
        {topics.status === "loading" && "Loading topics…"}
        {topics.status === "error" && <span role="alert">{describeError(topics.error)}</span>}
        {topics.status === "ok" && `${topics.value.length} topic${topics.value.length === 1 ? "" : "s"}${section ? ` in ${sectionTitle.get(section) ?? section}` : ""}${q ? ` matching “${q}”` : ""}`}
      </div>

      {grouped.map((group) => (
        <section key={group.id || "results"} aria-labelledby={`sec-${group.id || "results"}`} className="topic-group">
          <h2 id={`sec-${group.id || "results"}`}>{group.title}</h2>
          <ul className="cards">
            {group.topics.map((t) => (
              <li key={t.id} className={`card ${t.status}`}>
                <h3><Link href={`/topics/${t.id}`}>{t.title}</Link></h3>
                <p>{t.summary}</p>
                <p className="meta">
                  <span className={`badge ${t.status}`}>{t.status === "published" ? "Guide written" : "Planned"}</span>
                  <span>Python {t.pythonVersions.min}–{t.pythonVersions.max}</span>
                  {q && <span>{sectionTitle.get(t.section)}</span>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
