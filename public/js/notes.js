/* Lotsen page: "My notes": saved reflections and check-ins by module, the agreement plan, print, export, delete. */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var PLAN_FIELDS = ['residence', 'handovers', 'holidays', 'school', 'money', 'talking', 'changes'];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== undefined && attrs[name] !== null) node.setAttribute(name, String(attrs[name]));
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function formatDate(ms) {
    var locale = Lotsen.i18n.locale();
    try {
      // Western digits in Arabic too, as in the rest of Lotsen.
      return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
    } catch {
      return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
    }
  }

  function authed(token, init) {
    var options = init || {};
    options.headers = Object.assign({}, options.headers || {}, { Authorization: 'Bearer ' + token });
    options.credentials = 'same-origin';
    options.cache = 'no-store';
    return options;
  }

  /** Notes and check-ins grouped by module, modules in the order they were first used. */
  function groupByModule(data) {
    var groups = [];
    var byFlow = {};
    function group(flow) {
      if (!byFlow[flow]) {
        byFlow[flow] = { flow: flow, notes: [], checkins: [] };
        groups.push(byFlow[flow]);
      }
      return byFlow[flow];
    }
    (data.notes || []).forEach(function (n) {
      group(n.flow).notes.push(n);
    });
    (data.checkins || []).forEach(function (c) {
      group(c.flow).checkins.push(c);
    });
    return groups;
  }

  function renderModule(group, modules) {
    var info = modules[group.flow] || { title: group.flow.split('/').pop(), questions: {} };
    var section = el('section', { class: 'notes-module' });
    var headingId = 'notes-' + group.flow.replace(/[^a-z0-9-]/gi, '-');
    section.setAttribute('aria-labelledby', headingId);
    section.appendChild(el('h2', { id: headingId }, info.title));

    group.notes.forEach(function (note) {
      var item = el('article', { class: 'note' });
      var question = info.questions && info.questions[note.step];
      if (question) item.appendChild(el('h3', { class: 'note-question' }, question));
      if (typeof note.text === 'string' && note.text.length > 0) {
        item.appendChild(el('p', { class: 'note-text', dir: 'auto' }, note.text));
      } else {
        item.appendChild(el('p', { class: 'note-skipped' }, Lotsen.i18n.t('page.notes.skipped')));
      }
      item.appendChild(el('p', { class: 'note-date' }, Lotsen.i18n.t('page.notes.savedOn', { date: formatDate(note.updatedAt) })));
      section.appendChild(item);
    });

    if (group.checkins.length > 0) {
      section.appendChild(el('h3', { class: 'checkins-heading' }, Lotsen.i18n.t('page.notes.checkins')));
      var list = el('ul', { class: 'checkins' });
      group.checkins.forEach(function (c) {
        var li = el('li');
        li.appendChild(el('span', { class: 'checkin-value' }, Lotsen.i18n.t('checkin.scale.' + c.value)));
        li.appendChild(el('span', { class: 'checkin-date' }, formatDate(c.at)));
        list.appendChild(li);
      });
      section.appendChild(list);
    }
    return section;
  }

  function renderPlan(plan) {
    var fields = PLAN_FIELDS.filter(function (f) {
      return plan && Object.prototype.hasOwnProperty.call(plan, f);
    });
    if (fields.length === 0) return null;
    var section = el('section', { class: 'notes-plan', 'aria-labelledby': 'plan-heading' });
    section.appendChild(el('h2', { id: 'plan-heading' }, Lotsen.i18n.t('page.notes.planHeading')));
    fields.forEach(function (field) {
      section.appendChild(el('h3', null, Lotsen.i18n.t('page.notes.plan.' + field)));
      var text = plan[field];
      if (typeof text === 'string' && text.length > 0) section.appendChild(el('p', { class: 'note-text', dir: 'auto' }, text));
      else section.appendChild(el('p', { class: 'note-skipped' }, Lotsen.i18n.t('page.notes.skipped')));
    });
    return section;
  }

  /** Fetches the user's data and the module names, and draws the notes into `container`. */
  function show(token, container, status) {
    status.textContent = Lotsen.i18n.t('page.notes.loading');
    container.replaceChildren();
    var locale = Lotsen.i18n.locale();
    return Promise.all([
      fetch('/api/me/data', authed(token)).then(function (res) {
        if (!res.ok) throw Object.assign(new Error('data ' + res.status), { status: res.status });
        return res.json();
      }),
      fetch('/api/modules/' + encodeURIComponent(locale), { credentials: 'same-origin' }).then(function (res) {
        return res.ok ? res.json() : {};
      }),
    ]).then(
      function (results) {
        var data = results[0];
        var modules = results[1] || {};
        var groups = groupByModule(data);
        var nodes = [];
        var plan = renderPlan(data.plan || {});
        if (plan) nodes.push(plan);
        groups.forEach(function (g) {
          nodes.push(renderModule(g, modules));
        });
        if (nodes.length === 0) nodes.push(el('p', { class: 'notes-empty' }, Lotsen.i18n.t('page.notes.empty')));
        container.replaceChildren.apply(container, nodes);
        status.textContent = '';
        return data;
      },
      function (err) {
        status.textContent = Lotsen.i18n.t('page.notes.error');
        throw err;
      },
    );
  }

  /** Downloads /api/me/export as a file: fetched with the token (never put in a URL), saved from a Blob. */
  function exportJson(token) {
    return fetch('/api/me/export', authed(token)).then(function (res) {
      if (!res.ok) throw Object.assign(new Error('export ' + res.status), { status: res.status });
      return res.blob().then(function (blob) {
        var url = URL.createObjectURL(new Blob([blob], { type: 'application/json' }));
        var a = el('a', { href: url, download: 'lotsen-export.json', class: 'visually-hidden' });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 10000);
      });
    });
  }

  function deleteAll(token) {
    return fetch('/api/me', authed(token, { method: 'DELETE' })).then(function (res) {
      if (res.status !== 204 && !res.ok) throw Object.assign(new Error('delete ' + res.status), { status: res.status });
    });
  }

  Lotsen.notes = { show: show, exportJson: exportJson, deleteAll: deleteAll, PLAN_FIELDS: PLAN_FIELDS };
})();
