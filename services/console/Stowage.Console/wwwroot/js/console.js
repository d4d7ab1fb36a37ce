// Live progress and charts for the console's pages; everything else is server-rendered.
(function () {
  "use strict";

  async function poll(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    return response.ok ? response.json() : null;
  }

  function follow(element, url, describe) {
    const text = element.querySelector("[data-live-text]");
    const bar = element.querySelector("[data-live-progress]");
    const tick = async () => {
      let state = null;
      try { state = await poll(url); } catch { /* a missed poll is retried */ }
      if (state) {
        const view = describe(state);
        if (text) text.textContent = view.text;
        if (bar && view.fraction !== null) bar.value = view.fraction;
        element.dataset.state = view.done || view.final ? "done" : "running";
        if (view.final) return;
        if (view.done) { setTimeout(() => window.location.reload(), 500); return; }
      }
      setTimeout(tick, 1000);
    };
    tick();
  }

  function step(status, bytes) {
    if (!status) return { text: "queued", fraction: null };
    const volumes = status.volumesTotal > 0 ? ` (${status.volumesDone}/${status.volumesTotal} volumes)` : "";
    const read = bytes ? `, ${(bytes / 1048576).toFixed(1)} MiB read` : "";
    return { text: `${status.step}${volumes}${read}`, fraction: status.volumesTotal > 0 ? status.volumesDone / status.volumesTotal : null };
  }

  document.querySelectorAll("[data-live-run]").forEach((element) =>
    follow(element, `/api/runs/${encodeURIComponent(element.dataset.liveRun)}`, (state) => {
      const run = state.run || {};
      const live = state.live || {};
      const view = step(live.status, live.progress && live.progress.bytesProcessed);
      const done = Boolean(run.finishedAt) || live.runtimeStatus === "Completed" || live.runtimeStatus === "Failed";
      return { ...view, text: done ? `finished: ${run.outcome || live.outcome || live.runtimeStatus}` : view.text, done };
    }));

  document.querySelectorAll("[data-live-restore]").forEach((element) =>
    follow(element, `/api/restores/${encodeURIComponent(element.dataset.liveRestore)}`, (state) => {
      const done = state.runtimeStatus === "Completed" || state.runtimeStatus === "Failed" || state.runtimeStatus === "Terminated";
      if (done) {
        const outcome = state.report ? state.report.outcome : state.runtimeStatus;
        return { text: `finished: ${outcome}${state.failure ? ` (${state.failure})` : ""}`, fraction: 1, done: false, final: true };
      }
      return { ...step(state.status), done: false };
    }));

  // The application page reloads when its policy changes or a run starts or ends, so what the viewer did (or others did) appears without refreshing.
  const watch = document.querySelector("[data-watch-app]");
  if (watch) {
    const check = async () => {
      try {
        const report = await poll(watch.dataset.watchApp);
        if (report) {
          const policy = report.application.policy ? `${report.application.policy.id}:${report.application.policy.version}` : "";
          const running = report.running ? report.running.runId : "";
          const finished = report.application.runs.filter((r) => r.finishedAt).length;
          if (policy !== watch.dataset.policy || running !== watch.dataset.running || String(finished) !== watch.dataset.finished) {
            // The notice of what the viewer just did is stale once the page changes under it.
            const url = new URL(window.location.href);
            url.searchParams.delete("message");
            window.location.replace(url);
            return;
          }
        }
      } catch { /* retried */ }
      setTimeout(check, 2000);
    };
    setTimeout(check, 2000);
  }

  const series = document.getElementById("run-series");
  if (series && window.Chart) {
    const runs = JSON.parse(series.textContent);
    const labels = runs.map((r) => r.at.slice(5, 19));
    const options = { animation: false, responsive: true, plugins: { legend: { display: false } } };
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    const bytes = (value) => {
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
      return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
    };
    new window.Chart(document.getElementById("size-chart"), {
      type: "bar",
      data: { labels, datasets: [{ label: "Bytes added", data: runs.map((r) => r.added), backgroundColor: "#1f5fa8" }] },
      options: { ...options, scales: { y: { beginAtZero: true, ticks: { callback: bytes } } }, plugins: { ...options.plugins, tooltip: { callbacks: { label: (c) => bytes(c.raw) } } } },
    });
    new window.Chart(document.getElementById("duration-chart"), {
      type: "line",
      data: { labels, datasets: [{ label: "Seconds", data: runs.map((r) => r.seconds), borderColor: "#6b3fa0", backgroundColor: "#6b3fa0" }] },
      options: { ...options, scales: { y: { beginAtZero: true } } },
    });
  }
})();
