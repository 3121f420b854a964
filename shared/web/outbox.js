// The local outbox: every email (rendered, in a sandboxed frame) and SMS, newest first, with the
// links of each message clickable.
"use strict";

(function () {
  const box = document.getElementById("messages");
  const to = document.getElementById("to");
  const LINK = /https?:\/\/[^\s<>"')]+/g;

  async function load() {
    let data;
    try {
      data = await api("GET", "/dev/outbox");
    } catch (e) {
      box.replaceChildren(el("p", { class: "notice error" }, e.message));
      return;
    }
    const filter = to.value.trim().toLowerCase();
    const all = data.messages.map((m, index) => ({ ...m, index }));
    const shown = all.filter((m) => !filter || m.to.toLowerCase().includes(filter)).reverse();
    if (!shown.length) {
      box.replaceChildren(el("p", { class: "empty" }, filter ? "Nothing sent to that recipient." : "Nothing sent yet."));
      return;
    }
    box.replaceChildren(...shown.map((m) => {
      const links = [...new Set((m.text || "").match(LINK) || [])];
      return el("article", { class: "card message", "data-to": m.to, "data-channel": m.channel },
        el("header", {},
          el("span", { class: "badge " + (m.channel === "sms" ? "scheduled" : "invited") }, m.channel.toUpperCase()),
          el("strong", {}, m.to),
          m.subject ? el("span", {}, m.subject) : null,
          el("span", { class: "muted" }, formatTime(m.sent_at))),
        links.length ? el("p", { class: "links" }, "Links: ", links.map((href) => el("a", { href, class: "message-link" }, href))) : null,
        m.channel === "email" && m.html
          ? el("iframe", { src: `/dev/outbox/${m.index}`, title: `Email to ${m.to}: ${m.subject || ""}`, sandbox: "allow-top-navigation-by-user-activation allow-popups", loading: "lazy" })
          : el("pre", {}, m.text || ""));
    }));
  }

  let timer = null;
  to.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(load, 150); });
  document.getElementById("reload").addEventListener("click", load);
  load();
})();
