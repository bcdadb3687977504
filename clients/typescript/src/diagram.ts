/**
 * A whiteboard diagram spec, as content/schemas/diagram.schema.json defines it (served at GET /api/v1/schemas/diagram
 * and each diagram at GET /api/v1/diagrams/{id}). Written by hand from that schema: the OpenAPI document types the
 * spec as any JSON.
 */
export type DiagramTone = "default" | "focus" | "muted" | "empty" | "dummy" | "added" | "removed" | "warning";

interface ElementBase { id: string; label?: string; tone?: DiagramTone }

export interface DiagramBox extends ElementBase { role: "box" | "cell"; x: number; y: number; width: number; height: number; text?: string }
export interface DiagramArray extends ElementBase {
  role: "array"; x: number; y: number; cellWidth: number; cellHeight: number;
  direction?: "horizontal" | "vertical"; showIndices?: boolean;
  cells: { id: string; text: string; tone?: DiagramTone }[];
}
export interface DiagramArrow extends ElementBase { role: "arrow" | "pointer"; from: string; to: string; dashed?: boolean }
export interface DiagramText extends ElementBase { role: "label" | "code"; x: number; y: number; text: string; size?: "small" | "normal" | "large" }
export interface DiagramGroup extends ElementBase { role: "group"; children: string[] }

export type DiagramElement = DiagramBox | DiagramArray | DiagramArrow | DiagramText | DiagramGroup;

export interface DiagramFrame {
  caption: string;
  alt: string;
  add?: string[];
  remove?: string[];
  highlight?: string[];
  set?: { id: string; text?: string; tone?: DiagramTone }[];
}

export interface DiagramSpec {
  id: string;
  title: string;
  topic: string;
  canvas: { width: number; height: number };
  seed?: number;
  elements: DiagramElement[];
  frames: DiagramFrame[];
}
