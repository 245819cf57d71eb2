/* Lotsen contact-centre console: the page behaviour. Plain script, no build step, no inline code (CSP script-src 'self'). */
(function () {
  'use strict';

  var dataEl = document.getElementById('console-data');
  var data = dataEl ? JSON.parse(dataEl.textContent || '{}') : {};
  var S = data.strings || {};

  /** A console string by dot path, with {{name}} filled in. */
  function t(path, vars) {
    var node = S;
    var parts = path.split('.');
    for (var i = 0; i < parts.length; i += 1) node = node == null ? undefined : node[parts[i]];
    if (typeof node !== 'string') return path;
    return fill(node, vars);
  }
  function fill(text, vars) {
    return String(text).replace(/\{\{(\w+)\}\}/g, function (m, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m;
    });
  }
  function lookup(group, key) {
    var g = S[group] || {};
    return typeof g[key] === 'string' ? g[key] : key;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') node.textContent = v;
        else if (k === 'className') node.className = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function say(box, text) {
    if (!box) return;
    box.textContent = text || '';
    box.classList.toggle('empty', !text);
  }

  /** JSON to the console API with the session's CSRF token; a lost session goes back to sign-in. */
  function api(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (data.csrf) headers['X-CSRF-Token'] = data.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (json) {
          if (res.status === 401 && url.indexOf('/console/api/login') !== 0) {
            location.assign('/console?reason=expired');
          }
          return { ok: res.ok, status: res.status, body: json };
        });
    }, function () {
      return { ok: false, status: 0, body: { message: t('common.error') } };
    });
  }
  function errorText(result) {
    return (result.body && result.body.message) || t('common.error');
  }

  function formatDate(ms, locale) {
    var tag = locale === 'sv' ? 'sv-SE' : locale === 'en' ? 'en-GB' : 'ar';
    try {
      return new Intl.DateTimeFormat(tag, { dateStyle: 'long', numberingSystem: 'latn' }).format(new Date(ms));
    } catch {
      return new Date(ms).toISOString().slice(0, 10);
    }
  }
  function shortDate(ms) {
    return new Intl.DateTimeFormat(data.locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short' }).format(new Date(ms));
  }

  // ---- every signed-in page: sign out ----

  var signOut = document.getElementById('sign-out');
  if (signOut) {
    signOut.addEventListener('click', function () {
      signOut.disabled = true;
      api('POST', '/console/api/logout', {}).then(function (r) {
        location.replace((r.body && r.body.next) || '/console?reason=signedout');
      });
    });
  }

  // ---- codes ----

  function initCodes() {
    var status = document.getElementById('codes-status');
    var error = document.getElementById('codes-error');
    var persona = document.getElementById('persona');
    var ageField = document.getElementById('age-band-field');
    var form = document.getElementById('create-form');
    var sheet = document.getElementById('sheet');
    var slips = document.getElementById('slips');
    var batchesBox = document.getElementById('batches');
    var filter = document.getElementById('batches-filter');
    var shown = null;

    function syncAge() {
      ageField.hidden = persona.value !== 'child-next';
    }
    persona.addEventListener('change', syncAge);
    syncAge();

    function message(ok, text) {
      say(status, ok ? text : '');
      say(error, ok ? '' : text);
    }

    function batchesUrl() {
      var select = document.getElementById('batches-municipality');
      return '/console/api/batches' + (select && select.value ? '?municipality=' + encodeURIComponent(select.value) : '');
    }

    function loadBatches() {
      batchesBox.setAttribute('aria-busy', 'true');
      api('GET', batchesUrl()).then(function (r) {
        batchesBox.setAttribute('aria-busy', 'false');
        batchesBox.textContent = '';
        if (!r.ok) {
          batchesBox.appendChild(el('p', { text: errorText(r) }));
          return;
        }
        if (r.body.batches.length === 0) {
          batchesBox.appendChild(el('p', { text: t('codes.empty') }));
          return;
        }
        var head = ['codes.createdAt', 'codes.labelColumn', 'common.persona', 'codes.total', 'codes.used', 'codes.revokedCount', 'codes.expires', 'codes.createdBy', 'codes.action'];
        var admin = data.role === 'admin';
        if (admin) head.splice(1, 0, 'common.municipality');
        var names = {};
        (data.municipalities || []).forEach(function (m) {
          names[m.id] = m.name;
        });
        var rows = r.body.batches.map(function (b) {
          var who = lookup('personas', b.persona) + (b.ageBand ? ', ' + lookup('ageBands', b.ageBand) : '');
          var active = b.total - b.revoked;
          var action =
            active > 0
              ? el('button', { type: 'button', className: 'secondary small', 'data-batch': b.id, 'aria-label': t('codes.revokeBatchLabel', { date: shortDate(b.createdAt) }) + (b.label ? ' (' + b.label + ')' : ''), text: t('codes.revokeBatch') })
              : el('span', { text: t('codes.allRevoked') });
          var cells = [
            el('th', { scope: 'row' }, [el('time', { datetime: new Date(b.createdAt).toISOString(), text: shortDate(b.createdAt) })]),
            el('td', { text: b.label || t('common.none') }),
            el('td', { text: who }),
            el('td', { className: 'num', text: String(b.total) }),
            // null: a batch of fewer than 5 codes, whose use is not shown.
            el('td', { className: 'num', text: b.used === null ? t('common.none') : String(b.used) }),
            el('td', { className: 'num', text: String(b.revoked) }),
            el('td', { text: b.expiresAt ? shortDate(b.expiresAt) : t('codes.never') }),
            el('td', { text: b.createdBy || t('common.none') }),
            el('td', null, [action]),
          ];
          if (admin) cells.splice(1, 0, el('td', { text: names[b.municipalityId] || b.municipalityId }));
          return el('tr', { 'data-batch-row': b.id }, cells);
        });
        var table = el('table', { id: 'batches-table' }, [
          el('caption', { text: t('codes.batchesCaption') }),
          el('thead', null, [el('tr', null, head.map(function (k) {
            return el('th', { scope: 'col', text: t(k) });
          }))]),
          el('tbody', null, rows),
        ]);
        batchesBox.appendChild(el('div', { className: 'table-wrap' }, [table]));
      });
    }

    batchesBox.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-batch]');
      if (!button) return;
      if (!window.confirm(t('codes.revokeBatchConfirm'))) return;
      button.disabled = true;
      api('POST', '/console/api/batches/' + encodeURIComponent(button.getAttribute('data-batch')) + '/revoke', {}).then(function (r) {
        message(r.ok, r.ok ? t('codes.batchRevoked', { count: r.body.revoked }) : errorText(r));
        loadBatches();
      });
    });
    if (filter) {
      filter.addEventListener('submit', function (e) {
        e.preventDefault();
        loadBatches();
      });
    }

    function renderSlips(result) {
      slips.textContent = '';
      var s = result.slip;
      var url = location.origin + '/';
      var dir = result.slipLocale === 'ar' ? 'rtl' : 'ltr';
      result.codes.forEach(function (code) {
        var steps = s.steps.map(function (line) {
          return el('li', { text: fill(line, { url: url }) });
        });
        slips.appendChild(
          el('li', { className: 'slip', lang: result.slipLocale, dir: dir }, [
            el('p', { className: 'slip-from', text: fill(s.from, { municipality: result.municipality.name }) }),
            el('p', { className: 'slip-title', text: s.title }),
            el('p', { text: s.intro[result.persona] }),
            el('p', { className: 'slip-code-label', text: s.codeLabel }),
            el('p', { className: 'slip-code', dir: 'ltr', lang: 'en', translate: 'no', text: code }),
            el('ol', { className: 'slip-steps' }, steps),
            el('p', { text: s.keep }),
            el('p', { text: s.private }),
            result.expiresAt ? el('p', { className: 'slip-expires', text: fill(s.expires, { date: formatDate(result.expiresAt, result.slipLocale) }) }) : null,
          ]),
        );
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var count = Number(form.count.value);
      var days = Number(form.expiresDays.value);
      if (!Number.isInteger(count) || count < 1 || count > 500 || !Number.isInteger(days) || days < 0 || days > 3650) {
        message(false, t('common.badRequest'));
        (count >= 1 && count <= 500 ? form.expiresDays : form.count).focus();
        return;
      }
      var body = {
        persona: persona.value,
        ageBand: persona.value === 'child-next' ? form.ageBand.value : null,
        count: count,
        expiresDays: days,
        label: form.label.value.trim() || null,
        slipLocale: form.slipLocale.value,
      };
      var muni = document.getElementById('create-municipality') || form.querySelector('input[name="municipality"]');
      if (muni && muni.value) body.municipality = muni.value;
      var submit = form.querySelector('button[type="submit"]');
      submit.disabled = true;
      say(status, t('codes.working'));
      api('POST', '/console/api/batches', body).then(function (r) {
        submit.disabled = false;
        if (!r.ok) {
          message(false, errorText(r));
          return;
        }
        shown = r.body;
        renderSlips(r.body);
        message(true, t('codes.created', { count: r.body.codes.length }));
        sheet.hidden = false;
        document.getElementById('sheet-h').focus();
        loadBatches();
      });
    });

    document.getElementById('print-slips').addEventListener('click', function () {
      window.print();
    });
    document.getElementById('download-csv').addEventListener('click', function () {
      if (!shown) return;
      var lines = ['code,persona,age_band,expires,municipality,batch'];
      shown.codes.forEach(function (code) {
        lines.push([code, shown.persona, shown.ageBand || '', shown.expiresAt ? new Date(shown.expiresAt).toISOString().slice(0, 10) : '', shown.municipality.id, shown.batchId].join(','));
      });
      var blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
      var href = URL.createObjectURL(blob);
      var a = el('a', { href: href, download: 'lotsen-codes-' + shown.batchId.slice(0, 8) + '.csv', className: 'visually-hidden', text: t('codes.csv') });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () {
        URL.revokeObjectURL(href);
        a.remove();
      }, 1000);
    });
    document.getElementById('hide-sheet').addEventListener('click', function () {
      shown = null;
      slips.textContent = '';
      sheet.hidden = true;
      say(status, '');
      document.getElementById('create-h').setAttribute('tabindex', '-1');
      document.getElementById('create-h').focus();
    });

    var revokeForm = document.getElementById('revoke-form');
    revokeForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var input = revokeForm.code;
      if (!input.value.trim()) {
        message(false, t('codes.badCode'));
        input.focus();
        return;
      }
      api('POST', '/console/api/codes/revoke', { code: input.value }).then(function (r) {
        message(r.ok, r.ok ? t('codes.revoked') : errorText(r));
        if (r.ok) {
          input.value = '';
          loadBatches();
        } else input.focus();
      });
    });

    loadBatches();
  }

  // ---- preview ----

  function initPreview() {
    var form = document.getElementById('preview-form');
    var flowSelect = document.getElementById('preview-flow');
    var stepSelect = document.getElementById('preview-step');
    var ageField = document.getElementById('preview-age-field');
    var log = document.getElementById('chat-log');
    var actions = document.getElementById('chat-actions');
    var progress = document.getElementById('preview-progress');
    var error = document.getElementById('preview-error');
    var chatForm = document.getElementById('chat-form');
    var input = document.getElementById('chat-input');
    var globals = document.querySelectorAll('[data-intent]');
    var flows = data.flows || {};
    var busy = false;

    function syncSteps() {
      var f = flows[flowSelect.value];
      stepSelect.textContent = '';
      stepSelect.appendChild(el('option', { value: '', text: t('preview.fromStart') }));
      if (!f) return;
      ageField.hidden = f.persona !== 'child-next';
      f.steps.forEach(function (s) {
        stepSelect.appendChild(el('option', { value: s.id, text: s.id + ' (' + (((S.preview || {}).stepKinds || {})[s.kind] || s.kind) + ')' }));
      });
    }
    flowSelect.addEventListener('change', syncSteps);
    syncSteps();

    function enable(on) {
      input.disabled = !on;
      chatForm.querySelector('button').disabled = !on;
      for (var i = 0; i < globals.length; i += 1) globals[i].disabled = !on;
    }

    function addUser(text) {
      log.appendChild(el('div', { className: 'msg user' }, [el('span', { className: 'visually-hidden', text: t('preview.user') + ': ' }), el('p', { text: text })]));
    }

    function render(view) {
      var first = null;
      view.messages.forEach(function (m) {
        var body;
        if (m.kind === 'video') {
          body = el('div', null, [
            el('p', { className: 'video-title', text: t('preview.video', { title: m.title }) }),
            el('details', null, [el('summary', { text: m.title })].concat(m.text.map(function (p) {
              return el('p', { text: p });
            }))),
          ]);
        } else if (m.kind === 'image') {
          body = el('figure', null, [el('img', { src: m.src, alt: m.alt, width: 160, height: 120 }), el('figcaption', { className: 'visually-hidden', text: t('preview.image', { alt: m.alt }) })]);
        } else {
          body = el('p', { text: m.text });
        }
        var node = el('div', { className: 'msg bot' + (m.role ? ' role-' + m.role : ''), tabindex: '-1' }, [
          el('span', { className: 'visually-hidden', text: t('preview.bot') + ': ' }),
          body,
          el('p', { className: 'key' }, [el('span', { className: 'visually-hidden', text: t('preview.key') + ': ' }), el('code', { text: m.key })]),
        ]);
        if (!first) first = node;
        log.appendChild(node);
      });
      actions.textContent = '';
      view.actions.forEach(function (a) {
        actions.appendChild(el('button', { type: 'button', 'data-value': a.value, text: a.title }));
      });
      say(progress, view.progress ? t('preview.progress', { title: '\u2068' + view.progress.title + '\u2069', position: view.progress.position, total: view.progress.total }) : '');
      if (first) first.focus();
    }

    function send(body, echo) {
      if (busy) return;
      busy = true;
      say(error, '');
      if (echo) addUser(echo);
      api('POST', '/console/api/preview/turn', body).then(function (r) {
        busy = false;
        if (!r.ok) {
          say(error, errorText(r));
          return;
        }
        render(r.body);
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = flows[flowSelect.value];
      var locale = form.locale.value;
      var body = { flow: flowSelect.value, locale: locale, ageBand: f && f.persona === 'child-next' ? form.ageBand.value : null, step: stepSelect.value || null };
      say(error, '');
      api('POST', '/console/api/preview/start', body).then(function (r) {
        if (!r.ok) {
          say(error, errorText(r));
          return;
        }
        log.textContent = '';
        log.setAttribute('lang', locale);
        log.setAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
        actions.setAttribute('lang', locale);
        actions.setAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
        enable(true);
        render(r.body);
      });
    });

    actions.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-value]');
      if (b) send({ button: b.getAttribute('data-value') }, b.textContent);
    });
    for (var i = 0; i < globals.length; i += 1) {
      globals[i].addEventListener('click', function (e) {
        send({ button: e.currentTarget.getAttribute('data-intent') }, e.currentTarget.textContent);
      });
    }
    chatForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = input.value;
      if (!text.trim()) return;
      input.value = '';
      send({ text: text }, text);
    });
  }

  // ---- flows ----

  function initFlows() {
    var src = document.getElementById('mermaid-src');
    var box = document.getElementById('diagram');
    if (src && box && window.mermaid) {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'inherit' });
      window.mermaid.render('flow-diagram-svg', src.textContent).then(
        function (out) {
          box.innerHTML = out.svg;
          box.setAttribute('data-rendered', 'true');
        },
        function () {
          box.setAttribute('data-rendered', 'failed');
        },
      );
    }
    var run = document.getElementById('run-tests');
    if (!run) return;
    var status = document.getElementById('test-status');
    var list = document.getElementById('test-lines');
    run.addEventListener('click', function () {
      run.disabled = true;
      list.textContent = '';
      say(status, t('flows.running'));
      var key = run.getAttribute('data-flow');
      api('POST', '/console/api/flows/' + key.split('/').map(encodeURIComponent).join('/') + '/test', {}).then(function (r) {
        run.disabled = false;
        if (!r.ok) {
          say(status, errorText(r));
          return;
        }
        r.body.lines.forEach(function (line) {
          list.appendChild(el('li', { className: line.ok ? 'pass' : 'fail' }, [el('span', { className: 'badge', text: line.ok ? t('flows.pass') : t('flows.fail') }), ' ', el('code', { text: line.text })]));
        });
        say(status, t('flows.summary', { passed: r.body.passed, failed: r.body.failed }));
      });
    });
  }

  if (data.page === 'codes') initCodes();
  if (data.page === 'preview') initPreview();
  if (data.page === 'flows') initFlows();
})();
