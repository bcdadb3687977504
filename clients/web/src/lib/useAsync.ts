import { useEffect, useState, type DependencyList } from "react";

export type AsyncState<T> = { status: "loading" } | { status: "ok"; value: T } | { status: "error"; error: unknown };

/** Runs `load` whenever `deps` change; ignores answers that arrive after a newer request started. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load().then(
      (value) => live && setState({ status: "ok", value }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
