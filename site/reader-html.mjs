/**
 * Public pages as readers get them: the server-rendered HTML without Next's client runtime.
 *
 * Why: every public page is complete without JavaScript (links, GET forms, native players), and
 * no public component needs the browser to run code. What React and Next send to make the page a
 * client-side app is ~134 KB of gzip JavaScript plus the page's data a second time, inline; on a
 * cheap phone on a slow network that is most of the cost of a page. Without it a page is its HTML
 * and CSS, navigation is a normal page load (answered from the page cache), and no script runs.
 * Next's App Router has no switch for this, so the finished HTML is edited here, conservatively:
 *
 * - removed: `<script>` elements (the runtime chunks and the inline `self.__next_f` data), and
 *   `<link>` hints that only fetch scripts (preload as=script, modulepreload);
 * - kept: JSON-LD (`type="application/ld+json"`, data for search engines, not code), everything else;
 * - left untouched: a page still waiting on streamed content (React's `$RC` swaps need the script),
 *   and anything that does not look like a whole HTML document.
 *
 * Staff never get this version: requests with the session or draft-mode cookie skip it (server.mjs),
 * so the admin's live preview keeps working.
 */

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi
const LINK = /<link\b[^>]*>/gi
const isScriptHint = (tag) => /\brel="modulepreload"/i.test(tag) || (/\brel="preload"/i.test(tag) && /\bas="script"/i.test(tag))
const STREAMING = /\$RC\(|\$RS\(|<div hidden id="S:/

/** The HTML without the client runtime, or null when it must be sent as it is. */
export function withoutClientRuntime(html) {
  if (!/^\s*<!DOCTYPE html>/i.test(html) || !html.includes('</html>')) return null
  if (STREAMING.test(html)) return null
  return html
    .replace(SCRIPT, (whole, attrs) => (/\btype="application\/ld\+json"/i.test(attrs) ? whole : ''))
    .replace(LINK, (tag) => (isScriptHint(tag) ? '' : tag))
}
