// Runs on the page after signing out: desks are shared, so nothing Tre kept in this browser (the
// hotline console's drafts) is left for the next person.
(function () {
  "use strict";
  try {
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf("tre.") === 0) keys.push(key);
    }
    keys.forEach(function (key) { localStorage.removeItem(key); });
  } catch (e) { /* storage disabled: nothing was kept */ }
})();
