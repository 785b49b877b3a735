// The hotline console: the draft is kept in the browser while the counsellor types (a crashed tab
// loses nothing), Ctrl+Enter saves, and the caller's earlier contacts appear once the number is typed.
(function () {
  var form = document.getElementById("contact-form");
  if (!form) return;
  var key = form.getAttribute("data-draft");
  // Drafts were once kept under one key shared by everyone at the desk; none is left behind.
  if (key !== "tre.contact-draft") {
    try { localStorage.removeItem("tre.contact-draft"); } catch (e) { /* nothing kept */ }
  }
  var fields = form.querySelectorAll("input:not([type=hidden]), select, textarea");
  var started = form.querySelector("input[name=startedAt]");

  function store() {
    var draft = { startedAt: started.value };
    fields.forEach(function (field) {
      draft[field.id] = field.multiple
        ? Array.prototype.filter.call(field.options, function (o) { return o.selected; }).map(function (o) { return o.value; })
        : field.value;
    });
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* private mode: no draft */ }
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (!saved || document.getElementById("saved-contact")) return;
    var restored = false;
    fields.forEach(function (field) {
      var value = saved[field.id];
      if (value === undefined) return;
      if (field.multiple) {
        Array.prototype.forEach.call(field.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
        restored = restored || value.length > 0;
      } else if (value !== "" && value !== field.value) {
        field.value = value;
        restored = true;
      }
    });
    if (restored) {
      if (saved.startedAt) started.value = saved.startedAt;  // the call started when it started
      document.getElementById("draft-restored").hidden = false;
    }
  }

  function showHistory() {
    var identifier = document.getElementById("callerIdentifier").value.trim();
    var section = document.getElementById("caller-history");
    if (!identifier) { section.hidden = true; return; }
    fetch(form.getAttribute("data-callers") + "?identifier=" + encodeURIComponent(identifier), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { flags: [], contacts: [] }; })
      .then(function (history) {
        var list = section.querySelector("ul");
        list.textContent = "";
        history.flags.forEach(function (flag) {
          var item = document.createElement("li");
          var strong = document.createElement("strong");
          strong.textContent = "⚑ " + flag;
          item.appendChild(strong);
          list.appendChild(item);
        });
        var contacts = history.contacts;
        contacts.forEach(function (contact) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = contact.href;
          link.textContent = contact.when;
          item.appendChild(link);
          item.appendChild(document.createTextNode(" · " + contact.outcome + (contact.notes ? " — " + contact.notes : "")));
          list.appendChild(item);
        });
        section.hidden = contacts.length === 0 && history.flags.length === 0;
      });
  }

  if (document.getElementById("saved-contact")) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  } else {
    restore();
  }
  form.addEventListener("input", store);
  form.addEventListener("change", store);
  document.getElementById("callerIdentifier").addEventListener("change", showHistory);
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
