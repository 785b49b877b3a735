// Fills the commune suggestions of the account form from the chosen province, so an administrator
// picks a commune by name instead of looking up its code. Without JavaScript the code is typed.
(function () {
  var province = document.getElementById("provinceCode");
  var list = document.getElementById("commune-options");
  if (!province || !list) return;
  function load() {
    list.textContent = "";
    if (!province.value) return;
    var address = province.getAttribute("data-communes").replace(":code", encodeURIComponent(province.value));
    fetch(address, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (communes) {
        communes.forEach(function (commune) {
          var option = document.createElement("option");
          option.value = String(commune.code);
          option.label = commune.name;
          option.textContent = commune.name;
          list.appendChild(option);
        });
      });
  }
  province.addEventListener("change", load);
  load();
})();
