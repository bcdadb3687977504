import { useEffect, useState } from "react";
import { Link, useLocation } from "./lib/router";
import { CatalogPage } from "./pages/CatalogPage";
import { TopicPage } from "./pages/TopicPage";
import { EmbedPage } from "./pages/EmbedPage";

type Theme = "light" | "dark";

function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() =>
    (document.documentElement.dataset.theme as Theme | undefined) ??
    (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try { localStorage.setItem("pynsights-theme", theme); } catch { /* private mode */ }
  }, [theme]);
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button type="button" className="ghost" onClick={() => setTheme(next)} aria-label={`Switch to ${next} theme`}>
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}

export function App() {
  const location = useLocation();
  const embed = location.path.match(/^\/embed\/simulations\/([^/]+)\/?$/);
  if (embed) return <EmbedPage simulatorId={decodeURIComponent(embed[1]!)} />;

  const topic = location.path.match(/^\/topics\/([^/]+)\/?$/);
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <Link href="/" className="brand"><span className="logo" aria-hidden="true">P</span> Pynsights</Link>
        <span className="tagline">How CPython really works</span>
        <nav aria-label="Site" className="site-nav">
          <a href="/swagger">API</a>
          <a href="/graphql">GraphQL</a>
          <ThemeToggle />
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {topic ? <TopicPage key={topic[1]} topicId={decodeURIComponent(topic[1]!)} />
          : location.path === "/" ? <CatalogPage />
          : <NotFound />}
      </main>
      <footer className="site-footer">
        Pynsights — Python 3.10–3.14. Content and simulations served by the Pynsights API (REST and GraphQL).
      </footer>
    </>
  );
}

function NotFound() {
  useEffect(() => { document.title = "Not found · Pynsights"; }, []);
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p><Link href="/">Back to the topics</Link></p>
    </section>
  );
}
