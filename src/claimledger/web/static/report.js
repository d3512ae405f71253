// Highlight every piece of the statement named in the URL fragment (a statement's text can
// be cut into several pieces by other statements overlapping it).
(function () {
  function show() {
    document.querySelectorAll("mark.on").forEach(function (m) { m.classList.remove("on"); });
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var sid = target && target.getAttribute("data-first");
    if (!sid) return;
    document.querySelectorAll("mark[data-s]").forEach(function (m) {
      if (m.getAttribute("data-s").split(" ").indexOf(sid) >= 0) m.classList.add("on");
    });
  }
  window.addEventListener("hashchange", show);
  show();
})();
