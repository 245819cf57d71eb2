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

  /**
   * Starts Web Chat for a session. `session` = { token, conversationId, persona, locale }.
   * Returns a handle with send(action, label), token(), end().
   */
  function start(session, hooks) {
    return loadBundle().then(function (WebChat) {
      var host = document.getElementById('webchat-host');
      // A fresh element per session: nothing of an earlier session's React tree can come back.
      var mount = document.createElement('div');
      mount.className = 'webchat-mount';
      host.replaceChildren(mount);

      var directLine = WebChat.createDirectLine({
        domain: window.location.origin + '/v3/directline',
        token: session.token,
        conversationId: session.conversationId,
        webSocket: true,
      });

      var store = WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              var activity = action.payload && action.payload.activity;
              if (activity && activity.from && activity.from.role === 'bot' && activity.channelData && 'progress' in activity.channelData) {
                if (hooks && hooks.onProgress) hooks.onProgress(activity.channelData.progress);
              }
              if (activity && hooks && hooks.onActivity) hooks.onActivity(activity);
            }
            return next(action);
          };
        };
      });

      // Web Chat makes the suggested actions one toolbar with a roving tabindex (arrow keys between buttons). Many people,
      // children most of all, only know Tab: every answer button stays in the Tab order too (the arrow keys still work).
      // Web Chat also names message and attachment rows in English whatever the locale ("message", "attachment").
      var roles = { message: Lotsen.i18n.t('page.chat.message'), attachment: Lotsen.i18n.t('page.chat.attachment') };
      // What a screen reader hears before each message. Web Chat's bundled wording says "Bot" ("Roboten sade:", and in
      // its Arabic "the robot met:"), and its hint for the answer buttons is in its own words; these are ours.
      var announce = {
        ACTIVITY_BOT_SAID_ALT: Lotsen.i18n.t('page.chat.announce.botSaid'),
        ACTIVITY_YOU_SAID_ALT: Lotsen.i18n.t('page.chat.announce.youSaid'),
        ACTIVITY_BOT_ATTACHED_ALT: Lotsen.i18n.t('page.chat.announce.botShows'),
        TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_LABEL_ALT: Lotsen.i18n.t('page.chat.announce.answers'),
        TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_WITH_ACCESS_KEY_LABEL_ALT: Lotsen.i18n.t('page.chat.announce.answersKey'),
      };
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
        Array.prototype.forEach.call(mount.querySelectorAll('[aria-roledescription="message"],[aria-roledescription="attachment"]'), function (n) {
          var localized = roles[n.getAttribute('aria-roledescription')];
          // Only a real change: writing the same value would wake this observer again, for ever.
          if (localized && localized !== n.getAttribute('aria-roledescription')) n.setAttribute('aria-roledescription', localized);
        });
      });
      guardAnswers(mount);
      tabbable.observe(mount, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['tabindex', 'aria-roledescription', 'role'] });

      var subscription = directLine.connectionStatus$.subscribe({
        next: function (status) {
          if (hooks && hooks.onConnection) hooks.onConnection(connectionState(status));
        },
        error: function () {},
      });

      WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          locale: Lotsen.i18n.webChatLocale(),
          overrideLocalizedStrings: announce,
          dir: Lotsen.i18n.isRtl() ? 'rtl' : 'ltr',
          styleOptions: styleOptionsFor(session.persona),
          attachmentMiddleware: Lotsen.attachments.attachmentMiddleware,
          userID: 'user',
        },
        mount,
      );

      current = {
        directLine: directLine,
        store: store,
        mount: mount,
        subscription: subscription,
        observer: tabbable,
        send: function (action, label) {
          store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: label, value: { action: action }, displayText: label } });
        },
        /** DirectLineJS refreshes its token on its own; the page always uses the newest one. */
        token: function () {
          return directLine.token || session.token;
        },
      };
      return current;
    });
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
  function guardAnswers(mount) {
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
    c.observer.disconnect();
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
