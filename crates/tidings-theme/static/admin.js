// The editor's live preview and pictures, and the Layout page's moves: the
// only script Tidings runs, only in the admin. Without it the Preview button
// posts the form and the server shows the same rendering; with it, the
// preview follows your typing.
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

// Pictures in the editor: the file field, a file dropped on the body or
// pasted into it. Each asks for its alt text, uploads to /admin/media with
// the session's CSRF token while a progress bar fills, then puts
// `![alt](URL)` where the cursor was. Without this script the file field's
// button sends the whole form and the server appends the picture.
(function () {
  var body = document.getElementById("body");
  var form = document.getElementById("editor");
  var picker = document.getElementById("picture");
  var dialog = document.getElementById("alt-dialog");
  if (!body || !form || !picker || !dialog || !dialog.showModal) return;
  var csrf = form.querySelector("input[name=csrf]").value;
  var altText = document.getElementById("alt-dialog-text");
  var progress = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var queue = [];
  var busy = false;

  // The script uploads as soon as a file is chosen: the plain form's alt
  // field and button are not needed.
  Array.prototype.forEach.call(document.querySelectorAll(".no-script"), function (el) {
    el.hidden = true;
  });

  function say(text) { status.textContent = text; }

  function escapeAlt(alt) { return alt.replace(/[\\\[\]]/g, "\\$&"); }

  // Puts `text` at `at` as a paragraph of its own; the preview follows.
  function insertAt(at, text) {
    var before = body.value.slice(0, at);
    var after = body.value.slice(at);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    body.value = before + lead + text + tail + after;
    var caret = (before + lead + text).length;
    body.focus();
    body.setSelectionRange(caret, caret);
    body.dispatchEvent(new Event("input"));
  }

  function refusal(xhr) {
    try {
      return JSON.parse(xhr.responseText).error.message;
    } catch (e) {
      return "The upload failed (" + xhr.status + "). Try again.";
    }
  }

  function send(item, alt) {
    var data = new FormData();
    data.append("file", item.file);
    data.append("alt", alt);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/media");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    progress.value = 0;
    progress.hidden = false;
    say("Uploading " + item.file.name + "…");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) progress.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.addEventListener("load", function () {
      progress.hidden = true;
      if (xhr.status === 201) {
        var media = JSON.parse(xhr.responseText);
        insertAt(item.at, "![" + escapeAlt(media.alt) + "](" + media.url + ")");
        say("Picture uploaded and inserted. Save to keep it in the post.");
      } else {
        say(refusal(xhr));
      }
      next();
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      say("The upload did not reach the server. Check the connection and try again.");
      next();
    });
    xhr.send(data);
  }

  // One file at a time: its alt text asked, then its upload.
  function next() {
    var item = queue.shift();
    busy = !!item;
    if (!item) return;
    altText.value = "";
    dialog.returnValue = "";
    dialog.showModal();
    dialog.addEventListener("close", function closed() {
      dialog.removeEventListener("close", closed);
      if (dialog.returnValue === "insert") {
        send(item, altText.value);
      } else {
        say("Upload cancelled.");
        body.focus();
        next();
      }
    });
  }

  function take(files, at) {
    Array.prototype.forEach.call(files, function (file) {
      if (/^image\//.test(file.type)) queue.push({ file: file, at: at });
    });
    if (!busy) next();
  }

  picker.addEventListener("change", function () {
    take(picker.files, body.selectionStart);
    picker.value = "";
  });
  body.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
      e.preventDefault();
      body.classList.add("body-drop");
    }
  });
  body.addEventListener("dragleave", function () { body.classList.remove("body-drop"); });
  body.addEventListener("drop", function (e) {
    body.classList.remove("body-drop");
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    take(e.dataTransfer.files, body.selectionStart);
  });
  body.addEventListener("paste", function (e) {
    if (!e.clipboardData || !e.clipboardData.files.length) return;
    e.preventDefault();
    take(e.clipboardData.files, body.selectionStart);
  });
})();

// The jump break button: puts `<!--more-->` on a line of its own at the
// cursor, where list pages will stop showing the post and link to the rest
// ("Read more »"). Without this script, authors type the same line.
(function () {
  var body = document.getElementById("body");
  var button = document.getElementById("jump-break");
  if (!body || !button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var at = body.selectionStart;
    var before = body.value.slice(0, at);
    var after = body.value.slice(at);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    body.value = before + lead + "<!--more-->" + tail + after;
    var caret = (before + lead + "<!--more-->" + tail).length;
    body.focus();
    body.setSelectionRange(caret, caret);
    body.dispatchEvent(new Event("input"));
  });
})();

// The Layout page: Up and Down move a gadget at once. The form the button
// belongs to is sent in the background, and the gadget moves in the list
// once the server has stored the new order. Without this script the buttons
// send their form and the page comes back in the new order.
(function () {
  var list = document.getElementById("gadgets");
  var status = document.getElementById("layout-status");
  if (!list || !status || !window.fetch) return;

  // Each form says which gadget it acts on by its place in the list.
  function renumber() {
    Array.prototype.forEach.call(list.children, function (li, i) {
      Array.prototype.forEach.call(li.querySelectorAll("input[name=index]"), function (input) {
        input.value = String(i);
      });
    });
  }

  list.addEventListener("submit", function (e) {
    var form = e.target;
    var button = e.submitter;
    if (!form.classList.contains("gadget-move") || !button) return;
    var op = button.value;
    if (op !== "up" && op !== "down") return;
    e.preventDefault();
    var li = form.closest("li");
    var data = new URLSearchParams(new FormData(form));
    data.set("op", op);
    fetch(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: data.toString(),
      credentials: "same-origin"
    })
      .then(function (r) {
        if (!r.ok) return Promise.reject(r.status);
        if (op === "up" && li.previousElementSibling) {
          list.insertBefore(li, li.previousElementSibling);
        } else if (op === "down" && li.nextElementSibling) {
          list.insertBefore(li.nextElementSibling, li);
        }
        renumber();
        button.focus();
        status.textContent = "Moved " + li.querySelector(".gadget-title").textContent + " " + op + ".";
      })
      // Refused (the layout changed in another tab): show it as it is now.
      .catch(function () { window.location.reload(); });
  });
})();

// Autosave: a few seconds after each change, the editor's title, body and
// labels are kept in this browser (localStorage), apart from the post on
// the blog, which only Save and Publish change. When the editor opens and
// finds a kept copy that differs from what the page holds (the tab was
// closed, the connection lost, the browser crashed), it offers it back.
// A save the server confirmed (the editor comes back with `done=`) drops
// the copy. Without this script nothing is kept and nothing else changes.
(function () {
  var form = document.getElementById("editor");
  if (!form) return;
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) return;
  var FIELDS = ["title", "body", "labels"];
  var PREFIX = "tidings-autosave:";
  var key = PREFIX + form.getAttribute("action");
  var SENT = "tidings-autosave-sent";

  function values() {
    var v = {};
    FIELDS.forEach(function (f) { v[f] = form.elements[f] ? form.elements[f].value : ""; });
    return v;
  }
  function differs(a, b) {
    return FIELDS.some(function (f) { return (a[f] || "") !== (b[f] || ""); });
  }
  function read() {
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }

  // The save this tab sent came back confirmed: its copy is on the blog.
  if (/[?&]done=/.test(location.search)) {
    var sent = sessionStorage.getItem(SENT);
    if (sent) store.removeItem(sent);
    store.removeItem(key);
  }
  sessionStorage.removeItem(SENT);

  var kept = read();
  var loaded = values();
  if (kept && differs(kept, loaded)) offer(kept);

  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var now = values();
      if (!differs(now, loaded)) { store.removeItem(key); return; }
      now.saved = Date.now();
      try { store.setItem(key, JSON.stringify(now)); } catch (e) { /* full: keep typing */ }
    }, 2000);
  });
  form.addEventListener("submit", function () { sessionStorage.setItem(SENT, key); });

  function offer(copy) {
    var box = document.createElement("div");
    box.className = "notice autosaved";
    box.setAttribute("role", "status");
    var when = new Date(copy.saved || 0).toLocaleString();
    var text = document.createElement("span");
    text.textContent = "This browser kept a copy of your changes from " + when + " that was not saved.";
    var restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = "Restore it";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = "Discard it";
    box.append(text, restore, discard);
    form.parentNode.insertBefore(box, form);
    restore.addEventListener("click", function () {
      FIELDS.forEach(function (f) {
        if (form.elements[f] && typeof copy[f] === "string") form.elements[f].value = copy[f];
      });
      form.elements.body && form.elements.body.dispatchEvent(new Event("input", { bubbles: true }));
      text.textContent = "Restored the kept copy: save or publish to keep it on the blog.";
      restore.remove();
      discard.remove();
    });
    discard.addEventListener("click", function () {
      store.removeItem(key);
      box.remove();
    });
  }
})();

// The first-run page: the time zone field starts as the server's default
// (UTC); the browser knows the owner's own, so it is offered instead until
// the owner types one. Without this script the field keeps UTC.
(function () {
  var zone = document.querySelector("input[data-browser-zone]");
  if (!zone || zone.value !== "UTC" || !window.Intl) return;
  var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (own) zone.value = own;
})();
