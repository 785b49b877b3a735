// The "print the file" button: a separate file, since the pages allow no inline script.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
// A printed case file shows every recorded step, folded or not on the screen.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.step-record, details.earlier").forEach(function (details) {
    details.setAttribute("open", "");
  });
});
