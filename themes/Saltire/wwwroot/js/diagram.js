// Draws process diagrams with Mermaid. The Mermaid source stays hidden in the page (and a stage
// list and tables say the same in words), so without JavaScript nothing is lost but the picture.
// mermaid.render draws off-screen, since Mermaid cannot lay out inside a hidden element.
(function () {
    'use strict';
    var sources = document.querySelectorAll('.portal-diagram__source');
    if (!sources.length || !window.mermaid) return;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'Roboto, sans-serif' });
    sources.forEach(function (source, index) {
        window.mermaid.render('portal-diagram-' + index, source.textContent).then(function (result) {
            source.innerHTML = result.svg;
            source.classList.add('portal-diagram__source--drawn');
        }).catch(function (error) {
            // The stage list and tables on the page say the same in words; report for diagnosis.
            window.console.error('Process diagram could not be drawn: ' + (error && error.message ? error.message : error));
        });
    });
}());
