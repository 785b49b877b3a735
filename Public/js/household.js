// The household form's "add lines" button adds one empty line in place, focused, instead of posting the form
// (without this script the button posts and the page comes back with more lines, nothing saved).
(function () {
  'use strict';
  var button = document.getElementById('add-lines');
  var lines = document.getElementById('household-lines');
  var count = document.getElementById('household-line-count');
  if (!button || !lines || !count) return;
  var max = parseInt(button.getAttribute('data-max'), 10) || 20;
  button.addEventListener('click', function (event) {
    var all = lines.querySelectorAll('.household-line');
    if (all.length === 0 || all.length >= max) return;
    event.preventDefault();
    var index = all.length;
    var line = all[all.length - 1].cloneNode(true);
    line.querySelectorAll('.field-error, .line-duplicates, input[type="hidden"]').forEach(function (node) {
      node.remove();
    });
    line.querySelectorAll('[id], [for], [name]').forEach(function (node) {
      ['id', 'for', 'name'].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value) node.setAttribute(attribute, value.replace(/^(line-|child)\d+/, '$1' + index));
      });
    });
    line.id = 'line-' + index;
    line.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      input.setAttribute('aria-invalid', 'false');
    });
    line.querySelectorAll('select').forEach(function (select) {
      select.setAttribute('aria-invalid', 'false');
      select.querySelectorAll('option').forEach(function (option) { option.removeAttribute('selected'); });
      select.selectedIndex = 0;
    });
    var number = line.querySelector('.line-number');
    if (number) number.textContent = String(index + 1);
    lines.appendChild(line);
    count.value = String(index + 1);
    if (index + 1 >= max) button.hidden = true;
    var first = line.querySelector('input');
    if (first) first.focus();
  });
})();
