/*
 * Mamori consent banner (/consent.js): no dependencies, served by Mamori with the policy's cookie categories.
 *
 *   <script src="https://mamori.example/consent.js" async data-lang="ja"></script>
 *
 * Tags wait as inert scripts and run once their category is allowed:
 *   <script type="text/plain" data-mamori-category="analytics" data-src="https://example.com/tag.js"></script>
 * Anything with data-mamori-settings opens the settings; without one, a small settings button is added.
 * window.mamori = { choices, decided, deviceId, version, on('change', fn), open() }, and every change is also
 * a 'mamori:consent' event on window (detail: { choices, decided, deviceId }).
 */
((config) => {
  'use strict';
  if (window.mamori) return; // loaded twice: the first copy is in charge
  const script = document.currentScript || document.querySelector('script[src*="/consent.js"]');
  const origin = new URL(script.src).origin;
  const lang = /^en/i.test(script.dataset.lang || document.documentElement.lang) ? 'en' : 'ja';
  const gpc = navigator.globalPrivacyControl === true;
  const thirteenMonths = 395 * 86400;
  const optional = config.categories.filter((c) => c.mode !== 'necessary');
  const listeners = [];

  const readCookie = (name) => {
    const found = document.cookie.match('(?:^|; )' + name + '=([^;]*)');
    return found ? decodeURIComponent(found[1]) : '';
  };
  const writeCookie = (name, value) => {
    document.cookie = `${name}=${encodeURIComponent(value)}; Max-Age=${thirteenMonths}; Path=/; SameSite=Lax` +
      (location.protocol === 'https:' ? '; Secure' : '');
  };

  // A first-party random device ID (necessary), kept for 13 months from the last visit.
  let deviceId = readCookie('mamori_device_id');
  if (!/^[\w-]{22,64}$/.test(deviceId)) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    deviceId = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  writeCookie('mamori_device_id', deviceId);

  // The choice and the policy version it was made under, e.g. "v=2024-07-01&analytics=1&targeting=0&gpc=1".
  // A version the server no longer lists as valid (the policy changed in a way that needs new consent) asks again.
  const saved = new URLSearchParams(readCookie('mamori_consent'));
  let version = config.valid.includes(saved.get('v')) ? saved.get('v') : '';
  let gpcRecorded = saved.get('gpc') === '1';
  const choices = {};
  // Until the visitor has seen the banner, only necessary cookies run: opt-out means "on until refused", and
  // refusing must be possible before anything is sent.
  for (const c of config.categories) choices[c.id] = c.mode === 'necessary' || (!!version && saved.get(c.id) === '1');
  const honourGpc = () => { if (gpc && 'targeting' in choices) choices.targeting = false; };
  honourGpc();

  const remember = () => {
    const values = new URLSearchParams();
    if (version) values.set('v', version);
    for (const c of optional) values.set(c.id, choices[c.id] ? '1' : '0');
    if (gpcRecorded) values.set('gpc', '1');
    writeCookie('mamori_consent', values);
  };

  const send = (values, method) => fetch(origin + config.endpoint, {
    method: 'POST',
    mode: 'cors',
    credentials: 'omit',
    keepalive: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ deviceId, choices: values, method, language: lang }),
  }).catch(() => {});

  // Held tags of allowed categories become real scripts; the rest keep waiting.
  const activate = () => {
    for (const held of document.querySelectorAll('script[type="text/plain"][data-mamori-category]')) {
      if (!choices[held.dataset.mamoriCategory]) continue;
      const tag = document.createElement('script');
      for (const a of held.attributes) {
        if (!['type', 'data-mamori-category', 'data-src'].includes(a.name)) tag.setAttribute(a.name, a.value);
      }
      if (held.nonce) tag.nonce = held.nonce;
      if (held.dataset.src) tag.src = held.dataset.src;
      else tag.text = held.text;
      held.replaceWith(tag);
    }
  };

  // Google Consent Mode v2, when the site uses gtag.
  const consentMode = (action) => {
    if (typeof window.gtag !== 'function') return;
    const state = (on) => (on ? 'granted' : 'denied');
    window.gtag('consent', action, {
      analytics_storage: state(choices.analytics),
      ad_storage: state(choices.targeting),
      ad_user_data: state(choices.targeting),
      ad_personalization: state(choices.targeting),
    });
  };

  const apply = () => {
    activate();
    consentMode('update');
    const detail = { choices: { ...choices }, decided: !!version, deviceId };
    for (const listener of listeners) listener(detail);
    window.dispatchEvent(new CustomEvent('mamori:consent', { detail }));
  };

  // Builds an element: functions become listeners, true a bare attribute, false and null nothing.
  const h = (name, attributes, ...children) => {
    const element = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (typeof value === 'function') element.addEventListener(key, value);
      else if (value === true) element.setAttribute(key, '');
      else if (value !== false && value != null) element.setAttribute(key, value);
    }
    element.append(...children.flat().filter((child) => child != null));
    return element;
  };
  const button = (label, onClick, className) => h('button', { type: 'button', class: className, click: onClick }, label);

  let stylesheet;
  const styles = () => stylesheet || (stylesheet = new Promise((done) => {
    document.head.append(h('link', { rel: 'stylesheet', href: origin + config.css, load: done, error: done }));
  }));
  let texts;
  const loadTexts = () => texts || (texts = Promise.all([
    fetch(`${origin}${config.texts}${lang}.json`, { credentials: 'omit' }).then((r) => r.json()),
    styles(),
  ]).then(([t]) => t));

  let banner;
  let dialog;
  let returnFocus;

  const settingsButton = () => {
    if (banner || document.querySelector('[data-mamori-settings], .mamori-settings')) return;
    styles().then(() => document.body.append(button(config.settingsLabel[lang], () => open(), 'mamori-settings')));
  };

  const choose = (values) => {
    Object.assign(choices, values);
    honourGpc();
    version = config.version;
    const sent = {};
    for (const c of optional) sent[c.id] = choices[c.id];
    send(sent, 'banner');
    remember();
    banner?.remove();
    banner = null;
    dialog?.close();
    settingsButton();
    apply();
  };
  const all = (on) => Object.fromEntries(optional.map((c) => [c.id, on]));

  // A non-modal banner fixed to the bottom (it covers, never pushes, the page), first in the tab order.
  const showBanner = (t) => {
    banner = h('div', {
      class: 'mamori-banner', role: 'dialog', 'aria-modal': 'false', lang,
      'aria-labelledby': 'mamori-banner-title', 'aria-describedby': 'mamori-banner-text',
    },
      h('h2', { id: 'mamori-banner-title' }, t.ui.banner_title),
      h('p', { id: 'mamori-banner-text' }, t.ui.banner_intro),
      h('ul', null, t.categories.map((c) => h('li', null, c.label, h('span', { class: 'mamori-mode' }, c.modeName)))),
      gpc ? h('p', { class: 'mamori-note' }, t.ui.gpc) : null,
      h('p', { class: 'mamori-links' },
        h('a', { href: origin + t.links.privacy }, t.ui.privacy_link), ' ',
        h('a', { href: origin + t.links.cookies }, t.ui.cookies_link)),
      h('div', { class: 'mamori-actions' },
        button(t.ui.accept_all, () => choose(all(true))),
        button(t.ui.reject_all, () => choose(all(false))),
        button(t.ui.preferences, () => open())));
    document.body.prepend(banner);
  };

  const term = (name, value) => [h('dt', null, name), h('dd', null, value)];
  const category = (t, c, boxes) => {
    const locked = c.mode === 'necessary' || (gpc && c.id === 'targeting');
    const on = version ? choices[c.id] : c.mode !== 'opt_in';
    const id = 'mamori-' + c.id;
    const box = boxes[c.id] = h('input', {
      type: 'checkbox', role: 'switch', id, 'aria-describedby': id + '-text',
      checked: c.mode === 'necessary' || (on && !locked), disabled: locked,
    });
    const separator = lang === 'en' ? ', ' : '、';
    return h('section', { class: 'mamori-category' },
      h('div', { class: 'mamori-switch' }, h('label', { for: id }, c.label), box),
      h('p', { id: id + '-text' }, `${c.description} ${c.modeName}: ${c.modeExplanation}`),
      gpc && c.id === 'targeting' ? h('p', { class: 'mamori-note' }, t.ui.gpc) : null,
      c.tags.length ? h('details', null,
        h('summary', null, `${t.ui.tags} (${c.tags.length})`),
        h('ul', null, c.tags.map((tag) => h('li', null, h('strong', null, tag.name), h('dl', null,
          term(t.headings.provider, tag.provider),
          term(t.headings.items, tag.items.join(separator)),
          term(t.headings.purposes, tag.purposes.join(separator)),
          term(t.headings.retention, tag.retention)))))) : null);
  };

  // The settings: a modal dialog; focus moves into it, Esc closes it, and focus returns where it was.
  const open = () => loadTexts().then((t) => {
    if (dialog?.open) return;
    returnFocus = document.activeElement;
    const boxes = {};
    dialog = h('dialog', {
      class: 'mamori-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'mamori-dialog-title', lang,
      close: (event) => {
        event.target.remove();
        (returnFocus?.isConnected ? returnFocus : document.querySelector('[data-mamori-settings], .mamori-settings'))?.focus();
      },
    },
      h('div', { class: 'mamori-head' },
        h('h2', { id: 'mamori-dialog-title' }, t.ui.dialog_title),
        button(t.ui.close, () => dialog.close(), 'mamori-close')),
      h('p', null, t.ui.dialog_intro),
      t.categories.map((c) => category(t, c, boxes)),
      h('div', { class: 'mamori-actions' },
        button(t.ui.reject_all, () => choose(all(false))),
        button(t.ui.accept_all, () => choose(all(true))),
        button(t.ui.save, () => choose(Object.fromEntries(optional.map((c) => [c.id, boxes[c.id].checked]))), 'mamori-primary')));
    document.body.append(dialog);
    dialog.showModal();
  }).catch(() => {});

  window.mamori = {
    get choices() { return { ...choices }; },
    get decided() { return !!version; },
    deviceId,
    version: config.version,
    on: (type, listener) => { if (type === 'change') listeners.push(listener); },
    open,
  };
  consentMode('default');

  // Global Privacy Control refuses targeting without asking; it is recorded once per browser.
  if (gpc && 'targeting' in choices && !gpcRecorded) {
    gpcRecorded = true;
    send({ targeting: false }, 'gpc');
    remember();
  }

  const start = () => {
    document.addEventListener('click', (event) => {
      if (event.target.closest?.('[data-mamori-settings]')) {
        event.preventDefault();
        open();
      }
    });
    apply();
    if (version) settingsButton();
    else loadTexts().then(showBanner).catch(() => {});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(__MAMORI_CONFIG__);
