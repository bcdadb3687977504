import { useEffect } from "react";
import { api, describeError } from "../lib/api";
import { useAsync } from "../lib/useAsync";
import { Player } from "../components/Player";

/** The player alone, for an iframe (`/embed/simulations/{id}?input=&v=&step=`), described by the API's oEmbed endpoint. */
export function EmbedPage({ simulatorId }: { simulatorId: string }) {
  const simulator = useAsync(() => api.simulator(simulatorId), [simulatorId]);
  useEffect(() => {
    document.documentElement.classList.add("embed");
    if (simulator.status === "ok") document.title = `${simulator.value.title} · Pynsights`;
  }, [simulator]);
  return (
    <main className="embed-page" id="main">
      {simulator.status === "loading" && <p aria-live="polite">Loading…</p>}
      {simulator.status === "error" && <p role="alert">{describeError(simulator.error)}</p>}
      {simulator.status === "ok" && (
        <>
          <h1 className="embed-title">{simulator.value.title}</h1>
          <Player simulator={simulator.value} embedded />
          <p className="embed-credit">
            <a href={`/`} target="_blank" rel="noreferrer">Pynsights</a> · how CPython really works
          </p>
        </>
      )}
    </main>
  );
}
