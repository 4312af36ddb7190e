/* confsite's search worker for Material for MkDocs.

   Material's search dialog talks to a web worker by messages (SETUP, READY, QUERY, RESULT);
   this worker answers them from the sharded index that generator/search/index.py writes,
   instead of loading every page into lunr. Nothing is fetched until the first query; then
   the manifest (a few KB), one shard per query word and the docs files of the results shown.
   Material keeps its look and its keys: suggestions, highlighting, arrow keys and Enter.

   Words are cut and folded exactly as generator/search/text.py does ("Müller" and "Muller"
   are both "muller"), so a query finds what the index holds. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const BASE = new URL("../../search/", self.location.href);
const FIELD_BITS = [1, 2, 4, 8]; // title, people, affiliations, text (generator/search/index.py)
const PAPER = 0, AUTHOR = 1;
const EXACT = 1, PREFIX = 0.7; // a word found as typed weighs more than one it begins
const MAX_COMPLETIONS = 30; // words a prefix stands for, the most frequent first
const SNIPPET_WORDS = 32;
const SETTLE_MS = 60; // a query not followed by another within this time is searched

let manifest = null; // Promise of the manifest, fetched on the first query
const shards = new Map(); // shard key -> Promise of {word: postings}
const chunks = new Map(); // docs file number -> Promise of docs
let options = {};
let latest = 0;

// -- words, as generator/search/text.py cuts them ------------------------------------------

const LETTERS = {
  "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
  "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
  "ı": "i"
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "g");
const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

function fold(text) {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.replace(SPECIAL, c => LETTERS[c]).normalize("NFKD")
    .replace(/\p{M}/gu, "").toLowerCase();
}

function foldedWords(word) {
  return ASCII.test(word) ? [word.toLowerCase()] : fold(word).match(WORD) || [];
}

/* The folded words of `text`, each with where it stands in `text.normalize("NFC")`: cut at
   anything not a letter or digit, then folded (generator/search/text.py, `words`). */
function wordsAt(text) {
  const found = [];
  for (const match of text.normalize("NFC").matchAll(WORD))
    for (const word of foldedWords(match[0]))
      found.push({ word, start: match.index, end: match.index + match[0].length });
  return found;
}

function words(text) {
  return wordsAt(text).map(w => w.word);
}

function chars(text) { return Array.from(text); } // code points, as Python slices

// -- the files -------------------------------------------------------------------------------

function url(path, version) {
  const target = new URL(path, BASE);
  if (version) target.searchParams.set("v", version);
  return target;
}

async function json(path, version) {
  const response = await fetch(url(path, version));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function loadManifest() {
  if (!manifest) {
    manifest = fetch(url("manifest.json"), { cache: "no-cache" }).then(r => r.json())
      .then(m => ({
        ...m,
        split: new Set(m.split),
        shards: new Set(m.shards),
        stopWords: new Set(m.stopWords)
      }));
    manifest.catch(() => { manifest = null; }); // try again with the next query
  }
  return manifest;
}

function shardKey(term, m) {
  const letters = chars(term);
  let key = letters.slice(0, 1).join("");
  while (m.split.has(key) && letters.length > chars(key).length)
    key = letters.slice(0, chars(key).length + 1).join("");
  return key;
}

function shardFile(key) {
  if (/^[a-z0-9]+$/.test(key)) return `terms/t_${key}.json`;
  return "terms/t_x" + chars(key).map(c => c.codePointAt(0).toString(16)).join("-") + ".json";
}

function shard(key, m) {
  if (!m.shards.has(key)) return Promise.resolve({});
  if (!shards.has(key)) {
    const loading = json(shardFile(key), m.version);
    loading.catch(() => shards.delete(key));
    shards.set(key, loading);
  }
  return shards.get(key);
}

function chunk(number, m) {
  if (!chunks.has(number)) {
    const loading = json(`docs/${number}.json`, m.version);
    loading.catch(() => chunks.delete(number));
    chunks.set(number, loading);
  }
  return chunks.get(number);
}

// -- a query -----------------------------------------------------------------------------

/* Shorter forms a word may be indexed under ("schedules", "scheduling" -> "schedul"). */
function stem(word) {
  for (const ending of ["ings", "ing", "ies", "es", "ed", "s"])
    if (word.endsWith(ending) && word.length - ending.length >= 4)
      return word.slice(0, -ending.length);
  return null;
}

/* The indexed words a query word stands for, each with its weight. */
async function candidates(word, asPrefix, m) {
  const found = new Map();
  const prefixes = [];
  if (asPrefix) prefixes.push(word);
  const stemmed = stem(word);
  if (stemmed) prefixes.push(stemmed);
  const exact = await shard(shardKey(word, m), m);
  if (Object.hasOwn(exact, word)) found.set(word, EXACT);
  for (const prefix of prefixes) {
    const key = shardKey(prefix, m);
    if (m.split.has(key)) continue; // its words are spread over longer shards: exact only
    const terms = await shard(key, m);
    const completions = Object.keys(terms)
      .filter(term => term.startsWith(prefix) && term !== word)
      .sort((a, b) => terms[b].length - terms[a].length || (a < b ? -1 : 1))
      .slice(0, MAX_COMPLETIONS);
    for (const term of completions)
      if (!found.has(term)) found.set(term, PREFIX);
  }
  const postings = new Map();
  for (const term of found.keys()) {
    const terms = await shard(shardKey(term, m), m);
    postings.set(term, terms[term]);
  }
  return { weights: found, postings };
}

function fieldScore(bits, weights) {
  let score = 0;
  for (let i = 0; i < FIELD_BITS.length; i++)
    if (bits & FIELD_BITS[i]) score += weights[i];
  return score;
}

function kindOf(number, m) {
  let kind = 0;
  while (kind + 1 < m.kindStarts.length && number >= m.kindStarts[kind + 1]) kind++;
  return kind;
}

async function search(query) {
  const typed = words(query);
  // The dialog's first, empty query; and a lone letter, which would list every "c" and "a".
  if (!typed.length || (typed.length === 1 && chars(typed[0]).length < 2))
    return { items: [], count: 0 };
  const m = await loadManifest();
  let terms = [...new Set(typed)];
  const content = terms.filter(w => !m.stopWords.has(w));
  if (content.length) terms = content;
  if (!terms.length) return { items: [], count: 0 };
  const last = typed[typed.length - 1];
  const open = !/\s$/.test(query); // the last word is still being typed

  const scores = new Map(); // entry -> [matched words bitmask, score, fields matched]
  const lists = await Promise.all(terms.map(word => candidates(
    word, open && word === last && chars(word).length >= m.prefixMin, m)));
  const marked = new Set();
  lists.forEach(({ weights, postings }, i) => {
    const best = new Map();
    for (const [term, weight] of weights) {
      const list = postings.get(term);
      if (!list) continue;
      marked.add(term);
      const idf = Math.log(1 + m.count / list.length);
      let entry = 0;
      for (const posting of list) {
        entry += Math.floor(posting / 16);
        const bits = posting % 16;
        const score = idf * weight * fieldScore(bits, m.fieldWeights);
        const seen = best.get(entry);
        if (!seen || seen[0] < score) best.set(entry, [score, bits]);
      }
    }
    for (const [entry, [score, bits]] of best) {
      const total = scores.get(entry) || [0, 0, 0];
      total[0] |= 1 << i;
      total[1] += score;
      total[2] |= bits;
      scores.set(entry, total);
    }
  });

  const ranked = [...scores.entries()].map(([entry, [matched, score]]) => ({
    entry,
    matched,
    count: bitCount(matched),
    score: score * m.kindBoost[kindOf(entry, m)]
  }));
  ranked.sort((a, b) => b.count - a.count || b.score - a.score || a.entry - b.entry);
  const shown = ranked.slice(0, m.resultLimit);
  const docs = await Promise.all(shown.map(async r => {
    const docs = await chunk(Math.floor(r.entry / m.docsPerChunk), m);
    return docs[r.entry % m.docsPerChunk];
  }));
  const items = shown.map((r, i) => [item(docs[i], r, terms, marked, m)]);
  const result = { items, count: ranked.length };
  if (options.suggest && open && last && !m.stopWords.has(last)) {
    const completion = [...marked].filter(t => t.startsWith(last) && t !== last)[0];
    if (completion) result.suggest = [completion];
  }
  return result;
}

function bitCount(n) {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

// -- a result, as Material shows it ------------------------------------------------------

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"
  })[c]);
}

/* `text` as HTML with the words in `marked` inside <mark>; from word `from` to `to`. */
function highlight(text, marked, from = 0, to = Infinity) {
  const normal = text.normalize("NFC");
  const found = wordsAt(text);
  const start = from > 0 && found[from] ? found[from].start : 0;
  const end = to < found.length ? found[to - 1].end : normal.length;
  let html = start > 0 ? "… " : "";
  let position = start;
  for (const { word, start: s, end: e } of found.slice(from, to)) {
    if (!marked.has(word) || s < position) continue;
    html += escapeHTML(normal.slice(position, s)) + "<mark>" + escapeHTML(normal.slice(s, e)) + "</mark>";
    position = e;
  }
  html += escapeHTML(normal.slice(position, end));
  return end < normal.length ? html + " …" : html;
}

function snippet(text, marked) {
  const found = wordsAt(text);
  if (found.length <= SNIPPET_WORDS) return highlight(text, marked);
  const first = found.findIndex(w => marked.has(w.word));
  const from = first < 0 ? 0 : Math.max(0, first - 8);
  return highlight(text, marked, from, Math.min(found.length, from + SNIPPET_WORDS));
}

function hasMark(text, marked) {
  return wordsAt(text).some(w => marked.has(w.word));
}

function item(doc, ranked, queried, marked, m) {
  const [location, title, kind, edition, people, affiliations, text] = doc;
  let html = "";
  if (people.length && kind !== AUTHOR)
    html += `<p class="cs-search-people">${highlight(people.join(", "), marked)}</p>`;
  const places = affiliations.join("; ");
  if (places && (kind === AUTHOR || hasMark(places, marked)))
    html += `<p class="cs-search-places">${highlight(places, marked)}</p>`;
  if (text) html += `<p>${snippet(text, marked)}</p>`;
  const terms = {};
  queried.forEach((word, i) => { terms[word] = Boolean(ranked.matched & (1 << i)); });
  const result = {
    location,
    title: highlight(title, marked),
    text: html,
    score: ranked.score,
    terms
  };
  if (edition >= 0) result.tags = [escapeHTML(m.editions[edition])];
  return result;
}

// -- messages ----------------------------------------------------------------------------

self.addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    options = message.data.options || {};
    self.postMessage({ type: READY }); // nothing to load yet: the index waits for a query
  } else if (message.type === QUERY) {
    const ticket = ++latest;
    // The dialog sends a query per key pressed: one typed quickly is answered once.
    await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
    if (ticket !== latest) return;
    let data;
    try {
      data = await search(message.data);
    } catch (error) {
      console.warn("search:", error);
      data = { items: [], count: 0 };
    }
    if (ticket === latest) self.postMessage({ type: RESULT, data }); // a later query wins
  }
});
