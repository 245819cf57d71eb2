/* Lotsen page: UI strings from /api/strings/<locale> (locales/<locale>/ui.json), applied to the whole page at once. */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var LOCALES = ['sv', 'en', 'ar'];
  var RTL = { ar: true };
  /** Web Chat's own strings (send box, live region) come from its bundled locale of the same language. */
  var WEBCHAT_LOCALE = { sv: 'sv-SE', en: 'en-US', ar: 'ar-SA' };

  var cache = {};
  var state = { locale: 'sv', strings: null, persona: null };

  function isLocale(x) {
    return LOCALES.indexOf(x) !== -1;
  }

  function load(locale) {
    if (cache[locale]) return Promise.resolve(cache[locale]);
    return fetch('/api/strings/' + encodeURIComponent(locale), { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('strings ' + res.status);
      return res.json().then(function (json) {
        cache[locale] = json;
        return json;
      });
    });
  }

  function lookup(strings, key) {
    var node = strings;
    var parts = key.split('.');
    for (var i = 0; i < parts.length; i += 1) {
      if (node === null || typeof node !== 'object') return undefined;
      node = node[parts[i]];
    }
    return node;
  }

  /** The same variant order as the bot (src/i18n/ui.ts): key_mini, key_child, key. The suffix goes on the first segment that has it. */
  function variants(key) {
    var persona = state.persona;
    var suffixes = persona === 'child-mini' ? ['_mini', '_child', ''] : persona === 'child-next' ? ['_child', ''] : [''];
    var parts = key.split('.');
    var out = [];
    suffixes.forEach(function (suffix) {
      if (!suffix) {
        out.push(key);
        return;
      }
      // Try the suffix on each segment from the last to the first: help.intro_child, checkin.scale_child.1, help.lines.emergency_child.
      for (var i = parts.length - 1; i >= 0; i -= 1) {
        var copy = parts.slice();
        copy[i] = copy[i] + suffix;
        out.push(copy.join('.'));
      }
    });
    return out;
  }

  function raw(key) {
    var strings = state.strings || {};
    var keys = variants(key);
    for (var i = 0; i < keys.length; i += 1) {
      var v = lookup(strings, keys[i]);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  function interpolate(text, vars) {
    return String(text).replace(/\{\{\s*(\w+)\s*\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined && vars[name] !== null ? String(vars[name]) : '';
    });
  }

  /** A UI string; a missing key shows nothing rather than the key itself. */
  function t(key, vars) {
    var v = raw(key);
    if (Array.isArray(v)) v = v.join(' ');
    if (typeof v !== 'string') {
      if (window.console) window.console.warn('Lotsen: missing UI string ' + key);
      return '';
    }
    return interpolate(v, vars);
  }

  function list(key) {
    var v = raw(key);
    if (Array.isArray(v)) return v.map(String);
    return typeof v === 'string' ? [v] : [];
  }

  /*
   * Runs that must read left to right as one piece, also inside Arabic: the code pattern XXXXX-XXXXX-XXXX and numbers
   * in groups (116 111, 020-50 50 50, a municipality's 08-123 45 67). In a right-to-left line the bidirectional
   * algorithm would otherwise put the groups in right-to-left order: BRIS's 116 111 would show as "111 116".
   */
  var LTR_RUNS = /X{5}-X{5}-X{4}|\+?\d+(?:[ \u00A0-]\d+)+/g;

  /**
   * The helplines Lotsen names (content guide) and the municipality's own number: wherever they show in the bot's
   * words, the help panel or the page, they are links that call them (tel:), so nobody has to copy a number in a crisis.
   */
  var HELPLINES = ['020-50 50 50', '116 111', '114 14', '90101', '1177', '112'];
  var extraPhones = [];

  function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function phonePattern() {
    var all = extraPhones.concat(HELPLINES).map(escapeRe);
    return new RegExp('(^|[^\\d])(' + all.join('|') + ')(?![\\d])', 'g');
  }

  /** The municipality's number joins the numbers that become tel: links. */
  function setPhones(list) {
    extraPhones = (list || []).filter(function (p) {
      return typeof p === 'string' && /\d/.test(p);
    });
  }

  function telHref(number) {
    return 'tel:' + String(number).replace(/[^0-9+]/g, '');
  }

  /** A left-to-right run: the code pattern or a number in groups, kept in reading order and on one line. */
  function ltrRun(text) {
    var run = document.createElement('span');
    run.className = 'nowrap';
    run.dir = 'ltr';
    run.textContent = text;
    return run;
  }

  /** Plain text with its left-to-right runs isolated. */
  function isolated(s) {
    var parts = [];
    var last = 0;
    LTR_RUNS.lastIndex = 0;
    for (var m = LTR_RUNS.exec(s); m; m = LTR_RUNS.exec(s)) {
      if (m.index > last) parts.push(s.slice(last, m.index));
      parts.push(ltrRun(m[0]));
      last = m.index + m[0].length;
    }
    if (last < s.length) parts.push(s.slice(last));
    return parts;
  }

  /**
   * Sets text; each left-to-right run becomes a span that does not break over lines. With `options.tel`, every
   * helpline number (and the municipality's) becomes a tel: link.
   */
  function setText(el, text, options) {
    var s = String(text);
    var parts = [];
    if (options && options.tel) {
      var re = phonePattern();
      var last = 0;
      for (var m = re.exec(s); m; m = re.exec(s)) {
        var at = m.index + m[1].length;
        if (at > last) parts = parts.concat(isolated(s.slice(last, at)));
        var link = document.createElement('a');
        link.href = telHref(m[2]);
        link.className = 'tel';
        link.appendChild(/[ \u00A0-]/.test(m[2]) ? ltrRun(m[2]) : document.createTextNode(m[2]));
        parts.push(link);
        last = at + m[2].length;
      }
      if (last < s.length) parts = parts.concat(isolated(s.slice(last)));
    } else {
      parts = isolated(s);
    }
    if (parts.length === 1 && typeof parts[0] === 'string') {
      el.textContent = s;
      return;
    }
    el.replaceChildren.apply(el, parts);
  }

  /** Writes every data-i18n text of the document and sets lang/dir on <html>, in one pass. */
  function apply(root) {
    var scope = root || document;
    var html = document.documentElement;
    html.lang = state.locale;
    html.dir = RTL[state.locale] ? 'rtl' : 'ltr';
    Array.prototype.forEach.call(scope.querySelectorAll('[data-i18n]'), function (el) {
      // Numbers become links only in running text, never inside a control that has its own action.
      setText(el, t(el.getAttribute('data-i18n')), { tel: !el.closest('button, a, label, option, summary, title') });
    });
    Array.prototype.forEach.call(scope.querySelectorAll('[data-i18n-aria-label]'), function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria-label')));
    });
    Array.prototype.forEach.call(scope.querySelectorAll('[data-i18n-list]'), function (el) {
      var items = list(el.getAttribute('data-i18n-list'));
      el.replaceChildren.apply(
        el,
        items.map(function (text) {
          var li = document.createElement('li');
          li.textContent = text;
          return li;
        }),
      );
    });
    document.title = t('page.title');
  }

  /** Loads a language and switches the page to it; resolves when the page shows it. */
  function setLocale(locale) {
    var next = isLocale(locale) ? locale : 'sv';
    return load(next).then(function (strings) {
      state.locale = next;
      state.strings = strings;
      apply();
      document.dispatchEvent(new CustomEvent('lotsen:locale', { detail: { locale: next } }));
      return next;
    });
  }

  /** The first language the browser prefers that Lotsen has; Swedish otherwise. */
  function preferred() {
    var langs = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'sv']).map(function (l) {
      return String(l).toLowerCase().split('-')[0];
    });
    for (var i = 0; i < langs.length; i += 1) if (isLocale(langs[i])) return langs[i];
    return 'sv';
  }

  Lotsen.i18n = {
    LOCALES: LOCALES,
    isLocale: isLocale,
    isRtl: function (locale) {
      return !!RTL[locale || state.locale];
    },
    webChatLocale: function () {
      return WEBCHAT_LOCALE[state.locale];
    },
    locale: function () {
      return state.locale;
    },
    setPersona: function (persona) {
      state.persona = persona;
    },
    setLocale: setLocale,
    preferred: preferred,
    t: t,
    list: list,
    has: function (key) {
      return raw(key) !== undefined;
    },
    apply: apply,
    setText: setText,
    setPhones: setPhones,
  };
})();
