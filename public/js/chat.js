/* Lotsen page: the official Web Chat on our own Direct Line endpoint, its look per persona, and the bar's live facts. */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var BUNDLE = '/vendor/webchat.js';
  var bundlePromise = null;

  /** Loads the Web Chat bundle once (started early, while the code is being typed). */
  function loadBundle() {
    if (window.WebChat) return Promise.resolve(window.WebChat);
    if (bundlePromise) return bundlePromise;
    bundlePromise = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = BUNDLE;
      script.async = true;
      script.onload = function () {
        if (window.WebChat) resolve(window.WebChat);
        else reject(new Error('Web Chat did not load'));
      };
      script.onerror = function () {
        bundlePromise = null;
        reject(new Error('Web Chat did not load'));
      };
      document.head.appendChild(script);
    });
    return bundlePromise;
  }

  // Colours chosen for at least 4.5:1 contrast on their backgrounds.
  var BASE_STYLE = {
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Arial, sans-serif',
    fontSizeSmall: '80%',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f1f4f7',
    bubbleBorderColor: '#d5dde5',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#1d4f73',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#1d4f73',
    bubbleFromUserBorderRadius: 12,
    bubbleMinHeight: 0,
    bubbleTextColor: '#1b1f23',
    bubbleMaxWidth: 640,
    bubbleImageHeight: 240,
    accent: '#1d4f73',
    subtle: '#545d66',
    timestampColor: '#545d66',
    paddingRegular: 10,
    groupTimestamp: 300000,
    sendBoxHeight: 48,
    sendBoxTextWrap: true,
    sendBoxButtonColor: '#1d4f73',
    sendBoxPlaceholderColor: '#545d66',
    sendBoxBorderTop: 'solid 1px #c5ced6',
    suggestedActionLayout: 'stacked',
    suggestedActionsStackedHeight: 'auto',
    suggestedActionsStackedOverflow: 'visible',
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionHeight: 48,
    suggestedActionBorderRadius: 10,
    suggestedActionBorderWidth: 2,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d4f73',
    suggestedActionTextColor: '#1d4f73',
    suggestedActionBackgroundColorOnHover: '#e6eef5',
    suggestedActionBackgroundColorOnActive: '#d3e1ec',
    suggestedActionBackgroundColorOnFocus: '#e6eef5',
    suggestedActionKeyboardFocusIndicatorBorderColor: '#1b1f23',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    transcriptVisualKeyboardIndicatorColor: '#1b1f23',
    transcriptActivityVisualKeyboardIndicatorColor: '#1b1f23',
    scrollToEndButtonBehavior: 'unread',
  };

  var PERSONA_STYLE = {
    parent: {},
    'child-next': {
      accent: '#6a2c91',
      bubbleBackground: '#fdf3e1',
      bubbleBorderColor: '#f0d9ad',
      bubbleBorderRadius: 18,
      bubbleFromUserBackground: '#6a2c91',
      bubbleFromUserBorderColor: '#6a2c91',
      bubbleFromUserBorderRadius: 18,
      sendBoxButtonColor: '#6a2c91',
      sendBoxHeight: 56,
      suggestedActionHeight: 56,
      suggestedActionBorderRadius: 18,
      suggestedActionBorderColor: '#6a2c91',
      suggestedActionTextColor: '#6a2c91',
      suggestedActionBackgroundColorOnHover: '#f3e8fa',
      suggestedActionBackgroundColorOnFocus: '#f3e8fa',
      suggestedActionBackgroundColorOnActive: '#e8d5f3',
    },
    'child-mini': {
      accent: '#0f5a4a',
      bubbleBackground: '#eef8f4',
      bubbleBorderColor: '#b9e0d2',
      bubbleBorderRadius: 20,
      bubbleFromUserBackground: '#0f5a4a',
      bubbleFromUserBorderColor: '#0f5a4a',
      bubbleFromUserBorderRadius: 20,
      bubbleImageHeight: 320,
      bubbleMaxWidth: 720,
      sendBoxButtonColor: '#0f5a4a',
      sendBoxHeight: 60,
      suggestedActionHeight: 64,
      suggestedActionBorderRadius: 22,
      suggestedActionBorderColor: '#0f5a4a',
      suggestedActionTextColor: '#0f5a4a',
      suggestedActionBackgroundColorOnHover: '#e2f3ec',
      suggestedActionBackgroundColorOnFocus: '#e2f3ec',
      suggestedActionBackgroundColorOnActive: '#cdeadf',
    },
  };

  function styleOptionsFor(persona) {
    var out = {};
    Object.keys(BASE_STYLE).forEach(function (k) {
      out[k] = BASE_STYLE[k];
    });
    var extra = PERSONA_STYLE[persona] || {};
    Object.keys(extra).forEach(function (k) {
      out[k] = extra[k];
    });
    return out;
  }

  /** DirectLineJS ConnectionStatus: 0 uninitialized, 1 connecting, 2 online, 3 expired token, 4 failed to connect, 5 ended. */
  function connectionState(status) {
    if (status === 2) return 'online';
    if (status === 0 || status === 1) return 'connecting';
    if (status === 4) return 'offline';
    return 'ended';
  }

  /** Emoji (with their variation selectors and joiners), which screen readers read out by name. */
  var PICTOGRAPHS = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D/gu;

  var current = null;

  /** Web Chat's strings that are ours: what a screen reader hears, and what a message that waits to be sent says. */
  function localizedStrings() {
    var t = Lotsen.i18n.t;
    // Said to nobody: the typing dots between paced messages are for the eyes (a screen reader hears each message as
    // it comes), and a Listen button is no reason to read a hint on reaching a message's buttons after each one.
    // Web Chat falls back to its own text for an empty string, so these are a no-break space.
    var SILENT = '\u00a0';
    return {
      ACTIVITY_BOT_SAID_ALT: t('page.chat.announce.botSaid'),
      ACTIVITY_YOU_SAID_ALT: t('page.chat.announce.youSaid'),
      ACTIVITY_BOT_ATTACHED_ALT: t('page.chat.announce.botShows'),
      TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_LABEL_ALT: t('page.chat.announce.answers'),
      TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_WITH_ACCESS_KEY_LABEL_ALT: t('page.chat.announce.answersKey'),
      TRANSCRIPT_LIVE_REGION_INTERACTIVE_LABEL_ALT: SILENT,
      TYPING_INDICATOR_SINGLE_TEXT: SILENT,
      TYPING_INDICATOR_MULTIPLE_TEXT: SILENT,
      // A message that could not go yet is sent again by itself when the stream is back (connection.js): no Retry link
      // (Web Chat's would post a second copy), and our words instead of Web Chat's Swedish ("Försök igen med").
      ACTIVITY_STATUS_SEND_FAILED_RETRY: t('page.chat.sendFailed'),
      ACTIVITY_INTERACTIVE_REASON_SEND_FAILED_ALT: t('page.chat.sendFailed'),
      TRANSCRIPT_LIVE_REGION_SEND_FAILED_ALT: t('page.chat.sendFailed'),
    };
  }

  var WELCOME_BACK = 'ui:menu.welcomeBack';

  /**
   * Coming back (a new login with the same code) the bot says "welcome back" and shows the step you were on, which
   * the transcript already ends with. Of the two copies the earlier one goes, so the step shows once, under "welcome
   * back". Given the activities in order, `see` returns the ids of earlier messages to drop: those of the bot's last
   * messages before a "welcome back" that the messages after it repeat (same key, same text), and an earlier
   * "welcome back" among them.
   */
  function repeatsOnReturn() {
    var block = []; // the bot's messages since the user's last one: { id, key, text }
    var against = null; // after a "welcome back": the block before it, and how far it has been matched
    return {
      see: function (a) {
        if (!a || a.type !== 'message' || !a.from) return [];
        if (a.from.role === 'user') {
          block = [];
          against = null;
          return [];
        }
        var entry = { id: a.id, key: a.channelData && a.channelData.key, text: a.text || '' };
        if (entry.key === WELCOME_BACK) against = { list: block.slice(), at: 0 };
        var stale = [];
        if (against && entry.id) {
          for (var i = against.at; i < against.list.length; i += 1) {
            var e = against.list[i];
            if (e.id && e.key === entry.key && e.text === entry.text) {
              stale.push(e.id);
              against.at = i + 1;
              block.splice(block.indexOf(e), 1);
              break;
            }
          }
        }
        block.push(entry);
        return stale;
      },
    };
  }

  /**
   * Starts Web Chat for a session. `session` = { token, conversationId, persona, locale }.
   * Returns a handle with send(action, label), token(), relocalize(), end().
   */
  function start(session, hooks) {
    hooks = hooks || {};
    return loadBundle().then(function (WebChat) {
      var host = document.getElementById('webchat-host');
      // A fresh element per session: nothing of an earlier session's React tree can come back.
      var mount = document.createElement('div');
      mount.className = 'webchat-mount';
      host.replaceChildren(mount);

      // The bar's state: DirectLineJS's status, and while that says "online", whether the stream is really there.
      var status = 0;
      var reported = null;
      function report() {
        var state = connectionState(status);
        if (status === 2) state = watch.state() === 'up' ? 'online' : watch.state() === 'down' ? 'offline' : 'connecting';
        if (state === reported) return;
        reported = state;
        if (hooks.onConnection) hooks.onConnection(state);
      }
      var watch = Lotsen.connection.monitor(report);
      var domain = window.location.origin + '/v3/directline';
      var directLine = Lotsen.connection.withSocketClass(watch.WebSocket, function () {
        return WebChat.createDirectLine({ domain: domain, token: session.token, conversationId: session.conversationId, webSocket: true });
      });
      Lotsen.connection.resending(directLine, watch, domain);

      var focus = focusAfterAnswers(mount, function () {
        return pacer.busy();
      });
      var sent = {}; // client activity ids of what this page posted
      var answers = {}; // server ids of those: the bot's replies to them are paced
      var repeats = repeatsOnReturn();
      var api = null;
      var pass = null;

      /** Hands an incoming activity on to Web Chat (now, or after pacing held it). */
      function deliver(action, held) {
        var a = action.payload && action.payload.activity;
        if (a && a.from && a.from.role === 'bot' && a.channelData && 'progress' in a.channelData && hooks.onProgress) hooks.onProgress(a.channelData.progress);
        if (a && hooks.onActivity) hooks.onActivity(a);
        var stale = repeats.see(a);
        pass(action);
        stale.forEach(function (id) {
          api.dispatch({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: id } });
        });
        // Web Chat sets the answer buttons right after it has taken a message in; for one that waited, that moment
        // has passed, so the buttons are set here.
        if (held && a && a.type === 'message' && a.suggestedActions && Array.isArray(a.suggestedActions.actions)) {
          api.dispatch({ type: 'WEB_CHAT/SET_SUGGESTED_ACTIONS', payload: { suggestedActions: a.suggestedActions.actions } });
        }
        if (a && a.from && a.from.role === 'bot' && a.replyToId && answers[a.replyToId]) focus.replied();
      }

      var pacer = Lotsen.pacing.create({
        isAnswer: function (a) {
          return !!answers[a.replyToId];
        },
        typing: function (a) {
          pass(Lotsen.pacing.typingAction(a.from, a.timestamp));
        },
        deliver: deliver,
      });

      var store = WebChat.createStore({}, function (storeApi) {
        api = storeApi;
        return function (next) {
          pass = next;
          return function (action) {
            if (action && action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' && action.meta && action.meta.clientActivityID) {
              sent[action.meta.clientActivityID] = true;
              focus.answered();
            }
            if (action && action.type === Lotsen.pacing.INCOMING) {
              var a = action.payload && action.payload.activity;
              if (a && a.id && a.from && a.from.role === 'user' && a.channelData && sent[a.channelData.clientActivityID]) answers[a.id] = true;
              pacer.incoming(action);
              return action;
            }
            return next(action);
          };
        };
      });

      // A tap or a key (of the person's, not one this page sends itself) shows at once whatever pacing still holds back.
      function skip(event) {
        if (event.isTrusted && pacer.busy()) pacer.flush();
      }
      document.addEventListener('pointerdown', skip, true);
      document.addEventListener('keydown', skip, true);

      // Web Chat makes the suggested actions one toolbar with a roving tabindex (arrow keys between buttons). Many people,
      // children most of all, only know Tab: every answer button stays in the Tab order too (the arrow keys still work).
      // Web Chat also names message and attachment rows in English whatever the locale ("message", "attachment").
      var ROLES = ['message', 'attachment'];
      var tabbable = new window.MutationObserver(function () {
        Array.prototype.forEach.call(mount.querySelectorAll('.webchat__suggested-action[tabindex="-1"]'), function (b) {
          b.setAttribute('tabindex', '0');
        });
        // With every button in the Tab order the row is no toolbar (one Tab stop, arrow keys) but a group of buttons.
        Array.prototype.forEach.call(mount.querySelectorAll('.webchat__suggested-actions[role="toolbar"]'), function (row) {
          row.setAttribute('role', 'group');
          row.removeAttribute('aria-orientation'); // a toolbar's attribute, not a group's
        });
        // A screen reader would read an emoji's name first ("crying face, Really bad"): the button is named by its words.
        // Web Chat keys its buttons by position, so React may reuse one for other answers: a name that no longer fits
        // its button goes.
        Array.prototype.forEach.call(mount.querySelectorAll('.webchat__suggested-action'), function (b) {
          var text = (b.textContent || '').trim();
          var words = text.replace(PICTOGRAPHS, '').replace(/\s+/g, ' ').trim();
          if (words && words !== text) {
            if (b.getAttribute('aria-label') !== words) b.setAttribute('aria-label', words);
          } else if (b.hasAttribute('aria-label')) b.removeAttribute('aria-label');
        });
        // The English role is kept in data-lotsen-role, so that a switch of language can name the row again.
        Array.prototype.forEach.call(mount.querySelectorAll('[aria-roledescription="message"],[aria-roledescription="attachment"],[data-lotsen-role]'), function (n) {
          var role = n.getAttribute('data-lotsen-role') || n.getAttribute('aria-roledescription');
          if (ROLES.indexOf(role) === -1) return;
          if (n.getAttribute('data-lotsen-role') !== role) n.setAttribute('data-lotsen-role', role);
          var localized = Lotsen.i18n.t('page.chat.' + role);
          // Only a real change: writing the same value would wake this observer again, for ever.
          if (localized && localized !== n.getAttribute('aria-roledescription')) n.setAttribute('aria-roledescription', localized);
        });
      });
      var guard = guardAnswers(mount, focus.newSet);
      tabbable.observe(mount, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['tabindex', 'aria-roledescription', 'role'] });

      var subscription = directLine.connectionStatus$.subscribe({
        next: function (s) {
          status = s;
          report();
        },
        error: function () {},
      });

      function render() {
        WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            locale: Lotsen.i18n.webChatLocale(),
            overrideLocalizedStrings: localizedStrings(),
            dir: Lotsen.i18n.isRtl() ? 'rtl' : 'ltr',
            styleOptions: styleOptionsFor(session.persona),
            attachmentMiddleware: Lotsen.attachments.attachmentMiddleware,
            typingIndicatorMiddleware: Lotsen.attachments.typingIndicatorMiddleware,
            userID: 'user',
          },
          mount,
        );
      }
      render();

      current = {
        directLine: directLine,
        store: store,
        mount: mount,
        subscription: subscription,
        observers: [tabbable, guard],
        cleanup: function () {
          watch.stop();
          pacer.stop();
          focus.stop();
          document.removeEventListener('pointerdown', skip, true);
          document.removeEventListener('keydown', skip, true);
        },
        send: function (action, label) {
          store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: label, value: { action: action }, displayText: label } });
        },
        /** After a switch of the page's language: Web Chat's own strings, direction and the language it sends. */
        relocalize: function () {
          store.dispatch({ type: 'WEB_CHAT/SET_LANGUAGE', payload: { language: Lotsen.i18n.webChatLocale() } });
          render();
          tabbable.takeRecords();
          // The rows' names, in the new language (the observer does it on the next change anyway).
          Array.prototype.forEach.call(mount.querySelectorAll('[data-lotsen-role]'), function (n) {
            var localized = Lotsen.i18n.t('page.chat.' + n.getAttribute('data-lotsen-role'));
            if (localized) n.setAttribute('aria-roledescription', localized);
          });
        },
        /** DirectLineJS refreshes its token on its own; the page always uses the newest one. */
        token: function () {
          return directLine.token || session.token;
        },
      };
      return current;
    });
  }

  /**
   * Where focus goes after an answer sent from this page: to the first button of the next answers as soon as they are
   * there, or, when the bot's reply has no buttons, to its newest message. Never away from someone who is writing,
   * from an open dialog, or from outside the chat.
   */
  function focusAfterAnswers(mount, pacing) {
    var wanted = false;
    var timer = 0;
    /** How long after the reply's last message it counts as one without buttons. */
    var NO_BUTTONS_MS = 600;

    function allowed() {
      if (mount.offsetParent === null || document.querySelector('dialog[open]')) return false;
      var el = document.activeElement;
      if (!el || el === document.body) return true;
      if (!mount.contains(el) && !el.closest('.bar') && el.id !== 'chat-main') return false;
      return !(el.matches('textarea, input') && el.value);
    }

    function newestMessage() {
      var transcript = mount.querySelector('.webchat__basic-transcript');
      if (!transcript) return;
      transcript.focus();
      // Web Chat's own key for "the newest message": it makes that message the transcript's active one.
      transcript.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    }

    return {
      /** Something was sent from this page: what comes back takes focus. */
      answered: function () {
        wanted = true;
        window.clearTimeout(timer);
      },
      /** A message of the bot's reply to this page has been shown. */
      replied: function replied() {
        if (!wanted) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          // Messages still held back by pacing: the last of them may bring the buttons.
          if (pacing()) return replied();
          if (!wanted || mount.querySelector('.webchat__suggested-action')) return;
          wanted = false;
          if (allowed()) newestMessage();
        }, NO_BUTTONS_MS);
      },
      /** A new set of answer buttons is showing. */
      newSet: function (buttons) {
        if (!wanted || !buttons.length) return;
        wanted = false;
        window.clearTimeout(timer);
        if (allowed()) buttons[0].focus();
      },
      stop: function () {
        wanted = false;
        window.clearTimeout(timer);
      },
    };
  }

  /** How long a new set of answer buttons takes no input after it appears, and after the previous press. */
  var SETTLE_AFTER_SHOWN_MS = 450;
  var SETTLE_AFTER_PRESS_MS = 1000;

  /**
   * Answers that cannot misfire: a press disables its whole set at once (a second tap on it does nothing), and the
   * next set takes no input for a short moment after it has appeared, so a double tap never answers the next
   * question with whatever button came up under the finger. Web Chat reuses its button elements by position, so a
   * set is told from the one before by its labels.
   */
  function guardAnswers(mount, onNewSet) {
    var lastPress = 0;
    var shownAt = 0;
    var signature = '';
    var spent = false;

    function buttons() {
      return mount.querySelectorAll('.webchat__suggested-action');
    }
    function currentSignature() {
      return Array.prototype.map
        .call(buttons(), function (b) {
          return (b.textContent || '').trim();
        })
        .join('\u0000');
    }
    function mark(disabled) {
      Array.prototype.forEach.call(buttons(), function (b) {
        if (disabled) b.setAttribute('aria-disabled', 'true');
        else if (b.hasAttribute('aria-disabled')) b.removeAttribute('aria-disabled');
        b.classList.toggle('is-spent', disabled);
      });
    }
    var readyTimer = 0;
    /** Buttons that take input carry data-ready (tests and styles wait for it). */
    function setReady(ready) {
      Array.prototype.forEach.call(buttons(), function (b) {
        if (ready) b.setAttribute('data-ready', 'true');
        else if (b.hasAttribute('data-ready')) b.removeAttribute('data-ready');
      });
    }
    var watcher = new window.MutationObserver(function () {
      var now = currentSignature();
      if (now === signature) {
        if (!spent && !readyTimer && now) setReady(true); // Web Chat re-rendered a button of the same set
        return;
      }
      signature = now;
      shownAt = Date.now();
      spent = false;
      mark(false);
      setReady(false);
      window.clearTimeout(readyTimer);
      var wait = Math.max(shownAt + SETTLE_AFTER_SHOWN_MS, lastPress + SETTLE_AFTER_PRESS_MS) - Date.now();
      readyTimer = window.setTimeout(function () {
        readyTimer = 0;
        if (!spent) setReady(true);
      }, Math.max(0, wait));
      if (now && onNewSet) onNewSet(buttons());
    });
    watcher.observe(mount, { subtree: true, childList: true, characterData: true });

    function guard(event) {
      var target = event.target && event.target.closest ? event.target.closest('.webchat__suggested-action') : null;
      if (!target) return;
      if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
      var now = Date.now();
      if (spent || !target.hasAttribute('data-ready') || now - shownAt < SETTLE_AFTER_SHOWN_MS || now - lastPress < SETTLE_AFTER_PRESS_MS) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      if (event.type === 'click') {
        lastPress = now;
        spent = true;
        // After Web Chat has taken this press: the set is marked as answered, and the finger's spot carries no highlight.
        window.setTimeout(function () {
          mark(true);
          setReady(false);
        }, 0);
      }
    }
    mount.addEventListener('click', guard, true);
    mount.addEventListener('keydown', guard, true);
    return watcher;
  }

  /** Ends the connection and removes every trace of the chat from the page. */
  function end() {
    var c = current;
    current = null;
    if (!c) return;
    Lotsen.listen.stop();
    c.observers.forEach(function (o) {
      o.disconnect();
    });
    c.cleanup();
    try {
      c.subscription.unsubscribe();
    } catch {
      /* already closed */
    }
    try {
      c.directLine.end();
    } catch {
      /* already ended */
    }
    // Detached rather than emptied: React may still update its (now invisible) tree while the store winds down.
    c.mount.remove();
  }

  Lotsen.chat = {
    loadBundle: loadBundle,
    start: start,
    end: end,
    current: function () {
      return current;
    },
    styleOptionsFor: styleOptionsFor,
  };
})();
