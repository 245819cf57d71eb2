/*
 * Lotsen page: "Listen" on the bot's messages, for people who read with difficulty. The browser's own speech
 * synthesis reads the message in its language, on the device: nothing is sent anywhere. Where the device has no
 * voice for that language the button is not shown (and is disabled, so that Web Chat does not count the message as
 * interactive). One message is read at a time; quick exit and leaving the chat stop it.
 */
(function () {
  'use strict';
  var Lotsen = (window.Lotsen = window.Lotsen || {});

  var speaking = null; // { button, utterance }

  function synth() {
    return typeof window.speechSynthesis === 'object' && window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
  }

  /** The device's voice for a language ("sv", "ar"): the default one if it has one for it, otherwise the first. */
  function voiceFor(lang) {
    var s = synth();
    if (!s) return null;
    var voices;
    try {
      voices = s.getVoices() || [];
    } catch {
      voices = [];
    }
    var matching = Array.prototype.filter.call(voices, function (v) {
      return v && typeof v.lang === 'string' && v.lang.toLowerCase().replace('_', '-').split('-')[0] === lang;
    });
    return (
      matching.filter(function (v) {
        return v.default;
      })[0] ||
      matching[0] ||
      null
    );
  }

  function buttons() {
    return document.querySelectorAll('.lotsen-listen');
  }

  function setPressed(button, pressed) {
    if (button) button.setAttribute('aria-pressed', String(pressed));
  }

  /** Shows the buttons whose language has a voice, hides the others. */
  function refresh() {
    Array.prototype.forEach.call(buttons(), function (b) {
      var available = !!voiceFor(b.getAttribute('data-lang'));
      b.hidden = !available;
      b.disabled = !available;
    });
  }

  /** Stops whatever is being read. */
  function stop() {
    var was = speaking;
    speaking = null;
    if (was) setPressed(was.button, false);
    var s = synth();
    if (s && (was || s.speaking || s.pending)) s.cancel();
  }

  function speak(button, text, lang) {
    var s = synth();
    var voice = voiceFor(lang);
    if (!s || !voice) return;
    stop();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    var mine = { button: button, utterance: utterance };
    function done() {
      if (speaking !== mine) return;
      speaking = null;
      setPressed(button, false);
    }
    utterance.onend = done;
    utterance.onerror = done;
    speaking = mine;
    setPressed(button, true);
    s.speak(utterance);
  }

  /**
   * A Listen button for a message in `lang` whose words `textOf()` gives. It reads the message, or stops when that
   * message is the one being read.
   */
  function button(lang, textOf) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'lotsen-listen';
    b.setAttribute('data-lang', lang);
    b.setAttribute('aria-pressed', 'false');
    var icon = document.createElement('span');
    icon.className = 'lotsen-listen-icon';
    icon.setAttribute('aria-hidden', 'true');
    var label = document.createElement('span');
    // In the page's language (a switch of language relabels it), whatever the language of the message it reads.
    label.setAttribute('data-i18n', 'page.chat.listen');
    label.textContent = Lotsen.i18n.t('page.chat.listen');
    b.append(icon, label);
    var available = !!voiceFor(lang);
    b.hidden = !available;
    b.disabled = !available;
    b.addEventListener('click', function () {
      if (speaking && speaking.button === b) stop();
      else speak(b, textOf(), lang);
    });
    return b;
  }

  var s = synth();
  if (s) {
    // Voices usually arrive a moment after the page has loaded.
    if (typeof s.addEventListener === 'function') s.addEventListener('voiceschanged', refresh);
    else s.onvoiceschanged = refresh;
  }
  window.addEventListener('pagehide', stop);

  Lotsen.listen = { button: button, stop: stop, refresh: refresh };
})();
