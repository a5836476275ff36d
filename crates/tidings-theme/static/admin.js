// Live preview for the editor: the only script Tidings runs, and only in the
// admin. Without it the Preview button posts the form and the server shows
// the same rendering; with it, the preview follows your typing.
"use strict";
(function () {
  var body = document.getElementById("body");
  var pane = document.getElementById("preview");
  var form = document.getElementById("editor");
  if (!body || !pane || !form) return;
  var csrf = form.querySelector("input[name=csrf]").value;
  var timer = null;
  var latest = 0;

  function refresh() {
    var ticket = ++latest;
    var data = new URLSearchParams();
    data.set("csrf", csrf);
    data.set("body", body.value);
    fetch("/admin/preview", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: data.toString(),
      credentials: "same-origin"
    })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // Only the newest answer is shown; the HTML is sanitised by the server.
        if (ticket === latest) pane.innerHTML = html;
      })
      .catch(function () { /* keep the last good preview */ });
  }

  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  refresh();
})();
