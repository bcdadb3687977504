import type { Step } from "@pynsights/client";

/**
 * Any simulator's step state, drawn generically: scalars as a grid of named values, lists of records as tables,
 * nested objects as JSON. Keys (or `name`s of listed records) in the step's `highlight` are marked.
 */
export function StateView({ step }: { step: Step }) {
  const hot = new Set(step.highlight);
  const state = step.state;
  if (state === null || typeof state !== "object" || Array.isArray(state)) {
    return <pre className="state-json">{JSON.stringify(state, null, 2)}</pre>;
  }
  const entries = Object.entries(state as Record<string, unknown>);
  const scalars = entries.filter(([, v]) => v === null || typeof v !== "object");
  const rest = entries.filter(([, v]) => v !== null && typeof v === "object");
  return (
    <div className="state">
      <dl className="state-grid">
        {scalars.map(([k, v]) => (
          <div key={k} className={hot.has(k) ? "hot" : undefined}>
            <dt>{k}{hot.has(k) && <span className="visually-hidden"> (this step)</span>}</dt>
            <dd>{v === null ? <span className="none">None</span> : String(v)}</dd>
          </div>
        ))}
      </dl>
      {rest.map(([k, v]) => <Nested key={k} name={k} value={v} hot={hot} />)}
    </div>
  );
}

function Nested({ name, value, hot }: { name: string; value: unknown; hot: Set<string> }) {
  if (Array.isArray(value) && value.length > 0 && value.every((r) => r && typeof r === "object" && !Array.isArray(r))) {
    const rows = value as Record<string, unknown>[];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return (
      <table className={`state-table${hot.has(name) ? " hot" : ""}`}>
        <caption>{name}</caption>
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={hot.has(String(r.name ?? "")) || hot.has(`${name}[${i}]`) ? "hot" : undefined}>
              {columns.map((c) => <td key={c}>{r[c] === null ? "None" : typeof r[c] === "object" ? JSON.stringify(r[c]) : String(r[c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) {
    return (
      <div className={`state-array${hot.has(name) ? " hot" : ""}`}>
        <span className="state-array-name">{name}</span>
        <ol className="cells" start={0}>
          {value.map((v, i) => <li key={i} className={hot.has(`${name}[${i}]`) ? "hot" : undefined}>{v === null ? "·" : String(v)}</li>)}
        </ol>
      </div>
    );
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    // A nested structure (say a dict's table): its scalars as a grid, its lists and records below, recursively.
    const entries = Object.entries(value as Record<string, unknown>);
    const scalars = entries.filter(([, v]) => v === null || typeof v !== "object");
    const rest = entries.filter(([, v]) => v !== null && typeof v === "object");
    return (
      <section className={`state-nested${hot.has(name) ? " hot" : ""}`} aria-label={name}>
        <span className="state-array-name">{name}</span>
        <dl className="state-grid">
          {scalars.map(([k, v]) => (
            <div key={k} className={hot.has(k) ? "hot" : undefined}>
              <dt>{k}</dt>
              <dd>{v === null ? <span className="none">None</span> : String(v)}</dd>
            </div>
          ))}
        </dl>
        {rest.map(([k, v]) => <Nested key={k} name={k} value={v} hot={hot} />)}
      </section>
    );
  }
  return (
    <div className={hot.has(name) ? "hot" : undefined}>
      <span className="state-array-name">{name}</span>
      <pre className="state-json">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
