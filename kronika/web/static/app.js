// Kronika's only script (the CSP allows scripts from this server only, none inline).
// It adds conveniences; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Filter menus apply as soon as a value is chosen.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // Network: hovering a node lights up its edges.
  var net = document.getElementById("network");
  if (net) {
    net.querySelectorAll(".node").forEach(function (node) {
      var id = node.getAttribute("data-id");
      node.addEventListener("mouseenter", function () {
        net.classList.add("focus");
        net.querySelectorAll(".edge").forEach(function (edge) {
          if (edge.getAttribute("data-source") === id || edge.getAttribute("data-target") === id) edge.classList.add("lit");
        });
      });
      node.addEventListener("mouseleave", function () {
        net.classList.remove("focus");
        net.querySelectorAll(".edge.lit").forEach(function (edge) { edge.classList.remove("lit"); });
      });
    });
  }
  // Event page: bring the evidence sentence into view inside its document.
  // Only the text box scrolls, so the event's facts above stay in view.
  var evidence = document.getElementById("evidence");
  var box = document.getElementById("doc-text");
  if (evidence && box) box.scrollTop = Math.max(0, evidence.offsetTop - box.offsetTop - box.clientHeight / 3);
});
