/*
 * Lotsen page: start page, login and resume, the chat bar (help, quick exit, menu, pause, notes), and the views.
 * The token lives only in this closure: never in localStorage, sessionStorage, a cookie the page can read, or a URL.
 */
(function () {
  'use strict';
  var Lotsen = window.Lotsen;
  var t = Lotsen.i18n.t;

  /** Where "Quick exit" goes: an ordinary page that says nothing about Lotsen. */
  var NEUTRAL_URL = 'https://www.google.com/search?q=weather';
  var NOTICES = { paused: 'pause.text', deleted: 'page.notice.deleted', ended: 'page.notice.ended' };
  var PERSONAS = ['parent', 'child-next', 'child-mini'];

  // Before login the page knows only the server's municipality, if it has just one (a name, never a number).
  var config = { municipality: null };
  var session = null; // { token, conversationId, persona, ageBand, locale, municipality }
  var chat = null; // Lotsen.chat handle
  var noticeKey = null;
  var ending = false;

  function $(id) {
    return document.getElementById(id);
  }

  function post(url, init) {
    return fetch(url, Object.assign({ method: 'POST', credentials: 'same-origin', cache: 'no-store' }, init || {}));
  }

  function bearer(token) {
    return { Authorization: 'Bearer ' + token };
  }

  function currentToken() {
    return (chat && chat.token()) || (session && session.token) || null;
  }

  /** The page stays one history entry at "/": nothing a Back button could bring back. */
  function settleUrl() {
    if (window.location.pathname !== '/' || window.location.search || window.location.hash) history.replaceState(null, '', '/');
  }

  /** The start page after a session ended here: the notice to show, in the language in use. */
  function startUrl(notice) {
    return '/?notice=' + encodeURIComponent(notice) + '&lang=' + encodeURIComponent(Lotsen.i18n.locale());
  }

  // ---------- start page ----------

  function renderMunicipality() {
    var name = config.municipality && config.municipality.name ? config.municipality.name : '';
    $('offered-by').textContent = name ? t('page.start.offeredBy', { name: name }) : '';
    $('where-code').textContent = name ? t('page.login.whereCode', { name: name }) : t('page.login.whereCodeAny');
  }

  function renderNotice() {
    $('notice').textContent = noticeKey ? t(noticeKey) : '';
    $('notice').hidden = !noticeKey;
  }

  function renderLanguageButtons() {
    var locale = Lotsen.i18n.locale();
    $('chat-language').value = locale;
    Array.prototype.forEach.call(document.querySelectorAll('.lang-button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === locale));
    });
    $('a11y-link').setAttribute('href', locale === 'sv' ? '/accessibility.html' : locale === 'ar' ? '/accessibility.html#ar' : '/accessibility.html#en');
  }

  function renderLoginButton(busy) {
    var button = $('login-button');
    button.disabled = !!busy;
    button.textContent = busy ? t('page.login.busy') : t('page.login.submit');
  }

  function showLoginError(message) {
    var input = $('code');
    $('code-error').textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    input.select();
  }

  function clearLoginError() {
    $('code-error').textContent = '';
    $('code').removeAttribute('aria-invalid');
  }

  function onLogin(event) {
    event.preventDefault();
    var code = $('code').value.trim();
    clearLoginError();
    if (!code) {
      showLoginError(t('page.login.empty'));
      return;
    }
    renderLoginButton(true);
    post('/api/login', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code, locale: Lotsen.i18n.locale() }) })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            if (res.ok && body && typeof body.token === 'string') return enterChat(body);
            renderLoginButton(false);
            showLoginError(body && typeof body.message === 'string' ? body.message : t('page.login.network'));
          });
      })
      .catch(function () {
        renderLoginButton(false);
        showLoginError(t('page.login.network'));
      });
  }

  /** The language switch in the chat's bar: the page, Web Chat and the bot, which shows where you are in it. */
  function onChatLanguage() {
    var next = $('chat-language').value;
    if (!Lotsen.i18n.isLocale(next) || next === Lotsen.i18n.locale()) return;
    Lotsen.i18n.setLocale(next).then(function () {
      if (session) session.locale = next;
      if (!chat) return;
      chat.relocalize();
      // The next message carries the new language: the server keeps it for this conversation, and "resume" has the
      // bot show the step you are on (or the menu) again, in that language.
      chat.send('intent:resume', t('page.languages.' + next));
      if (!$('notes-main').hidden) showNotes();
    });
  }

  function onLanguage(event) {
    var button = event.target.closest('.lang-button');
    if (!button) return;
    Lotsen.i18n.setLocale(button.getAttribute('data-lang')).then(function () {
      button.focus();
    });
  }

  // ---------- after login ----------

  function setPersonaClass(persona) {
    PERSONAS.forEach(function (p) {
      document.body.classList.toggle('persona-' + p, p === persona);
    });
  }

  function showView(name) {
    var inApp = name === 'chat' || name === 'notes';
    $('start-view').hidden = inApp;
    $('app-view').hidden = !inApp;
    $('chat-main').hidden = name !== 'chat';
    $('notes-main').hidden = name !== 'notes';
    $('notes-button').setAttribute('aria-pressed', String(name === 'notes'));
    document.body.classList.toggle('view-notes', name === 'notes');
    document.body.classList.toggle('view-chat', name === 'chat');
    document.body.classList.toggle('view-start', name === 'start');
  }

  function setProgress(progress) {
    var p = progress && typeof progress === 'object' ? progress : null;
    $('progress').textContent = p ? t('page.bar.progress', { position: p.position, total: p.total, title: p.title }) : '';
    // Going back is possible inside a module after its first step: then the bar says so, instead of a word to type.
    $('back-button').hidden = !(p && Number(p.position) > 1);
  }

  var directLineState = 'connecting';
  /** The bar shows Direct Line's status, and "offline" whenever the browser itself has no network. */
  function setConnection(state) {
    directLineState = state;
    showConnection(navigator.onLine === false && state !== 'ended' ? 'offline' : state);
  }

  function showConnection(state) {
    var node = $('connection');
    node.setAttribute('data-state', state);
    node.textContent = t('page.bar.status.' + state);
  }

  /** The code's own municipality from the login or resume answer; a phone only when it has one. */
  function ownMunicipality(m) {
    if (!m || typeof m.name !== 'string' || !m.name) return null;
    return { name: m.name, phone: typeof m.phone === 'string' && m.phone ? m.phone : null };
  }

  function enterChat(body) {
    session = {
      token: body.token,
      conversationId: body.conversationId,
      persona: PERSONAS.indexOf(body.persona) !== -1 ? body.persona : 'parent',
      ageBand: body.ageBand || null,
      locale: Lotsen.i18n.isLocale(body.locale) ? body.locale : Lotsen.i18n.locale(),
      municipality: ownMunicipality(body.municipality),
    };
    ending = false;
    Lotsen.i18n.setPersona(session.persona);
    Lotsen.i18n.setPhones(session.municipality && session.municipality.phone ? [session.municipality.phone] : []);
    return Promise.all([Lotsen.chat.loadBundle(), Lotsen.i18n.setLocale(session.locale)]).then(
      function () {
        // The code is not needed any more: nothing of it stays in the page.
        $('code').value = '';
        clearLoginError();
        setPersonaClass(session.persona);
        noticeKey = null;
        renderNotice();
        setProgress(null);
        setConnection('connecting');
        showView('chat');
        settleUrl();
        return Lotsen.chat
          .start(session, {
            onProgress: setProgress,
            onConnection: function (state) {
              if (ending) return;
              setConnection(state);
              // The session ran out or was ended elsewhere: back to the start page, which says so.
              if (state === 'ended') {
                endSession(true).then(function () {
                  window.location.replace(startUrl('ended'));
                });
              }
            },
            onActivity: onActivity,
          })
          .then(function (handle) {
            chat = handle;
            renderLoginButton(false);
            document.body.classList.remove('is-loading');
            $('chat-main').focus();
          });
      },
      function (err) {
        // Web Chat or the strings did not load: a session without a chat is of no use to anyone.
        Lotsen.i18n.setPersona(null);
        void endSession(true);
        throw err;
      },
    );
  }

  var waiters = [];
  function onActivity(activity) {
    waiters = waiters.filter(function (w) {
      if (w.test(activity)) {
        w.resolve(activity);
        return false;
      }
      return true;
    });
  }

  /** Resolves with the first bot activity that passes `test`, or null after `ms`. */
  function waitForActivity(test, ms) {
    return new Promise(function (resolve) {
      var w = { test: test, resolve: resolve };
      waiters.push(w);
      setTimeout(function () {
        var i = waiters.indexOf(w);
        if (i !== -1) {
          waiters.splice(i, 1);
          resolve(null);
        }
      }, ms);
    });
  }

  // ---------- the bar ----------

  function openHelp() {
    var child = session && session.persona !== 'parent';
    var keys = child
      ? ['help.lines.bris', 'help.lines.emergency']
      : ['help.lines.emergency', 'help.lines.mind', 'help.lines.kvinnofrid', 'help.lines.health', 'help.lines.police'];
    $('help-intro').textContent = t('help.intro');
    var items = keys.map(function (key) {
      var li = document.createElement('li');
      Lotsen.i18n.setText(li, t(key), { tel: true });
      return li;
    });
    var m = session && session.municipality;
    if (m && m.phone) {
      var li = document.createElement('li');
      li.className = 'help-municipality';
      var link = document.createElement('a');
      link.href = 'tel:' + String(m.phone).replace(/[^0-9+]/g, '');
      // The number never breaks over two lines, and reads left to right inside Arabic too.
      var text = t('help.municipality', { name: m.name, phone: m.phone });
      var at = text.indexOf(m.phone);
      if (at === -1) link.textContent = text;
      else {
        var number = document.createElement('span');
        number.className = 'nowrap';
        number.dir = 'ltr';
        number.textContent = m.phone;
        link.replaceChildren(text.slice(0, at), number, text.slice(at + String(m.phone).length));
      }
      li.appendChild(link);
      items.push(li);
    }
    $('help-lines').replaceChildren.apply($('help-lines'), items);
    $('help-continue').textContent = t('help.continue');
    var dialog = $('help-dialog');
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    $('help-close').focus();
  }

  function closeHelp() {
    var dialog = $('help-dialog');
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    $('help-button').focus();
  }

  function sendIntent(action, labelKey) {
    if (!chat) return;
    if (!$('notes-main').hidden) showChat();
    chat.send(action, t(labelKey));
  }

  /** Ends the session everywhere: the stream, the page's memory, the server's session and resume cookie. */
  function endSession(keepalive) {
    ending = true;
    var token = currentToken();
    Lotsen.chat.end();
    chat = null;
    session = null;
    Lotsen.i18n.setPhones([]);
    $('notes-content').replaceChildren();
    $('webchat-host').replaceChildren();
    if (!token) return Promise.resolve();
    return post('/api/me/logout', { keepalive: !!keepalive, headers: bearer(token) }).then(
      function () {},
      function () {},
    );
  }

  /** One click: the chat is gone from the page and from history, and the tab shows an ordinary site. */
  function quickExit() {
    Lotsen.listen.stop();
    $('app-view').hidden = true;
    $('start-view').hidden = true;
    var dialog = $('help-dialog');
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    void endSession(true);
    window.location.replace(NEUTRAL_URL);
  }

  function pause() {
    if (!chat) return;
    var replied = waitForActivity(function (a) {
      return !!(a && a.from && a.from.role === 'bot' && a.channelData && a.channelData.key === 'ui:pause.text');
    }, 5000);
    sendIntent('intent:pause', 'buttons.pause');
    replied
      .then(function () {
        return endSession(false);
      })
      .then(function () {
        window.location.replace(startUrl('paused'));
      });
  }

  // ---------- notes ----------

  function showNotes() {
    showView('notes');
    $('delete-confirm').hidden = true;
    $('delete-button').setAttribute('aria-expanded', 'false');
    $('notes-main').focus();
    var token = currentToken();
    if (token) Lotsen.notes.show(token, $('notes-content'), $('notes-status')).catch(function () {});
  }

  function showChat() {
    showView('chat');
    $('chat-main').focus();
  }

  function onExport() {
    var token = currentToken();
    if (!token) return;
    Lotsen.notes.exportJson(token).then(
      function () {
        $('notes-status').textContent = t('page.notes.exported');
      },
      function () {
        $('notes-status').textContent = t('page.notes.error');
      },
    );
  }

  function askDelete() {
    var panel = $('delete-confirm');
    var open = panel.hidden;
    panel.hidden = !open;
    $('delete-button').setAttribute('aria-expanded', String(open));
    if (open) $('delete-question').focus();
  }

  function cancelDelete() {
    $('delete-confirm').hidden = true;
    $('delete-button').setAttribute('aria-expanded', 'false');
    $('delete-button').focus();
  }

  function confirmDelete() {
    var token = currentToken();
    if (!token) return;
    $('delete-yes').disabled = true;
    Lotsen.notes.deleteAll(token).then(
      function () {
        ending = true;
        Lotsen.chat.end();
        chat = null;
        session = null;
        window.location.replace(startUrl('deleted'));
      },
      function () {
        $('delete-yes').disabled = false;
        $('notes-status').textContent = t('page.notes.error');
      },
    );
  }

  // ---------- boot ----------

  function wire() {
    $('login-form').addEventListener('submit', onLogin);
    $('code').addEventListener('input', function () {
      if ($('code').hasAttribute('aria-invalid')) clearLoginError();
    });
    document.querySelector('.lang-switch').addEventListener('click', onLanguage);
    $('chat-language').addEventListener('change', onChatLanguage);
    $('exit-button').addEventListener('click', quickExit);
    $('start-exit').addEventListener('click', quickExit);
    $('help-button').addEventListener('click', openHelp);
    $('help-close').addEventListener('click', closeHelp);
    $('help-dialog').addEventListener('cancel', function (e) {
      e.preventDefault();
      closeHelp();
    });
    $('back-button').addEventListener('click', function () {
      sendIntent('intent:back', 'buttons.back');
    });
    $('menu-button').addEventListener('click', function () {
      sendIntent('intent:menu', 'buttons.menu');
    });
    $('pause-button').addEventListener('click', pause);
    $('notes-button').addEventListener('click', function () {
      if ($('notes-main').hidden) showNotes();
      else showChat();
    });
    $('notes-back').addEventListener('click', showChat);
    $('notes-print').addEventListener('click', function () {
      window.print();
    });
    $('notes-export').addEventListener('click', onExport);
    $('delete-button').addEventListener('click', askDelete);
    $('delete-no').addEventListener('click', cancelDelete);
    $('delete-yes').addEventListener('click', confirmDelete);
    document.addEventListener('lotsen:locale', function () {
      renderLanguageButtons();
      renderMunicipality();
      renderNotice();
      renderLoginButton($('login-button').disabled);
      var state = $('connection').getAttribute('data-state');
      if (state && !$('app-view').hidden) showConnection(state);
    });
    window.addEventListener('offline', function () {
      if (session) showConnection('offline');
    });
    window.addEventListener('online', function () {
      if (session) showConnection(directLineState);
    });
    // A page restored from the back/forward cache could show an old screen: start afresh instead.
    window.addEventListener('pageshow', function (e) {
      if (e.persisted) window.location.reload();
    });
  }

  function boot() {
    wire();
    var params = new window.URLSearchParams(window.location.search);
    var notice = params.get('notice');
    noticeKey = notice && NOTICES[notice] ? NOTICES[notice] : null;
    var asked = params.get('lang');
    settleUrl();

    var configLoaded = fetch('/api/config', { credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(
        function (c) {
          if (c && c.municipality && typeof c.municipality.name === 'string') config = { municipality: { name: c.municipality.name } };
        },
        function () {},
      );
    // A reload in the same tab: the HttpOnly cookie may bring the session back, once.
    var resumed = post('/api/resume')
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .catch(function () {
        return null;
      });
    // Web Chat is the heaviest part: fetch it while the code is being typed.
    Lotsen.chat.loadBundle().catch(function () {});

    Promise.all([configLoaded, resumed]).then(function (results) {
      var body = results[1];
      if (body && typeof body.token === 'string') {
        return enterChat(body).catch(function () {
          showStart(asked);
        });
      }
      return showStart(asked);
    });
  }

  function showStart(asked) {
    return Lotsen.i18n.setLocale(Lotsen.i18n.isLocale(asked) ? asked : Lotsen.i18n.preferred()).then(
      function () {
        showView('start');
        document.body.classList.remove('is-loading');
      },
      function () {
        showView('start');
        document.body.classList.remove('is-loading');
      },
    );
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
