import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import rough from "roughjs";
import { Icon } from "./Icon";
import type { DiagramElement, DiagramSpec, DiagramTone } from "@pynsights/client";

const SVG = "http://www.w3.org/2000/svg";
/** Font sizes, text positions and boxes follow the API's own SVG renderer (src/Api/Diagrams/DiagramSvgRenderer.cs). */
const fontSize = (size?: string) => (size === "large" ? 20 : size === "small" ? 12 : 15);
interface Rect { x: number; y: number; width: number; height: number }

/** What frame `n` shows: cumulative adds and removes, this frame's highlights, and text/tone set so far. */
export function frameState(spec: DiagramSpec, n: number) {
  const addedLater = new Set(spec.frames.flatMap((f) => f.add ?? []));
  // Elements no frame adds are on the board from the first frame (the background of the drawing).
  const visible = new Set(spec.elements.map((e) => e.id).filter((id) => !addedLater.has(id)));
  const overrides = new Map<string, { text?: string; tone?: DiagramTone }>();
  for (let i = 0; i <= n && i < spec.frames.length; i++) {
    const f = spec.frames[i]!;
    f.add?.forEach((id) => visible.add(id));
    f.remove?.forEach((id) => visible.delete(id));
    f.set?.forEach((s) => overrides.set(s.id, { ...overrides.get(s.id), ...s }));
  }
  return { visible, overrides, highlight: new Set(spec.frames[n]?.highlight ?? []) };
}

function palette(): Record<DiagramTone | "ink" | "paper" | "soft", string> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim() || "#888";
  return {
    ink: v("--wb-ink"), paper: v("--wb-paper"), soft: v("--wb-soft"),
    default: v("--wb-ink"), focus: v("--wb-focus"), muted: v("--wb-muted"), empty: v("--wb-muted"),
    dummy: v("--wb-dummy"), added: v("--wb-added"), removed: v("--wb-removed"), warning: v("--wb-warning"),
  };
}

/** Draws one frame of a diagram spec into `svg` with rough.js (hand-drawn, seeded so it is the same every time). */
function draw(svg: SVGSVGElement, spec: DiagramSpec, n: number) {
  while (svg.lastChild && (svg.lastChild as Element).tagName !== "desc") svg.removeChild(svg.lastChild);
  const rc = rough.svg(svg);
  const colors = palette();
  const { visible, overrides, highlight } = frameState(spec, n);
  const seed = spec.seed ?? 1;
  const boxes = new Map<string, Rect>();

  // Geometry first, so arrows and groups can find their ends even when drawn before them.
  for (const el of spec.elements) {
    if (el.role === "box" || el.role === "cell") boxes.set(el.id, { x: el.x, y: el.y, width: el.width, height: el.height });
    if (el.role === "array") {
      const vertical = el.direction === "vertical";
      el.cells.forEach((c, i) => boxes.set(c.id, {
        x: el.x + (vertical ? 0 : i * el.cellWidth), y: el.y + (vertical ? i * el.cellHeight : 0),
        width: el.cellWidth, height: el.cellHeight,
      }));
      const count = el.cells.length;
      boxes.set(el.id, { x: el.x, y: el.y, width: vertical ? el.cellWidth : count * el.cellWidth, height: vertical ? count * el.cellHeight : el.cellHeight });
    }
    if (el.role === "label" || el.role === "code") {
      const lines = el.text.split("\n");
      const size = fontSize(el.size);
      const code = el.role === "code";
      boxes.set(el.id, {
        x: el.x, y: el.y,
        width: Math.max(...lines.map((l) => l.length)) * size * (code ? 0.62 : 0.55) + (code ? 16 : 0),
        height: lines.length * size * 1.35 + (code ? 12 : 0),
      });
    }
  }

  const toneOf = (id: string, tone?: DiagramTone): DiagramTone => highlight.has(id) ? "focus" : (overrides.get(id)?.tone ?? tone ?? "default");
  const textOf = (id: string, text?: string) => overrides.get(id)?.text ?? text ?? "";
  const text = (x: number, y: number, value: string, opts: { size?: number; anchor?: string; mono?: boolean; color?: string; weight?: string } = {}) => {
    const t = document.createElementNS(SVG, "text");
    t.setAttribute("x", String(x));
    t.setAttribute("y", String(y));
    t.setAttribute("font-size", String(opts.size ?? 15));
    t.setAttribute("text-anchor", opts.anchor ?? "middle");
    t.setAttribute("fill", opts.color ?? colors.ink);
    // Through style, not the attribute: presentation attributes do not resolve CSS variables.
    t.style.fontFamily = opts.mono ? "var(--mono)" : "var(--sans)";
    if (opts.weight) t.setAttribute("font-weight", opts.weight);
    t.textContent = value;
    svg.appendChild(t);
  };
  const rect = (id: string, r: Rect, tone: DiagramTone, elSeed: number, fill = true) => {
    const color = colors[tone];
    const g = rc.rectangle(r.x, r.y, r.width, r.height, {
      seed: elSeed, roughness: 1.1, stroke: color, strokeWidth: tone === "focus" ? 2.6 : 1.4,
      strokeLineDash: tone === "empty" || tone === "dummy" ? [6, 5] : undefined,
      fill: fill && (tone === "focus" || tone === "added" || tone === "removed" || tone === "warning") ? color : undefined,
      fillStyle: "hachure", fillWeight: 0.6, hachureGap: 7,
    });
    g.dataset.id = id;
    svg.appendChild(g);
  };

  spec.elements.forEach((el: DiagramElement, i) => {
    if (!visible.has(el.id)) return;
    const elSeed = seed + i * 7919;
    const tone = toneOf(el.id, el.tone);
    if (el.role === "box" || el.role === "cell") {
      rect(el.id, el, tone, elSeed);
      const value = textOf(el.id, el.text);
      if (value) text(el.x + el.width / 2, el.y + el.height / 2 + 5, value, { mono: true, color: colors[tone === "default" ? "ink" : tone] });
      if (el.label) text(el.x, el.y - 6, el.label, { anchor: "start", size: 12, color: colors.soft });
    } else if (el.role === "array") {
      el.cells.forEach((c, j) => {
        const r = boxes.get(c.id)!;
        const cellTone = highlight.has(el.id) ? "focus" : toneOf(c.id, c.tone);
        rect(c.id, r, cellTone, elSeed + j);
        const value = textOf(c.id, c.text);
        if (value) text(r.x + r.width / 2, r.y + r.height / 2 + 5, value, { mono: true, color: colors[cellTone === "default" ? "ink" : cellTone] });
        if (el.showIndices !== false) {
          const below = el.direction !== "vertical";
          text(below ? r.x + r.width / 2 : r.x - 6, below ? r.y + r.height + 13 : r.y + r.height / 2 + 4, String(j),
            { size: 11, color: colors.soft, anchor: below ? "middle" : "end" });
        }
      });
      if (el.label) text(el.x, el.y - 6, el.label, { anchor: "start", size: 12, color: colors.soft });
    } else if (el.role === "arrow" || el.role === "pointer") {
      const a = boxes.get(el.from);
      const b = boxes.get(el.to);
      if (!a || !b) return;
      const [x1, y1, x2, y2] = edgeToEdge(a, b);
      const color = colors[tone];
      const opts = { seed: elSeed, stroke: color, strokeWidth: tone === "focus" ? 2.4 : 1.5, roughness: 0.9, strokeLineDash: el.dashed ? [6, 5] : undefined };
      svg.appendChild(rc.line(x1, y1, x2, y2, opts));
      const angle = Math.atan2(y2 - y1, x2 - x1);
      for (const side of [-1, 1]) {
        svg.appendChild(rc.line(x2, y2, x2 - 11 * Math.cos(angle + side * 0.45), y2 - 11 * Math.sin(angle + side * 0.45), { ...opts, strokeLineDash: undefined }));
      }
      if (el.label) text((x1 + x2) / 2, (y1 + y2) / 2 - 6, el.label, { size: 12, color: colors[tone === "default" ? "soft" : tone] });
    } else if (el.role === "label" || el.role === "code") {
      const size = fontSize(el.size);
      const code = el.role === "code";
      if (code) rect(el.id, boxes.get(el.id)!, tone === "focus" ? "focus" : tone === "default" ? "muted" : tone, elSeed, false);
      textOf(el.id, el.text).split("\n").forEach((line, j) =>
        text(el.x + (code ? 8 : 0), el.y + (code ? 6 : 0) + size + j * size * 1.35, line,
          { anchor: "start", size, mono: code, color: colors[tone === "default" ? "ink" : tone], weight: tone === "focus" ? "700" : undefined }));
      if (code && el.label) text(el.x, el.y - 6, el.label, { anchor: "start", size: 12, color: colors.soft });
    } else if (el.role === "group") {
      const rects = el.children.map((c) => boxes.get(c)).filter((r): r is Rect => !!r);
      if (!rects.length) return;
      const x = Math.min(...rects.map((r) => r.x)) - 10, y = Math.min(...rects.map((r) => r.y)) - 10;
      const right = Math.max(...rects.map((r) => r.x + r.width)) + 10, bottom = Math.max(...rects.map((r) => r.y + r.height)) + 10;
      svg.appendChild(rc.rectangle(x, y, right - x, bottom - y, { seed: elSeed, stroke: colors[tone === "default" ? "muted" : tone], strokeLineDash: [8, 6], roughness: 1.4 }));
      if (el.label) text(x + 4, y - 4, el.label, { anchor: "start", size: 12, color: colors.soft });
    }
  });
}

/** The segment between the borders of two boxes, along the line joining their centres. */
function edgeToEdge(a: Rect, b: Rect): [number, number, number, number] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const clip = (r: Rect, from: { x: number; y: number }, to: { x: number; y: number }) => {
    const dx = to.x - from.x, dy = to.y - from.y;
    const tx = dx ? (r.width / 2) / Math.abs(dx) : Infinity, ty = dy ? (r.height / 2) / Math.abs(dy) : Infinity;
    const t = Math.min(tx, ty, 1);
    return { x: from.x + dx * t, y: from.y + dy * t };
  };
  const p = clip(a, ca, cb), q = clip(b, cb, ca);
  return [p.x, p.y, q.x, q.y];
}

/** A diagram drawn frame by frame: buttons and arrow keys step it, the caption and alt text are read out. */
export function Whiteboard({ spec }: { spec: DiagramSpec }) {
  const [frame, setFrame] = useState(0);
  const [theme, setTheme] = useState(0);
  const svg = useRef<SVGSVGElement>(null);
  const count = spec.frames.length;
  const current = spec.frames[frame]!;
  const titleId = `wb-${spec.id}-title`, descId = `wb-${spec.id}-desc`;

  // Redraw when the theme changes: the palette comes from CSS variables.
  useEffect(() => {
    const bump = () => setTheme((t) => t + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", bump);
    return () => { observer.disconnect(); media.removeEventListener("change", bump); };
  }, []);
  useEffect(() => { if (svg.current) draw(svg.current, spec, frame); }, [spec, frame, theme]);

  const go = (n: number) => setFrame(Math.max(0, Math.min(count - 1, n)));
  const onKeyDown = (e: KeyboardEvent) => {
    const map: Record<string, number> = { ArrowRight: frame + 1, ArrowLeft: frame - 1, Home: 0, End: count - 1 };
    if (e.key in map && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); go(map[e.key]!); }
  };
  const dots = useMemo(() => spec.frames.map((f, i) => ({ i, caption: f.caption })), [spec]);

  return (
    <figure className="whiteboard" onKeyDown={onKeyDown} aria-labelledby={titleId}>
      <figcaption id={titleId} className="wb-title">{spec.title}</figcaption>
      <div className="wb-canvas" tabIndex={0} aria-label={`${spec.title}, frame ${frame + 1} of ${count}. Arrow keys step the frames.`}>
        <svg ref={svg} viewBox={`0 0 ${spec.canvas.width} ${spec.canvas.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <desc id={descId}>{current.alt}</desc>
        </svg>
      </div>
      <div className="wb-controls" role="toolbar" aria-label="Diagram frames">
        <button type="button" onClick={() => go(frame - 1)} disabled={frame === 0} aria-label="Previous frame"><Icon name="prev" /></button>
        <span className="frame-dots" aria-hidden="true">
          {dots.map((d) => <button type="button" key={d.i} tabIndex={-1} className={d.i === frame ? "on" : ""} title={d.caption} onClick={() => go(d.i)} />)}
        </span>
        <span className="frame-count">Frame {frame + 1} of {count}</span>
        <button type="button" onClick={() => go(frame + 1)} disabled={frame >= count - 1} aria-label="Next frame"><Icon name="next" /></button>
      </div>
      <div className="wb-caption" aria-live="polite" aria-atomic="true">
        <p className="caption">{current.caption}</p>
        <p className="alt"><span className="alt-label">Described:</span> {current.alt}</p>
      </div>
    </figure>
  );
}
