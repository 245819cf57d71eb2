/*
 * Lotsen page: the bot's answer to something this page sent arrives as three or four messages at once; the page
 * shows them one after another, with a short typing indicator in between, so that each can be read as it comes.
 * It costs the server nothing (the turn is stored and sent whole); a tap or a key shows the rest at once, and with
 * prefers-reduced-motion there is no pacing at all. Only answers are paced: a transcript replayed on a reload, or
 * messages that arrive from the same code on another device, show as they come.
 *
 * `window.lotsenPacing` (set before the page's scripts run): false turns pacing off, a number fixes the time per
 * message in ms; otherwise each message waits 400–700 ms, depending on its length.
 */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var MIN_MS = 400;
  var MAX_MS = 700;
  var MS_PER_CHAR = 2;

  var INCOMING = 'DIRECT_LINE/INCOMING_ACTIVITY';
  var counter = 0;

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }

  /** How long `activity` waits behind the one before it; null when there is no pacing. */
  function delayOf(activity) {
    var flag = window.lotsenPacing;
    if (flag === false || reducedMotion()) return null;
    if (typeof flag === 'number' && flag >= 0) return flag;
    var length = typeof activity.text === 'string' ? activity.text.length : 0;
    return Math.min(MAX_MS, MIN_MS + length * MS_PER_CHAR);
  }

  /**
   * A pacer between Web Chat's store middleware and the rest of the store. `isAnswer(activity)` tells the messages
   * to pace (the bot's replies to this page); `deliver(action, held)` passes an incoming-activity action on, `held`
   * when it waited. `typing(from, timestamp)` shows the indicator.
   */
  function create(options) {
    var queue = [];
    var timer = 0;
    /** Replies whose first message has been shown, by the id they reply to. */
    var begun = {};

    function paced(activity) {
      return !!(activity && activity.type === 'message' && activity.from && activity.from.role === 'bot' && activity.replyToId && options.isAnswer(activity));
    }

    function release(action, held) {
      var activity = action.payload.activity;
      if (paced(activity)) begun[activity.replyToId] = true;
      options.deliver(action, held);
    }

    function pump() {
      while (!timer && queue.length) {
        var action = queue[0];
        var activity = action.payload.activity;
        var delay = paced(activity) && begun[activity.replyToId] ? delayOf(activity) : null;
        if (delay === null) {
          queue.shift();
          release(action, true);
          continue;
        }
        options.typing(activity);
        timer = window.setTimeout(function () {
          timer = 0;
          release(queue.shift(), true);
          pump();
        }, delay);
      }
      if (!queue.length && options.idle) options.idle();
    }

    return {
      /** Takes an incoming-activity action: passed on now, or after the ones before it. */
      incoming: function (action) {
        var activity = action.payload && action.payload.activity;
        if (!queue.length && !(paced(activity) && begun[activity.replyToId] && delayOf(activity) !== null)) {
          release(action, false);
          return;
        }
        queue.push(action);
        pump();
      },
      /** Shows everything that waits, at once. */
      flush: function () {
        window.clearTimeout(timer);
        timer = 0;
        while (queue.length) release(queue.shift(), true);
        if (options.idle) options.idle();
      },
      busy: function () {
        return queue.length > 0;
      },
      stop: function () {
        window.clearTimeout(timer);
        timer = 0;
        queue = [];
      },
    };
  }

  /** A typing activity from `from`, as Web Chat shows it (until that sender's next message). */
  function typingAction(from, timestamp) {
    counter += 1;
    return { type: INCOMING, payload: { activity: { type: 'typing', id: 'lotsen-typing-' + counter, from: from, timestamp: timestamp, channelData: {} } } };
  }

  Lotsen.pacing = { create: create, typingAction: typingAction, INCOMING: INCOMING };
})();
