// Draws process diagrams with Mermaid. The Mermaid source stays in the page (and a stage list and
// table say the same in words), so without JavaScript nothing is lost but the picture.
(function () {
    'use strict';
    var sources = document.querySelectorAll('.portal-diagram__source');
    if (!sources.length || !window.mermaid) return;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'Roboto, sans-serif' });
    window.mermaid.run({ nodes: sources }).then(function () {
        sources.forEach(function (source) { source.classList.add('portal-diagram__source--drawn'); });
    }).catch(function () {
        // Leave the source text visible if drawing fails; the text alternative is on the page.
    });
}());
