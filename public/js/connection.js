/*
 * Lotsen page: whether the chat's stream is really there, and sending that survives an outage.
 *
 * DirectLineJS keeps saying "online" while it retries a stream that has gone (a server that is down, a mobile link
 * that has died): its status changes only when the token or the conversation is refused. The bar therefore also
 * follows the WebSocket itself: up from its open until it closes, or until the server's keep-alives (an empty frame
 * every 15 s) have stopped coming for long enough. And a message that could not be posted is posted again once the
 * stream is back, with the same client activity id, unless the server turns out to have stored it after all.
 */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  /** Two keep-alives missed, and some slack: after this long without a frame the stream counts as gone. */
  var STALL_MS = 40000;
  var CHECK_MS = 5000;
  /** After a post that failed, at least this long before the next try (the server answers 503 with Retry-After: 2). */
  var RESEND_PAUSE_MS = 2000;

  /**
   * Watches the WebSockets made through `monitor.WebSocket` (hand that class to DirectLineJS). `onChange` is called
   * whenever `monitor.state()` ('starting' before the first open, 'up', 'down') may have changed.
   */
  function monitor(onChange) {
    var Native = window.WebSocket;
    var socket = null;
    var up = false;
    var everUp = false;
    var lastFrame = 0;
    var stopped = false;
    var waiters = [];

    function changed() {
      if (up) {
        var ready = waiters;
        waiters = [];
        ready.forEach(function (resolve) {
          resolve();
        });
      }
      if (!stopped) onChange();
    }

    function TrackedWebSocket(url, protocols) {
      var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
      socket = ws;
      if (up) {
        up = false;
        changed();
      }
      ws.addEventListener('open', function () {
        if (socket !== ws) return;
        up = true;
        everUp = true;
        lastFrame = Date.now();
        changed();
      });
      ws.addEventListener('message', function () {
        if (socket === ws) lastFrame = Date.now();
      });
      function gone() {
        if (socket !== ws || !up) return;
        up = false;
        changed();
      }
      ws.addEventListener('close', gone);
      ws.addEventListener('error', gone);
      return ws;
    }
    TrackedWebSocket.CONNECTING = 0;
    TrackedWebSocket.OPEN = 1;
    TrackedWebSocket.CLOSING = 2;
    TrackedWebSocket.CLOSED = 3;

    // A stream whose keep-alives have stopped is as good as closed: say so, and close it, so that DirectLineJS (which
    // reconnects only after a close) fetches a fresh one instead of waiting for the browser to notice.
    var timer = window.setInterval(function () {
      if (!up || Date.now() - lastFrame <= STALL_MS) return;
      var stale = socket;
      up = false;
      changed();
      try {
        stale.close();
      } catch {
        /* already closing */
      }
    }, CHECK_MS);

    return {
      WebSocket: TrackedWebSocket,
      state: function () {
        return up ? 'up' : everUp ? 'down' : 'starting';
      },
      /** Resolves once the stream is up (at once when it is). */
      whenUp: function () {
        if (up) return Promise.resolve();
        return new Promise(function (resolve) {
          waiters.push(resolve);
        });
      },
      stop: function () {
        stopped = true;
        waiters = [];
        window.clearInterval(timer);
      },
    };
  }

  /** Builds a DirectLine through `create` with `WebSocket` as the socket class it keeps for its streams. */
  function withSocketClass(WebSocket, create) {
    // DirectLineJS takes the global WebSocket class when it is constructed and keeps it (its `services`); Web Chat's
    // createDirectLine passes no class through, so the global is ours for just that moment.
    var Native = window.WebSocket;
    window.WebSocket = WebSocket;
    try {
      return create();
    } finally {
      window.WebSocket = Native;
    }
  }

  function pause(ms) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, ms);
    });
  }

  /**
   * Makes `directLine.postActivity` keep a message until it is on the server. DirectLineJS answers a post that did not
   * get through (no network, a 5xx) with the value "retry" and leaves the rest to the caller; Web Chat then waits for
   * an echo that never comes and offers a Retry that posts a second copy. Here the same activity (same client
   * activity id, so Web Chat matches the echo to the message it shows) is posted again once the stream is back, after
   * asking the server whether it stored it after all: a post can fail after it arrived. Posts go one after another,
   * so that messages written during an outage arrive in the order they were written.
   */
  function resending(directLine, watch, origin) {
    var original = directLine.postActivity.bind(directLine);
    var chain = Promise.resolve();

    function postOnce(activity) {
      return new Promise(function (resolve, reject) {
        original(activity).subscribe({ next: resolve, error: reject, complete: function () { resolve('retry'); } });
      });
    }

    /** The id under which the server stored this activity after `watermark`, or null; rejects when it cannot be asked. */
    function storedId(activity, watermark) {
      var clientId = activity.channelData && activity.channelData.clientActivityID;
      var url = origin + '/conversations/' + encodeURIComponent(directLine.conversationId) + '/activities' + (watermark ? '?watermark=' + encodeURIComponent(watermark) : '');
      return fetch(url, { headers: { Authorization: 'Bearer ' + directLine.token }, credentials: 'same-origin', cache: 'no-store' }).then(function (res) {
        if (!res.ok) throw new Error('activities ' + res.status);
        return res.json().then(function (body) {
          var found = (body.activities || []).filter(function (a) {
            return a && a.from && a.from.role === 'user' && a.channelData && a.channelData.clientActivityID === clientId;
          })[0];
          return found ? found.id : null;
        });
      });
    }

    directLine.postActivity = function (activity) {
      var since = directLine.watermark;
      var cancelled = false;
      function attempt() {
        if (cancelled) return Promise.resolve(null);
        return postOnce(activity).then(function (id) {
          return id === 'retry' ? whenBack() : id;
        });
      }
      function whenBack() {
        return watch
          .whenUp()
          .then(function () {
            return pause(RESEND_PAUSE_MS);
          })
          .then(function () {
            return cancelled ? null : storedId(activity, since);
          })
          .then(
            function (id) {
              return id || attempt();
            },
            function () {
              return whenBack();
            },
          );
      }
      var result = chain.then(attempt);
      chain = result.catch(function () {});
      return {
        subscribe: function (observer) {
          result.then(
            function (id) {
              if (cancelled || !id) return;
              observer.next(id);
              if (observer.complete) observer.complete();
            },
            function (err) {
              if (!cancelled) observer.error(err);
            },
          );
          return {
            unsubscribe: function () {
              cancelled = true;
            },
          };
        },
      };
    };
  }

  Lotsen.connection = { monitor: monitor, withSocketClass: withSocketClass, resending: resending, STALL_MS: STALL_MS };
})();
