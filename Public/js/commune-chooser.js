// The commune chooser (units/commune-chooser.leaf): shows the communes matching what is typed as the person
// types, instead of waiting for the "Find" button. Without JavaScript the button does the same on the server.
(function () {
  var box = document.getElementById("commune-chooser");
  if (!box) return;
  var query = document.getElementById("communeQuery");
  var province = document.getElementById("communeProvince");
  var list = document.getElementById("commune-matches");
  var none = document.getElementById("commune-none");
  var more = document.getElementById("commune-more");
  var timer = null;
  var asked = 0;
  var shown = 20;

  function show(found) {
    var checked = list.querySelector("input:checked");
    Array.prototype.forEach.call(list.querySelectorAll("label.match"), function (label) {
      if (!checked || !label.contains(checked)) label.parentNode.removeChild(label);
    });
    found.forEach(function (commune) {
      if (checked && checked.value === String(commune.code)) return;
      var label = document.createElement("label");
      label.className = "check match";
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "communeCode";
      input.value = String(commune.code);
      input.id = "commune-" + commune.code;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + commune.name + " — " + commune.province));
      list.appendChild(label);
    });
    none.hidden = found.length > 0;
    more.hidden = found.length < shown;
  }

  function search() {
    var text = query.value.trim();
    if (text.length < 2) return;
    var mine = ++asked;
    var address = box.getAttribute("data-search") + "?q=" + encodeURIComponent(text) +
      "&province=" + encodeURIComponent(province.value);
    fetch(address, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (found) { if (mine === asked) show(found); })
      .catch(function () { /* offline: the Find button still works */ });
  }

  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  query.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); search(); }
  });
  province.addEventListener("change", search);
})();
