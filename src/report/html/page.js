// talklint report: builds the conversations from the page's data, filters, searches and sorts
// them, and keeps the view in the URL's hash. Transcript text only ever becomes text nodes.
(() => {
  'use strict';
  // Marks for scripts/html-load-time.sh: the page read, the first conversations built.
  performance.mark('talklint-read');
  const $ = (id) => document.getElementById(id);
  // Each conversation: see src/report/html/data.rs for its shape. The data is the page's first
  // comment; once read, it is dropped from the page so that its text can be freed.
  // It holds one conversation per line, each parsed when first needed: the first view of a
  // large report parses only the conversations it shows.
  const data = [...document.body.childNodes].find((n) => n.nodeType === Node.COMMENT_NODE);
  const lines = data.data.split('\n').filter((line) => line.length > 0);
  data.remove();
  const parsed = [];
  const at = (i) => parsed[i] || (parsed[i] = JSON.parse(lines[i]));
  $('tl-loading').remove();
  // Each rule: [id, category, class (severity, "reward" or "tag"), kind, suggestion].
  const rules = JSON.parse($('tl-rules').textContent);
  const ROLES = ['Agent', 'Customer', 'Bot', 'System', 'Unknown speaker', 'Text'];
  const ROLE_CLASSES = ['agent', 'customer', 'bot', 'system', 'unknown', 'any'];
  const PAGE = 50; // conversations added to the list at a time
  const CONTEXT = 1; // turns shown either side of a turn with findings
  const FOLD = 3; // a run of this many turns without findings, or more, is folded
  // Why an agent is marked guessed, as the human report's summary says it.
  const GUESSED =
    'No label or `roles:` names the agent, so the agent is the speaker beside a named customer, ' +
    "else the one whose words are an agent's (an offer of help, a greeting that names the company), " +
    'else the first to speak at length; name the speakers under `roles:` in talklint.yaml to be sure.';
  const KEYS = ['q', 'outcome', 'sev', 'rule', 'cat', 'tag', 'agent', 'sort'];
  const form = $('tl-filters');
  const list = $('tl-list');
  const more = $('tl-more');
  const count = $('tl-count');
  const isProblem = (rule) => rule[3] === 'forbid' || rule[3] === 'require';
  // A suppressed finding (`--show-suppressed`) is shown, marked, and counted by no filter or tally.
  const isSuppressed = (finding) => finding[4] === 1;
  const sign = (points) => (points > 0 ? '+' : '') + points;
  const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // What the filters ask of a conversation, worked out when first asked.
  const facts = [];
  const factsOf = (i) => {
    if (!facts[i]) {
      // Rules and tags by id: with nested configs, one id can have several entries in `rules`
      // (another severity, …), and the form names a rule by its id.
      const f = { rules: new Set(), categories: new Set(), tags: new Set(), severities: new Set(), text: null };
      for (const x of at(i).f) {
        if (isSuppressed(x)) continue;
        const rule = rules[x[0]];
        f.rules.add(rule[0]);
        if (rule[3] === 'tag') f.tags.add(rule[0]);
        // A category is filtered by its problems, as the chart of problems by category counts.
        if (isProblem(rule)) {
          f.severities.add(rule[2]);
          f.categories.add(rule[1]);
        }
      }
      facts[i] = f;
    }
    return facts[i];
  };

  // A conversation's named agents (`as` when several spoke, else `a`), and the form names are
  // compared in, as the agent table groups them: any case, runs of spaces one space.
  const agentsOf = (c) => c.as || (c.a !== undefined ? [c.a] : []);
  const nameKey = (a) => a.toLowerCase().split(/\s+/).filter(Boolean).join(' ');

  // The words a search looks in, lowercased when first searched.
  const haystack = (i) => {
    const f = factsOf(i);
    if (f.text === null) {
      const c = at(i);
      const parts = [c.p, c.i || '', ...agentsOf(c)];
      for (const t of c.t) parts.push(t[2] || '', t[4].map((s) => (typeof s === 'string' ? s : s[1])).join(''));
      for (const x of c.f) parts.push(x[3]);
      f.text = parts.join('\n').toLowerCase();
    }
    return f.text;
  };

  const matches = (i, s, words) => {
    const c = at(i);
    const f = factsOf(i);
    return !(
      (s.outcome === 'failed' && c.ok) ||
      (s.outcome === 'passed' && !c.ok) ||
      (s.sev === 'none' ? f.severities.size > 0 : s.sev && !f.severities.has(s.sev)) ||
      (s.rule && !f.rules.has(s.rule)) ||
      (s.cat && !f.categories.has(s.cat)) ||
      (s.tag && !f.tags.has(s.tag)) ||
      (s.agent && (s.agent === '-' ? c.a !== undefined : !agentsOf(c).some((a) => nameKey(a) === nameKey(s.agent)))) ||
      (words.length && !words.every((w) => haystack(i).includes(w)))
    );
  };

  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  const orders = {
    score: (a, b) => at(a).s - at(b).s || a - b,
    '-score': (a, b) => at(b).s - at(a).s || a - b,
    path: (a, b) => cmp(at(a).p, at(b).p) || cmp(at(a).i || '', at(b).i || '') || a - b,
    // Conversations without an agent's name last.
    agent: (a, b) => cmp(at(a).a ?? '\uffff', at(b).a ?? '\uffff') || a - b,
  };

  const clock = (ms) => {
    const s = Math.floor(ms / 1000);
    const two = (v) => String(v).padStart(2, '0');
    const h = Math.floor(s / 3600);
    return h ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
  };

  // One turn: who and when, the text with its matches marked, its findings explained.
  const turn = (c, t, findings) => {
    const [role, ms, label, named, segments] = c.t[t];
    const div = el('div', 'turn ' + ROLE_CLASSES[role]);
    div.dataset.turn = t + 1;
    const who = el('div', 'who');
    const name = el('b', null, ROLES[role] + (label !== null && (named || role === 4) ? ' · ' + label : ''));
    if (label !== null) name.title = 'speaker label: ' + label;
    who.append(name);
    if (ms !== null) {
      const time = el('time', null, clock(ms));
      time.dateTime = 'PT' + ms / 1000 + 'S';
      who.append(' ', time);
    }
    who.append(' · turn ' + (t + 1));
    const text = el('p', 'text');
    for (const s of segments) {
      if (typeof s === 'string') {
        text.append(s);
        continue;
      }
      const [r, , points] = c.f[s[0]];
      const mark = el('mark', rules[r][2], s[1]);
      mark.title = rules[r][0] + (isSuppressed(c.f[s[0]]) ? ' (suppressed)' : points ? ` (${sign(points)})` : '');
      text.append(mark);
    }
    div.append(who, text);
    // Problems and tags are explained under their turn; a reward's mark says its rule and points.
    const explained = findings.filter((k) => rules[c.f[k][0]][2] !== 'reward');
    if (explained.length) {
      const ul = el('ul', 'findings');
      for (const k of explained) {
        const [r, , points, message] = c.f[k];
        const rule = rules[r];
        const li = el('li', rule[2]);
        li.append(el('b', null, rule[2]), ' ', el('code', null, rule[0]), ' ', message);
        if (isSuppressed(c.f[k])) li.append(' (suppressed: not counted)');
        else if (points) li.append(` (${sign(points)})`);
        if (rule[4]) li.append(' — ', el('i', null, rule[4]));
        ul.append(li);
      }
      div.append(ul);
    }
    return div;
  };

  // A run of turns without findings, folded behind a button that shows them.
  const fold = (c, from, to) => {
    const button = el('button', 'fold', `Show ${to - from} turns without findings (turns ${from + 1}–${to})`);
    button.type = 'button';
    button.addEventListener('click', () => {
      const turns = [];
      for (let t = from; t < to; t++) turns.push(turn(c, t, []));
      turns[0].tabIndex = -1;
      button.replaceWith(...turns);
      turns[0].focus();
    });
    return button;
  };

  // Every turn: those with findings and their neighbours shown, longer runs of others folded
  // (a conversation without findings is shown whole).
  const body = (c) => {
    const div = el('div', 'turns');
    for (const w of c.w || []) div.append(el('p', 'warn', 'warning: ' + w));
    for (const n of c.na || []) div.append(el('p', 'warn', 'note: ' + n));
    const byTurn = new Map();
    c.f.forEach((x, k) => byTurn.set(x[1], (byTurn.get(x[1]) || []).concat(k)));
    const n = c.t.length;
    const keep = new Array(n).fill(byTurn.size === 0);
    for (const t of byTurn.keys()) {
      for (let k = Math.max(0, t - CONTEXT); k <= Math.min(n - 1, t + CONTEXT); k++) keep[k] = true;
    }
    for (let t = 0; t < n; ) {
      let end = t;
      while (end < n && !keep[end]) end++;
      if (end - t >= FOLD) {
        div.append(fold(c, t, end));
        t = end;
      }
      for (; t < n && (t < end || keep[t]); t++) div.append(turn(c, t, byTurn.get(t) || []));
    }
    return div;
  };

  // A file name or id as the terminal report shows it: a control character, a line break or tab,
  // a line separator or bidi mark escaped (`\x0a`, `\u{202e}`), so that two names never look
  // alike (a page shows a line break as a space).
  const named = (s) => s.replace(
    /[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => {
      const n = ch.codePointAt(0);
      return n < 0x80 ? '\\x' + n.toString(16).padStart(2, '0') : '\\u{' + n.toString(16) + '}';
    });

  // A conversation's entry: its header, and its turns once opened (failed ones open).
  const entry = (i) => {
    const c = at(i);
    const li = el('li');
    const details = el('details', 'conv ' + (c.ok ? 'pass' : 'fail'));
    const summary = el('summary');
    summary.append(el('h3', null, named(c.p + (c.i !== undefined ? '#' + c.i : ''))), ' ');
    summary.append(el('span', 'verdict', `${c.s} ${c.ok ? 'pass' : 'FAIL'}`));
    const n = { error: 0, warning: 0, info: 0, reward: 0, tag: 0, suppressed: 0 };
    for (const x of c.f) n[isSuppressed(x) ? 'suppressed' : rules[x[0]][2]]++;
    const meta = [];
    if (c.as) meta.push('Agents · ' + c.as.join(', '));
    else if (c.a !== undefined) meta.push('Agent · ' + c.a);
    meta.push(
      [plural(n.error, 'error', 'errors'), plural(n.warning, 'warning', 'warnings'), n.info + ' info']
        .filter((x) => !x.startsWith('0 '))
        .join(', ') || 'no problems',
    );
    if (n.reward) meta.push(plural(n.reward, 'reward', 'rewards'));
    if (n.suppressed) meta.push(n.suppressed + ' suppressed');
    if (c.top !== undefined) meta.push('top problem ' + rules[c.top][0]);
    summary.append(el('span', 'meta', ' · ' + meta.join(' · ')));
    if (c.g) {
      const guessed = el('span', 'badge guessed', 'agent guessed');
      guessed.title = GUESSED;
      summary.append(' ', guessed);
    }
    for (const tag of factsOf(i).tags) summary.append(' ', el('span', 'badge', tag));
    details.append(summary);
    const build = () => {
      if (!details.dataset.built) {
        details.dataset.built = '1';
        details.append(body(c));
      }
    };
    details.addEventListener('toggle', () => details.open && build());
    if (!c.ok) {
      build();
      details.open = true;
    }
    li.append(details);
    return li;
  };

  let shown = [];
  let next = 0;
  const showMore = () => {
    const end = Math.min(next + PAGE, shown.length);
    const items = [];
    for (; next < end; next++) items.push(entry(shown[next]));
    list.append(...items);
    more.hidden = next >= shown.length;
    more.textContent = `Show ${Math.min(PAGE, shown.length - next)} more`;
    count.textContent =
      `Showing ${next} of ${plural(shown.length, 'matching conversation', 'matching conversations')}` +
      ` (${lines.length} in the report).`;
  };

  const apply = (s) => {
    const words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    const filtered = KEYS.some((k) => k !== 'sort' && s[k]);
    shown = [];
    for (let i = 0; i < lines.length; i++) if (!filtered || matches(i, s, words)) shown.push(i);
    if (orders[s.sort]) shown.sort(orders[s.sort]);
    list.replaceChildren();
    next = 0;
    showMore();
  };

  const readForm = () => Object.fromEntries(KEYS.map((k) => [k, form.elements[k].value]));
  const encode = (v) => encodeURIComponent(v).replace(/%2F/g, '/');
  const fromHash = () => {
    const s = {};
    for (const part of location.hash.slice(1).split('&')) {
      const eq = part.indexOf('=');
      try {
        if (eq > 0) s[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
      } catch (e) {
        // A malformed value is left out.
      }
    }
    return s;
  };
  const fromUrl = () => {
    const s = fromHash();
    for (const k of KEYS) {
      const field = form.elements[k];
      // A shared link may name a rule, tag or agent this report lacks: it lists nothing, not all.
      // An agent is known in any case and spacing, as the agent table groups names.
      const same = (o) => o.value === s[k] || (k === 'agent' && o.value !== '' && nameKey(o.value) === nameKey(s[k]));
      const known = s[k] && field.options ? [...field.options].find(same) : undefined;
      if (s[k] && field.options && !known) {
        field.append(new Option(s[k] + ' (not in this report)', s[k]));
      }
      field.value = known ? known.value : s[k] || '';
    }
    apply(readForm());
  };
  const update = () => {
    const s = readForm();
    const hash = KEYS.filter((k) => s[k]).map((k) => k + '=' + encode(s[k])).join('&');
    history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    apply(s);
  };

  let typing = 0;
  form.addEventListener('input', (e) => {
    clearTimeout(typing);
    typing = setTimeout(update, e.target.name === 'q' ? 200 : 0);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', () => setTimeout(update, 0));
  window.addEventListener('hashchange', () => {
    fromUrl();
    $('conversations').scrollIntoView();
  });
  more.addEventListener('click', showMore);
  if ('IntersectionObserver' in window) {
    // Scrolling near the end of the list adds the next page of conversations.
    const watch = new IntersectionObserver(
      (seen) => {
        if (seen.some((x) => x.isIntersecting) && !more.hidden) {
          showMore();
          watch.unobserve(more);
          watch.observe(more);
        }
      },
      { rootMargin: '400px' },
    );
    watch.observe(more);
  }
  fromUrl();
  // A shared link to a view opens on the conversations it shows.
  if (location.hash.length > 1) $('conversations').scrollIntoView();
  performance.mark('talklint-list');
})();
