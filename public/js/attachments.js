/*
 * Lotsen page: how message text, videos and pictures show in Web Chat.
 *
 * Web Chat renders every attachment, and every message's text, through its attachment middleware. The minimal bundle
 * keeps React to itself, so each renderer here returns one plain <div> element whose contents are built with the DOM
 * (textContent only, never HTML) the first time React mounts it. React never touches the div's children afterwards.
 */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var VIDEO = 'application/vnd.lotsen.video+json';
  var IMAGE = 'application/vnd.lotsen.image+json';
  var TEXT = /^text\/(plain|markdown|x-markdown)$/;
  // The element marker of the React 16 inside webchat-minimal.js (the bundle is served pinned from node_modules).
  var REACT_ELEMENT = typeof Symbol === 'function' && Symbol.for ? Symbol.for('react.element') : 0xeac7;

  /** A React element for a <div> that `build(node)` fills once. */
  function island(className, build) {
    return {
      $$typeof: REACT_ELEMENT,
      type: 'div',
      key: null,
      ref: function (node) {
        if (node && !node.hasAttribute('data-built')) {
          node.setAttribute('data-built', '');
          build(node);
        }
      },
      props: { className: className },
      _owner: null,
    };
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== undefined && attrs[name] !== null && attrs[name] !== false) node.setAttribute(name, attrs[name] === true ? '' : String(attrs[name]));
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function roleOf(activity) {
    var cd = activity && activity.channelData;
    return cd && typeof cd.role === 'string' ? cd.role : null;
  }

  function hasAttachment(activity, type) {
    return !!(activity && Array.isArray(activity.attachments) && activity.attachments.some(function (a) {
      return a && a.contentType === type;
    }));
  }

  function fromUser(activity) {
    return !!(activity && activity.from && activity.from.role === 'user');
  }

  /**
   * The direction of a text: the user's own words take dir="auto" (they may write in any language); the bot's follow
   * the language they are written in, since a first word such as "Lotsen" would make dir="auto" guess wrong in Arabic.
   */
  /** The language a bot message is written in: its own, else the page's. */
  function languageOf(activity) {
    var locale = activity && typeof activity.locale === 'string' ? activity.locale.toLowerCase().split('-')[0] : '';
    return Lotsen.i18n.isLocale(locale) ? locale : Lotsen.i18n.locale();
  }

  function directionOf(activity) {
    // The bot quoting the user's own notes back is the user's words too.
    if (fromUser(activity) || roleOf(activity) === 'notes') return 'auto';
    return Lotsen.i18n.isRtl(languageOf(activity)) ? 'rtl' : 'ltr';
  }

  /** Message text: always text, never HTML. */
  function renderText(activity, text) {
    var role = roleOf(activity);
    var classes = ['lotsen-text'];
    if (role) classes.push('lotsen-text--' + role);
    if (fromUser(activity)) classes.push('lotsen-text--user');
    // A picture's or a film's own element carries the same words (alt text, title): the bubble stays out of sight.
    if (!fromUser(activity) && (hasAttachment(activity, IMAGE) || hasAttachment(activity, VIDEO))) classes.push('lotsen-text--caption');
    var dir = directionOf(activity);
    var own = fromUser(activity) || role === 'notes';
    var listen = !fromUser(activity) && classes.indexOf('lotsen-text--caption') === -1;
    return island(classes.join(' '), function (node) {
      node.setAttribute('dir', dir);
      if (role === 'adult') {
        node.appendChild(el('p', { class: 'lotsen-adult-label' }, Lotsen.i18n.t('page.chat.adult')));
      }
      String(text || '')
        .split(/\n\s*\n|\n/)
        .map(function (line) {
          return line.trim();
        })
        .filter(Boolean)
        .forEach(function (line) {
          var p = el('p', { dir: dir });
          // The bot's numbers (helplines, the municipality's) keep their groups in order in Arabic; a user's words stay as typed.
          if (own) p.textContent = line;
          else Lotsen.i18n.setText(p, line, { tel: true });
          node.appendChild(p);
        });
      if (listen) {
        node.appendChild(
          Lotsen.listen.button(languageOf(activity), function () {
            return Array.prototype.map
              .call(node.querySelectorAll('p'), function (p) {
                return p.textContent || '';
              })
              .join('\n');
          }),
        );
      }
    });
  }

  function minutes(seconds) {
    return Math.max(1, Math.round(Number(seconds || 0) / 60));
  }

  function trackLabel(lang) {
    return Lotsen.i18n.t('page.languages.' + lang);
  }

  /** A film: title and length, the player when there is a file, and the text version one click away (open when there is no file). */
  function renderVideo(activity, content) {
    var dir = directionOf(activity);
    return island('lotsen-video', function (node) {
      var locale = Lotsen.i18n.locale();
      var figure = el('figure', { class: 'lotsen-figure', dir: dir });
      var caption = el('figcaption');
      caption.appendChild(el('span', { class: 'lotsen-video-title' }, content.title || ''));
      caption.appendChild(el('span', { class: 'lotsen-video-duration' }, Lotsen.i18n.t('video.minutes', { minutes: minutes(content.duration) })));
      figure.appendChild(caption);
      var src = typeof content.src === 'string' ? content.src : '';
      if (src) {
        var video = el('video', { controls: true, preload: 'metadata', src: src, playsinline: true });
        var captions = content.captions && typeof content.captions === 'object' ? content.captions : {};
        Object.keys(captions).forEach(function (lang) {
          if (!Lotsen.i18n.isLocale(lang) || typeof captions[lang] !== 'string') return;
          video.appendChild(el('track', { kind: 'captions', src: captions[lang], srclang: lang, label: trackLabel(lang), default: lang === locale }));
        });
        figure.appendChild(video);
      }
      var details = el('details', { class: 'lotsen-video-text', open: !src });
      details.appendChild(el('summary', null, Lotsen.i18n.t('page.video.textVersion')));
      (Array.isArray(content.text) ? content.text : []).forEach(function (paragraph) {
        var p = el('p');
        Lotsen.i18n.setText(p, paragraph);
        details.appendChild(p);
      });
      figure.appendChild(details);
      node.appendChild(figure);
    });
  }

  /** A picture: large for the youngest; its alt text comes with it. */
  function renderImage(content) {
    return island('lotsen-image', function (node) {
      var src = typeof content.src === 'string' && /^\/img\/[A-Za-z0-9_-]+\.(svg|png|jpe?g|webp)$/.test(content.src) ? content.src : '';
      if (!src) return;
      node.appendChild(el('img', { src: src, alt: typeof content.alt === 'string' ? content.alt : '', loading: 'lazy', decoding: 'async' }));
    });
  }

  /** Web Chat attachment middleware: `() => next => ({ activity, attachment }) => element`. */
  function attachmentMiddleware() {
    return function (next) {
      return function (args) {
        var activity = args && args.activity;
        var attachment = args && args.attachment;
        if (attachment && TEXT.test(String(attachment.contentType || '')) && typeof attachment.content === 'string') {
          return renderText(activity, attachment.content);
        }
        if (attachment && attachment.contentType === VIDEO && attachment.content && typeof attachment.content === 'object') {
          return renderVideo(activity, attachment.content);
        }
        if (attachment && attachment.contentType === IMAGE && attachment.content && typeof attachment.content === 'object') {
          return renderImage(attachment.content);
        }
        return next.apply(null, arguments);
      };
    };
  }

  /** Web Chat typing indicator middleware: its own dots, in an element of ours that pages and tests can find. */
  function typingIndicatorMiddleware() {
    return function (next) {
      return function () {
        var inner = next.apply(null, arguments);
        if (!inner) return inner;
        return { $$typeof: REACT_ELEMENT, type: 'div', key: null, ref: null, props: { className: 'lotsen-typing', children: inner }, _owner: null };
      };
    };
  }

  Lotsen.attachments = { attachmentMiddleware: attachmentMiddleware, typingIndicatorMiddleware: typingIndicatorMiddleware, VIDEO: VIDEO, IMAGE: IMAGE };
})();
