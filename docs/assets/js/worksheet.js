// Print buttons on worksheet pages; Material opens collapsed details on `beforeprint`.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-hb-print]")) {
    window.print();
  }
});
