// 掌上办 chat page: one WebSocket, resumed after reconnects with the session token kept on
// the phone. The server decides everything; this page only shows and sends.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const options = document.getElementById("options");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const send = document.getElementById("send");
  const status = document.getElementById("status");
  const bigger = document.getElementById("bigger");
  const store = window.localStorage;
  let ws = null;
  let retry = 0;
  let pending = [];

  const shown = new Set(JSON.parse(store.getItem("yuzhu.notices") || "[]"));

  function setBig(on) {
    document.body.classList.toggle("big", on);
    bigger.setAttribute("aria-pressed", on ? "true" : "false");
    store.setItem("yuzhu.big", on ? "1" : "0");
  }
  setBig(store.getItem("yuzhu.big") === "1");
  bigger.addEventListener("click", () => setBig(!document.body.classList.contains("big")));

  function add(cls, text) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function note(text) {
    const div = document.createElement("div");
    div.className = "note";
    div.textContent = text;
    log.appendChild(div);
  }

  function showOptions(list) {
    options.replaceChildren();
    for (const label of list || []) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", () => say(label));
      options.appendChild(b);
    }
  }

  function showNotice(n) {
    // Tell the server it was seen, so it is not pushed again after a reconnect.
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ type: "ack", notice_id: n.notice_id }));
    }
    if (shown.has(n.notice_id)) return;
    shown.add(n.notice_id);
    store.setItem("yuzhu.notices", JSON.stringify([...shown].slice(-50)));
    const card = document.createElement("section");
    card.className = "notice";
    card.setAttribute("data-notice", n.notice_id);
    const h = document.createElement("h2");
    h.textContent = n.title;
    card.appendChild(h);
    for (const line of n.lines) {
      const p = document.createElement("p");
      p.textContent = line;
      card.appendChild(p);
    }
    log.appendChild(card);
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(text) {
    status.hidden = !text;
    status.textContent = text || "";
    send.disabled = !!text;
  }

  function say(text) {
    text = text.trim();
    if (!text) return;
    add("me", text);
    showOptions([]);
    const frame = JSON.stringify({ type: "say", text: text });
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(frame);
    else pending.push(frame);  // sent as soon as we are connected again
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    say(input.value);
    input.value = "";
  });

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/ws");
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: "hello", session: store.getItem("yuzhu.session") }));
    };
    ws.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (frame.type === "welcome") {
        retry = 0;
        setStatus("");
        store.setItem("yuzhu.session", frame.session);
        if (frame.resumed && !log.childElementCount) {
          for (const t of frame.history) add(t.from === "resident" ? "me" : "bot", t.text);
          note("已为您接上刚才的对话");
        }
        for (const f of pending.splice(0)) ws.send(f);
      } else if (frame.type === "reply") {
        add("bot", frame.text);
        showOptions(frame.options);
      } else if (frame.type === "notice") {
        showNotice(frame.notice);
      } else if (frame.type === "error") {
        add("bot", frame.text);
      } else if (frame.type === "bye") {
        setStatus(frame.text);
      }
    };
    ws.onclose = () => {
      setStatus("网络断了，正在重新连接……");
      const delay = Math.min(15000, 1000 * 2 ** retry) * (0.5 + Math.random() / 2);
      retry += 1;
      setTimeout(connect, delay);
    };
  }
  connect();
})();
