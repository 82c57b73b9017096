// The HTML brief's evidence panel (briefwright.writers.html inlines this file into each page).
// For the claim selected it shows, per cited source, the paragraphs that hold the claim's quotes,
// those quotes highlighted; for a disputed claim, how the sources differ.
(function () {
  var dialog = document.getElementById("evidence");
  var panel = dialog.querySelector(".panel");
  var opener = null;
  function show(claim) {
    var ids = claim.getAttribute("data-quotes").split(" ");
    panel.textContent = "";
    var said = document.createElement("blockquote");
    said.className = "claim-text";
    var words = claim.cloneNode(true);
    words.querySelectorAll("sup, .evidence-link, [aria-hidden]").forEach(function (node) { node.remove(); });
    said.textContent = words.textContent.trim();
    panel.appendChild(said);
    var differ = claim.getAttribute("data-conflicts");
    if (differ) {
      var note = document.getElementById(differ).cloneNode(true);
      note.removeAttribute("id");
      note.hidden = false;
      panel.appendChild(note);
    }
    var shown = [];
    document.querySelectorAll(".source").forEach(function (source) {
      var marks = Array.prototype.filter.call(source.querySelectorAll("mark"), function (mark) {
        return mark.getAttribute("data-quotes").split(" ").some(function (id) { return ids.indexOf(id) >= 0; });
      });
      if (!marks.length) { return; }
      var heading = document.createElement("h3");
      heading.textContent = source.querySelector("h3").textContent;
      panel.appendChild(heading);
      var seen = [];
      marks.forEach(function (mark) {
        var paragraph = mark.closest("p");
        if (seen.indexOf(paragraph) >= 0) { return; }
        seen.push(paragraph);
        var copy = paragraph.cloneNode(true);
        copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
        copy.querySelectorAll("mark").forEach(function (mark) {
          var hit = mark.getAttribute("data-quotes").split(" ").some(function (id) { return ids.indexOf(id) >= 0; });
          mark.className = hit ? "hit" : "";
        });
        panel.appendChild(copy);
        shown.push(copy);
      });
      var link = document.createElement("a");
      link.href = "#" + source.id;
      link.textContent = "In the source texts";
      link.addEventListener("click", function () { dialog.close(); });
      panel.appendChild(link);
    });
    opener = claim;
    dialog.showModal();
    var first = panel.querySelector("mark.hit");
    if (first) { first.scrollIntoView({block: "center"}); }
    panel.focus();
  }
  document.querySelectorAll(".claim").forEach(function (claim) {
    claim.addEventListener("click", function (event) {
      if (event.target.closest("sup a")) { return; }
      event.preventDefault();
      show(claim);
    });
  });
  dialog.querySelector(".close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () {
    var link = opener && opener.querySelector(".evidence-link");
    if (link) { link.focus(); }
  });
})();
