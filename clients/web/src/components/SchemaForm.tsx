import { useId, type ReactNode } from "react";
import type { JsonSchema } from "@pynsights/client";

/**
 * A form generated from a JSON Schema (the subset simulators use: objects, arrays, enums, integers, strings,
 * booleans and unions with null). `path` names a field the way the API's problem details do (`input.length`,
 * `input.operations[0].op`), so errors land beside their field.
 */
interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  path: string;
  label: string;
  required?: boolean;
  errors: Map<string, string>;
}

const types = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.enum ? [] : ["object"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An empty value of a schema, used when a list row is added. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const t = types(schema);
  if (t.includes("null")) return null;
  if (t[0] === "object") {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) out[name] = emptyValue(schema.properties?.[name] ?? {});
    return out;
  }
  if (t[0] === "array") return [];
  if (t[0] === "integer" || t[0] === "number") return schema.minimum ?? 0;
  if (t[0] === "boolean") return false;
  return "";
}

function Help({ id, schema, error }: { id: string; schema: JsonSchema; error?: string }) {
  return (
    <>
      {schema.description && <span className="help" id={`${id}-help`}>{schema.description}</span>}
      {error && <span className="field-error" id={`${id}-error`} role="alert">{error}</span>}
    </>
  );
}

function describedBy(id: string, schema: JsonSchema, error?: string) {
  return [schema.description ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function SchemaField({ schema, value, onChange, path, label, required, errors }: FieldProps): ReactNode {
  const id = useId();
  const error = errors.get(path);
  const t = types(schema);
  const common = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, schema, error) } as const;
  const title = <>{label}{required && <span aria-hidden="true" className="required">*</span>}</>;

  if (schema.enum) {
    const options = schema.enum;
    return (
      <div className="field">
        <label htmlFor={id}>{title}</label>
        <select {...common} value={JSON.stringify(value ?? schema.default ?? null)}
          onChange={(e) => onChange(JSON.parse(e.target.value))}>
          {!required && value === undefined && schema.default === undefined && <option value="null">—</option>}
          {options.map((o) => <option key={JSON.stringify(o)} value={JSON.stringify(o)}>{String(o)}</option>)}
        </select>
        <Help id={id} schema={schema} error={error} />
      </div>
    );
  }

  if (t.length === 1 && t[0] === "object" && schema.properties) {
    const obj = isObject(value) ? value : {};
    return (
      <fieldset className="field-group" aria-describedby={describedBy(id, schema, error)}>
        <legend>{title}</legend>
        <Help id={id} schema={schema} error={error} />
        <div className="field-grid">
          {Object.entries(schema.properties).map(([name, prop]) => (
            <SchemaField key={name} schema={prop} value={obj[name]} path={`${path}.${name}`} label={name}
              required={schema.required?.includes(name)} errors={errors}
              onChange={(v) => {
                const next = { ...obj };
                if (v === undefined) delete next[name]; else next[name] = v;
                onChange(next);
              }} />
          ))}
        </div>
      </fieldset>
    );
  }

  if (t.length === 1 && t[0] === "array" && schema.items) {
    const items = Array.isArray(value) ? value : [];
    const item = schema.items;
    const max = schema.maxItems ?? Infinity;
    return (
      <fieldset className={`field-group list${types(item).includes("object") || item.properties ? "" : " scalar"}`} aria-describedby={describedBy(id, schema, error)}>
        <legend>{title} <span className="count">{items.length}</span></legend>
        <Help id={id} schema={schema} error={error} />
        <ol>
          {items.map((v, i) => (
            <li key={i}>
              <SchemaField schema={item} value={v} path={`${path}[${i}]`} label={`${label} ${i + 1}`} errors={errors}
                onChange={(nv) => onChange(items.map((old, j) => (j === i ? nv : old)))} />
              <button type="button" className="ghost small" onClick={() => onChange(items.filter((_, j) => j !== i))}
                aria-label={`Remove ${label} ${i + 1}`}>Remove</button>
            </li>
          ))}
        </ol>
        <button type="button" className="small" disabled={items.length >= max}
          onClick={() => onChange([...items, emptyValue(item)])}>Add {label.replace(/s$/, "")}</button>
      </fieldset>
    );
  }

  if (t.length === 1 && t[0] === "boolean") {
    return (
      <div className="field checkbox">
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{title}</label>
        <Help id={id} schema={schema} error={error} />
      </div>
    );
  }

  if (t.length === 1 && (t[0] === "integer" || t[0] === "number")) {
    return (
      <div className="field">
        <label htmlFor={id}>{title}</label>
        <input type="number" inputMode="numeric" {...common} min={schema.minimum} max={schema.maximum}
          step={t[0] === "integer" ? 1 : "any"} value={typeof value === "number" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
        <Help id={id} schema={schema} error={error} />
      </div>
    );
  }

  // Strings, and unions such as ["integer", "string", "null"]: one text box; empty is null (Python's None), a
  // whole number that fits a double exactly is sent as a number, anything else as a string (big ints stay exact).
  const nullable = t.includes("null");
  const numeric = t.includes("integer") || t.includes("number");
  const text = value === null || value === undefined ? "" : String(value);
  return (
    <div className="field">
      <label htmlFor={id}>{title}</label>
      <input type="text" {...common} value={text} maxLength={schema.maxLength}
        placeholder={nullable ? "None" : undefined} spellCheck={false} autoComplete="off"
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === "") return onChange(nullable ? null : t.includes("string") && !numeric ? "" : undefined);
          if (numeric && /^[+-]?\d+$/.test(raw.trim()) && Number.isSafeInteger(Number(raw))) return onChange(Number(raw));
          if (numeric && !t.includes("string") && raw.trim() !== "" && !Number.isNaN(Number(raw))) return onChange(Number(raw));
          onChange(raw);
        }} />
      <Help id={id} schema={schema} error={error} />
    </div>
  );
}
