// Live preview for the agreement template editor. Without JavaScript the page still works: "Save
// draft" checks the template and "Preview as PDF" shows it. With it, the text is posted (with the
// form's anti-forgery token) to the page's "live" handler a moment after typing stops, and the
// sample agreement is shown beside the editor as HTML (already sanitised by the server), or the
// problems with their line numbers are announced through the polite status region.
(function () {
    'use strict';
    var form = document.getElementById('template-form');
    var panel = document.getElementById('template-preview');
    var status = document.getElementById('template-preview-status');
    var body = document.getElementById('template-preview-body');
    if (!form || !panel || !status || !body || !window.fetch || !window.FormData) return;
    var source = form.querySelector('textarea');
    var url = form.getAttribute('data-preview');
    if (!source || !url) return;

    var timer = null;
    var controller = null;
    var lastSent = null;

    function say(text, problems, note) {
        status.textContent = '';
        var p = document.createElement('p');
        p.textContent = text;
        status.appendChild(p);
        if (problems && problems.length) {
            var list = document.createElement('ul');
            list.className = 'ds_error-message portal-template-preview__problems';
            problems.forEach(function (problem) {
                var item = document.createElement('li');
                item.textContent = 'Line ' + problem.line + ': ' + problem.message;
                list.appendChild(item);
            });
            status.appendChild(list);
        }
        if (note) {
            var n = document.createElement('p');
            n.textContent = note;
            status.appendChild(n);
        }
    }

    function refresh() {
        if (source.value === lastSent) return;
        lastSent = source.value;
        if (controller) controller.abort();
        controller = window.AbortController ? new window.AbortController() : null;
        var data = new window.FormData(form);
        window.fetch(url, {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' },
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            return response.json();
        }).then(function (result) {
            if (result.errors && result.errors.length) {
                say(result.errors.length === 1 ? 'There is a problem with the template:' : 'There are ' + result.errors.length + ' problems with the template:', result.errors,
                    body.innerHTML ? 'The preview below is from before the problem.' : null);
                body.classList.add('portal-template-preview__body--stale');
            } else {
                body.innerHTML = result.html || '';
                body.classList.remove('portal-template-preview__body--stale');
                say('Preview updated.');
            }
        }).catch(function (error) {
            if (error && error.name === 'AbortError') return;
            lastSent = null;
            say('The preview could not be updated. Use "Preview as PDF" instead.');
        });
    }

    source.addEventListener('input', function () {
        if (timer) window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 700);
    });
    panel.hidden = false;
    form.parentNode.classList.add('portal-template-editor--live');
    refresh();
}());
