namespace Annotate.Benchmarks;

/// <summary>
/// What the live-latency benchmark runs inside its pages. Every time is <c>performance.timeOrigin + now</c> (or + an
/// event's timeStamp): wall-clock milliseconds that pages of one browser on one machine share.
/// </summary>
internal static class LiveLatencyProbe
{
    /// <summary>
    /// Before the page's scripts (an init script): notes when each AnnotationChanged hub message arrives, per
    /// annotation id, by listening on the WebSocket ahead of SignalR's own handler.
    /// </summary>
    public const string HubReceipts = """
        (() => {
          const received = new Map();
          window.__liveHub = received;
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', (e) => {
                if (typeof e.data !== 'string' || !e.data.includes('AnnotationChanged')) return;
                const at = performance.timeOrigin + performance.now();
                for (const record of e.data.split('\u001e')) {
                  if (!record.includes('AnnotationChanged')) continue;
                  const id = JSON.parse(record).arguments?.[0]?.annotation?.id;
                  if (id && !received.has(id)) received.set(id, at);
                }
              });
            }
          };
        })()
        """;

    /// <summary>
    /// Once the view is ready: a MutationObserver on the highlight layer notes when each span id is first drawn; a
    /// capturing keydown listener notes each key's event time; and window.__live answers the benchmark's questions.
    /// </summary>
    public const string Install = """
        () => {
          const now = () => performance.timeOrigin + performance.now();
          const seen = new Map();
          const order = [];
          const keys = [];
          const waiters = new Set();
          performance.setResourceTimingBufferSize(100000);
          addEventListener('keydown', (e) => keys.push(performance.timeOrigin + e.timeStamp), true);
          const note = (node) => {
            const lines = node.matches('.hl-line[data-span]') ? [node] : node.querySelectorAll('.hl-line[data-span]');
            for (const line of lines) {
              if (seen.has(line.dataset.span)) continue;
              seen.set(line.dataset.span, now());
              order.push(line.dataset.span);
            }
          };
          const layer = document.querySelector('.hl-layer');
          note(layer);
          new MutationObserver((records) => {
            for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) note(n);
            for (const w of waiters) w();
          }).observe(layer, { childList: true, subtree: true });
          const until = (ready, deadline) => new Promise((resolve) => {
            if (ready()) return resolve(true);
            const check = () => { if (ready()) { waiters.delete(check); clearTimeout(timer); resolve(true); } };
            const timer = setTimeout(() => { waiters.delete(check); resolve(false); }, Math.max(0, deadline - now()));
            waiters.add(check);
          });
          const entry = (id) => performance.getEntriesByType('resource').find((e) => e.name.includes('/annotations/' + id));
          const saved = (id, deadline) => new Promise((resolve) => {
            if (entry(id)) return resolve(entry(id));
            const observer = new PerformanceObserver(() => { if (entry(id)) { observer.disconnect(); clearTimeout(timer); resolve(entry(id)); } });
            observer.observe({ type: 'resource' });
            const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, Math.max(0, deadline - now()));
          });
          window.__live = {
            count: () => order.length,
            // The writer, after its key: the first span drawn since, the key's time, and the save's resource timing.
            async created(count, ms) {
              const deadline = now() + ms;
              if (!(await until(() => order.length > count, deadline))) return null;
              const id = order[count];
              const e = await saved(id, deadline);
              const at = (t) => (e && t > 0 ? performance.timeOrigin + t : 0);
              return { id, key: keys.at(-1) ?? 0, drawn: seen.get(id), sent: at(e?.startTime), requested: at(e?.requestStart),
                answered: at(e?.responseStart), acked: at(e?.responseEnd) };
            },
            // A reader, after a run: for each span, when it was first drawn and when its hub message arrived (0: never),
            // waiting until every span is there or the deadline has passed.
            async report(ids, deadline) {
              await until(() => ids.every((id) => seen.has(id)), deadline);
              return ids.map((id) => [seen.get(id) ?? 0, window.__liveHub?.get(id) ?? 0]);
            },
          };
        }
        """;

    /// <summary>The paragraphs on screen at the top of the page: [block index, text].</summary>
    public const string VisibleParagraphs = """
        () => [...document.querySelectorAll('p[data-block]')]
          .filter((p) => { const r = p.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight - 40; })
          .map((p) => [p.dataset.block, p.textContent])
        """;
}
