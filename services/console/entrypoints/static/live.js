// The live overview refreshes itself every two seconds; nothing here decides anything.
(function () {
  "use strict";
  const queues = document.getElementById("queues");
  const lag = document.getElementById("lag");
  const programs = document.getElementById("programs");
  const stamp = document.getElementById("stamp");
  function cells(row, values) {
    for (const v of values) {
      const td = document.createElement("td");
      td.textContent = v === null || v === undefined ? "未知" : String(v);
      row.appendChild(td);
    }
  }
  async function refresh() {
    try {
      const data = await (await fetch("/live.json", { credentials: "same-origin" })).json();
      queues.replaceChildren();
      for (const q of data.queues) {
        const tr = document.createElement("tr");
        cells(tr, [q.district, q.group || "—", q.depth, q.oldest_hours]);
        queues.appendChild(tr);
      }
      lag.replaceChildren();
      for (const [group, value] of Object.entries(data.lag)) {
        const tr = document.createElement("tr");
        cells(tr, [group, value]);
        lag.appendChild(tr);
      }
      programs.replaceChildren();
      for (const [program, split] of Object.entries(data.programs)) {
        const tr = document.createElement("tr");
        cells(tr, [program, split["主城都市区"], split["渝东北"], split["渝东南"]]);
        programs.appendChild(tr);
      }
      stamp.textContent = data.at;
    } catch (e) {
      stamp.textContent = "连接中断，正在重试……";
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
