import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ProblemError, type Simulator, type Step, type Trace } from "@pynsights/client";
import { api, describeError } from "../lib/api";
import { SchemaField } from "./SchemaForm";
import { StateView } from "./StateView";
import { Icon } from "./Icon";

const PAGE = 50;
/** Fetch the next page when the current step is this close to the end of the loaded one. */
const PREFETCH_MARGIN = 10;
const SPEEDS = [{ label: "Slow", ms: 1200 }, { label: "Normal", ms: 600 }, { label: "Fast", ms: 200 }, { label: "Fastest", ms: 60 }];

/** The player's part of the URL: `input` (JSON), `v` (Python version) and `step`, so a step can be deep-linked. */
function readUrl() {
  const params = new URLSearchParams(window.location.search);
  let input: unknown;
  try { input = params.has("input") ? JSON.parse(params.get("input")!) : undefined; } catch { input = undefined; }
  const step = Number(params.get("step"));
  return { input, version: params.get("v") ?? undefined, step: Number.isInteger(step) && step >= 0 ? step : 0 };
}

function writeUrl(update: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(update)) {
    if (v === null) url.searchParams.delete(k); else url.searchParams.set(k, v);
  }
  window.history.replaceState(window.history.state, "", url);
}

function typing(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export interface PlayerProps {
  simulator: Simulator;
  /** Compact chrome for the embed page. */
  embedded?: boolean;
}

/** Runs any simulator: a form generated from its input schema, then a step-through of the trace it makes. */
export function Player({ simulator, embedded = false }: PlayerProps) {
  const initial = useMemo(readUrl, [simulator.id]);
  const [input, setInput] = useState<unknown>(initial.input ?? simulator.examples[0] ?? {});
  const [version, setVersion] = useState(initial.version ?? simulator.defaultPythonVersion);
  const [trace, setTrace] = useState<Trace | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Map<string, string> } | null>(null);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [jsonMode, setJsonMode] = useState(false);
  const [jsonText, setJsonText] = useState("");

  // Loaded steps by index, and which page starts are loaded or in flight; `loaded` re-renders when a page lands.
  const cache = useRef(new Map<number, Step>());
  const pages = useRef(new Map<number, Promise<void>>());
  const [loaded, setLoaded] = useState(0);
  const [pageError, setPageError] = useState<string | null>(null);

  const run = useCallback(async (value: unknown, pythonVersion: string, startAt = 0) => {
    setRunning(true);
    setError(null);
    setPlaying(false);
    try {
      const t = await api.simulate(simulator.id, value, { pythonVersion });
      cache.current = new Map();
      pages.current = new Map();
      setTrace(t);
      setIndex(Math.min(startAt, Math.max(0, t.stepCount - 1)));
      writeUrl({ input: JSON.stringify(value), v: pythonVersion, step: String(Math.min(startAt, Math.max(0, t.stepCount - 1))) });
    } catch (e) {
      const fields = new Map<string, string>();
      if (e instanceof ProblemError) for (const f of e.errors) fields.set(f.field, f.message);
      setError({ message: describeError(e), fields });
      setTrace(null);
    } finally {
      setRunning(false);
    }
  }, [simulator.id]);

  // A deep link (input in the URL) runs at once and lands on its step.
  useEffect(() => {
    if (initial.input !== undefined) void run(initial.input, initial.version ?? simulator.defaultPythonVersion, initial.step);
  }, [initial, run, simulator.defaultPythonVersion]);

  const ensurePage = useCallback((at: number) => {
    if (!trace || at < 0 || at >= trace.stepCount) return;
    const start = Math.floor(at / PAGE) * PAGE;
    if (pages.current.has(start)) return;
    const traceId = trace.id;
    const request = api.stepPage(traceId, { at: start, first: PAGE }).then((page) => {
      if (trace.id !== traceId) return;
      for (const edge of page.edges) cache.current.set(edge.node.index, edge.node);
      setLoaded((n) => n + 1);
    }, (e: unknown) => {
      pages.current.delete(start);
      setPageError(describeError(e));
    });
    pages.current.set(start, request);
  }, [trace]);

  useEffect(() => {
    if (!trace) return;
    ensurePage(index);
    const pageEnd = Math.floor(index / PAGE) * PAGE + PAGE;
    if (pageEnd - index <= PREFETCH_MARGIN) ensurePage(pageEnd);
    writeUrl({ step: String(index) });
  }, [trace, index, ensurePage]);

  const last = trace ? trace.stepCount - 1 : 0;
  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(last, i))), [last]);

  useEffect(() => {
    if (!playing || !trace) return;
    if (index >= last) { setPlaying(false); return; }
    // Wait for the step to be loaded before moving on, so playback never skips a step.
    if (!cache.current.has(index + 1)) { ensurePage(index + 1); return; }
    const timer = window.setTimeout(() => setIndex((i) => Math.min(last, i + 1)), SPEEDS[speed]!.ms);
    return () => window.clearTimeout(timer);
  }, [playing, index, last, trace, speed, loaded, ensurePage]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!trace || typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(index + 1), ArrowLeft: () => go(index - 1), l: () => go(index + 1), j: () => go(index - 1),
      PageDown: () => go(index + 10), PageUp: () => go(index - 10), Home: () => go(0), End: () => go(last),
      k: () => setPlaying((p) => !p),
    };
    // Space toggles play unless a button has focus (there Space presses the button).
    if (e.key === " " && (e.target as HTMLElement).tagName !== "BUTTON") keys[" "] = () => setPlaying((p) => !p);
    const action = keys[e.key];
    if (action) { e.preventDefault(); action(); }
  };

  const step = trace ? cache.current.get(index) : undefined;
  const errors = error?.fields ?? new Map<string, string>();
  const exampleIndex = simulator.examples.findIndex((ex) => JSON.stringify(ex) === JSON.stringify(input));
  const form = (
      <form className="sim-form" aria-label={`Input of ${simulator.title}`}
        onSubmit={(e) => {
          e.preventDefault();
          let value = input;
          if (jsonMode) {
            try { value = JSON.parse(jsonText); setInput(value); } catch {
              setError({ message: "The input is not valid JSON.", fields: new Map() }); return;
            }
          }
          void run(value, version);
        }}>
        <div className="form-row">
          {simulator.examples.length > 0 && (
            <div className="field">
              <label htmlFor={`${simulator.id}-example`}>Example</label>
              <select id={`${simulator.id}-example`} value={exampleIndex}
                onChange={(e) => { const ex = simulator.examples[Number(e.target.value)]; setInput(ex); setJsonText(JSON.stringify(ex, null, 2)); }}>
                {exampleIndex < 0 && <option value={-1}>Your input</option>}
                {simulator.examples.map((ex, i) => <option key={i} value={i}>{`Example ${i + 1}: ${JSON.stringify(ex).slice(0, 60)}`}</option>)}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${simulator.id}-version`}>Python</label>
            <select id={`${simulator.id}-version`} value={version} onChange={(e) => setVersion(e.target.value)}>
              {simulator.pythonVersions.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </div>
          <div className="field checkbox">
            <input id={`${simulator.id}-json`} type="checkbox" checked={jsonMode}
              onChange={(e) => { setJsonMode(e.target.checked); setJsonText(JSON.stringify(input, null, 2)); }} />
            <label htmlFor={`${simulator.id}-json`}>Edit as JSON</label>
          </div>
        </div>
        {jsonMode ? (
          <div className="field">
            <label htmlFor={`${simulator.id}-json-text`}>Input (JSON)</label>
            <textarea id={`${simulator.id}-json-text`} rows={8} spellCheck={false} value={jsonText} onChange={(e) => setJsonText(e.target.value)} />
          </div>
        ) : (
          <SchemaField schema={{ ...simulator.inputSchema, description: undefined }} value={input} onChange={setInput} path="input"
            label="Input" errors={errors} />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={running}>{running ? "Running…" : "Run simulation"}</button>
          {simulator.limits.length > 0 && (
            <details className="limits">
              <summary>Limits</summary>
              <ul>{simulator.limits.map((l) => <li key={l.name}><code>{l.name}</code> ≤ {l.value.toLocaleString()}: {l.description}</li>)}</ul>
            </details>
          )}
        </div>
        {error && <p className="error" role="alert">{error.message}</p>}
      </form>
  );


  return (
    <div className={`player${embedded ? " embedded" : ""}`} onKeyDown={onKeyDown}>
      {embedded && trace ? (
        // In an iframe the steps matter most: once a trace is shown, the input folds away.
        <details className="embed-input">
          <summary>Input: <code>{JSON.stringify(trace.input)}</code> · Python {trace.pythonVersion}</summary>
          {form}
        </details>
      ) : form}

      {trace && (
        <section className="stage" aria-label="Simulation steps">
          <div className="controls" role="toolbar" aria-label="Player controls" aria-controls={`${simulator.id}-step`}>
            <button type="button" onClick={() => go(0)} disabled={index === 0} aria-label="First step" aria-keyshortcuts="Home"><Icon name="first" /></button>
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0} aria-label="Previous step" aria-keyshortcuts="ArrowLeft"><Icon name="prev" /></button>
            <button type="button" className="play" onClick={() => setPlaying((p) => !p)} disabled={index >= last && !playing}
              aria-label={playing ? "Pause" : "Play"} aria-keyshortcuts="k Space">{playing ? <><Icon name="pause" /> Pause</> : <><Icon name="play" /> Play</>}</button>
            <button type="button" onClick={() => go(index + 1)} disabled={index >= last} aria-label="Next step" aria-keyshortcuts="ArrowRight"><Icon name="next" /></button>
            <button type="button" onClick={() => go(last)} disabled={index >= last} aria-label="Last step" aria-keyshortcuts="End"><Icon name="last" /></button>
            <label className="jump">
              <span>Step</span>
              <input type="number" min={0} max={last} value={index} aria-label="Go to step"
                onChange={(e) => { if (e.target.value !== "") go(Number(e.target.value)); }} />
              <span>of 0–{last.toLocaleString()}</span>
            </label>
            <label className="speed">
              <span className="visually-hidden">Speed</span>
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Speed">
                {SPEEDS.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}
              </select>
            </label>
          </div>
          <input type="range" className="scrubber" min={0} max={last} value={index} aria-label="Scrub through the steps"
            aria-valuetext={`Step ${index} of ${last}`} onChange={(e) => go(Number(e.target.value))} />
          <p className="hint">Keys: ← → step, Page Up/Down ±10, Home/End, Space or K play/pause.</p>

          <div id={`${simulator.id}-step`} className="step" tabIndex={0} aria-label={`Step ${index}`}>
            {step ? (
              <>
                <p className="step-head">
                  <span className="step-index">#{step.index}</span>
                  <span className="kind">{step.kind}</span>
                  {step.source && (
                    <a className="source" href={step.source.url} target="_blank" rel="noreferrer">
                      {step.source.file}:{step.source.line} <code>{step.source.function}()</code>
                      <span className="visually-hidden"> (CPython source, opens in a new tab)</span>
                    </a>
                  )}
                </p>
                <p className="message" aria-live="polite">{step.message}</p>
                <StateView step={step} />
              </>
            ) : <p className="loading" aria-live="polite">{pageError ?? `Loading step ${index}…`}</p>}
          </div>

          <details className="result">
            <summary>Result of the whole trace ({trace.stepCount.toLocaleString()} steps, Python {trace.pythonVersion})</summary>
            <pre>{JSON.stringify(trace.result, null, 2)}</pre>
          </details>
        </section>
      )}
    </div>
  );
}
