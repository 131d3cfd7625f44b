// The playbook's search engine. It runs in a Web Worker, so no keystroke waits for it, and loads
// only what a query needs from the index the build wrote (see SearchIndex.swift):
//   search/index.json        the manifest: page count, stop words, each shard by the start
//                            of its words
//   search/t/<digest>.json   a shard: {"w": {word: stem number}, "s": [[B, T, H, F], ...]}
//   search/<generation>/<n>.json   page n's fragment: [url, title, [[anchor, heading, text], ...]]
// Words are split, lower-cased and folded exactly as WordTokenizer.swift and Folding.swift do.
// Everything fetched is kept, so a query already run (or one needing the same files) works
// offline. Loaded as a classic script in the page when workers are not available.
(function (scope) {
  "use strict";

  var WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
  var MARK = /\p{M}/u;
  var RESULTS = 10;
  var PREFIX_SHARDS = 3;
  var PREFIX_WORDS = 60;

  function isCJK(code) {
    return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff) ||
      (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff66 && code <= 0xff9f) || (code >= 0x20000 && code <= 0x2fa1f);
  }

  // Accents off Latin, Greek and Cyrillic letters (Folding.fold).
  function fold(word) {
    if (!/[^\x00-\x7f]/.test(word)) return word;
    var kept = "";
    var foldsMarks = false;
    for (var ch of word.normalize("NFD")) {
      if (MARK.test(ch)) {
        if (foldsMarks) continue;
      } else {
        var code = ch.codePointAt(0);
        foldsMarks = code < 0x530 || (code >= 0x1e00 && code <= 0x1eff);
      }
      kept += ch;
    }
    return kept.normalize("NFC");
  }

  // The search words of `text`, as the index has them; `open` is true when the text ends in the
  // middle of its last word (the word being typed, matched as a start).
  function tokenize(text, stop) {
    var words = [];
    var current = "";
    var unicode = false;
    var previousCJK = null;
    var run = 0;
    function flush() {
      if (!current) return;
      var word = unicode ? fold(current) : current;
      var long = unicode ? Array.from(word).length > 1 : word.length > 1;
      if (long && (unicode || word.length > 4 || !stop[word])) words.push({ word: word, cjk: false });
      current = "";
      unicode = false;
    }
    function endRun() {
      if (run === 1) words.push({ word: previousCJK, cjk: true, single: true });
      run = 0;
      previousCJK = null;
    }
    for (var ch of text) {
      var code = ch.codePointAt(0);
      if (isCJK(code)) {
        flush();
        if (run > 0) words.push({ word: previousCJK + ch, cjk: true });
        previousCJK = ch;
        run += 1;
      } else if (WORD_CHAR.test(ch)) {
        if (run > 0) endRun();
        current += ch.toLowerCase();
        if (code >= 0x80) unicode = true;
      } else {
        flush();
        if (run > 0) endRun();
      }
    }
    var last = Array.from(text).pop() || "";
    var open = WORD_CHAR.test(last) || isCJK(last.codePointAt(0) || 0);
    flush();
    if (run > 0) endRun();
    return { words: words, open: open };
  }

  // ---- Page sets (PageSet.swift): a gap list in base 36, or "~" and a base64url bitmap. ----
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var B64_VALUE = {};
  for (var i = 0; i < B64.length; i++) B64_VALUE[B64[i]] = i;

  function decodeSet(encoded, pageCount) {
    var bits = new Uint8Array((pageCount + 7) >> 3);
    if (!encoded) return bits;
    if (encoded[0] === "~") {
      var byte = 0;
      for (var j = 1; j + 1 < encoded.length; j += 4) {
        var value = 0;
        var chars = Math.min(4, encoded.length - j);
        for (var k = 0; k < 4; k++) value = (value << 6) | (k < chars ? B64_VALUE[encoded[j + k]] : 0);
        for (var b = 0; b < chars - 1 && byte < bits.length; b++) bits[byte++] = (value >> (16 - 8 * b)) & 255;
      }
      return bits;
    }
    var page = -1;
    var parts = encoded.split(".");
    for (var p = 0; p < parts.length; p++) {
      page += parseInt(parts[p], 36) + 1;
      if (page < pageCount) bits[page >> 3] |= 1 << (page & 7);
    }
    return bits;
  }

  function has(bits, page) { return (bits[page >> 3] >> (page & 7)) & 1; }

  function union(into, bits) { for (var i = 0; i < into.length; i++) into[i] |= bits[i]; }

  function count(bits) {
    var total = 0;
    for (var i = 0; i < bits.length; i++) { var v = bits[i]; while (v) { v &= v - 1; total++; } }
    return total;
  }

  // ---- The engine: files fetched once, kept in memory. ----
  function Engine(base) {
    this.base = base;
    this.files = new Map();
    this.manifest = null;
  }

  Engine.prototype.fetchJSON = function (path) {
    var files = this.files;
    if (!files.has(path)) {
      var request = fetch(this.base + path).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + path);
        return response.json();
      });
      request.catch(function () { files.delete(path); });
      files.set(path, request);
    }
    return files.get(path);
  };

  Engine.prototype.load = function () {
    var self = this;
    if (!this.manifest) {
      this.manifest = this.fetchJSON("search/index.json").then(function (manifest) {
        if (manifest.version !== 3) throw new Error("search index version " + manifest.version);
        manifest.stopSet = {};
        manifest.stop.forEach(function (word) { manifest.stopSet[word] = true; });
        manifest.starts = Object.keys(manifest.shards);
        return manifest;
      });
      this.manifest.catch(function () { self.manifest = null; });
    }
    return this.manifest;
  };

  Engine.prototype.shard = function (manifest, start) {
    var self = this;
    return this.fetchJSON("search/t/" + manifest.shards[start] + ".json").then(function (shard) {
      if (!shard.decoded) shard.decoded = [];
      shard.pageCount = manifest.pages;
      return shard;
    });
  };

  // The start of the shard that holds `word`: the longest start that begins it.
  function shardStart(manifest, word) {
    var best = null;
    manifest.starts.forEach(function (start) {
      if (word.indexOf(start) === 0 && (best === null || start.length > best.length)) best = start;
    });
    return best;
  }

  function stemSets(shard, number) {
    if (!shard.decoded[number]) {
      var entry = shard.s[number];
      shard.decoded[number] = entry.map(function (encoded) { return decodeSet(encoded, shard.pageCount); });
    }
    return shard.decoded[number];
  }

  // One query word's matches: the pages of every stem it reaches, and the written words that
  // reach them (marked in the results).
  Engine.prototype.match = function (manifest, token, asStart) {
    var self = this;
    var starts = [shardStart(manifest, token.word)];
    if (asStart) {
      var longer = manifest.starts.filter(function (s) { return s.length > token.word.length && s.indexOf(token.word) === 0; });
      if (longer.length < PREFIX_SHARDS) starts = starts.concat(longer);
    }
    starts = starts.filter(function (s, i) { return s !== null && starts.indexOf(s) === i; });
    return Promise.all(starts.map(function (s) { return self.shard(manifest, s); })).then(function (shards) {
      var term = { word: token.word, variants: {}, sets: null, exact: false };
      shards.forEach(function (shard) { self.collect(shard, token, asStart, term); });
      return term;
    });
  };

  Engine.prototype.collect = function (shard, token, asStart, term) {
    var reached = {};
    var found = 0;
    Object.keys(shard.w).forEach(function (word) {
      var exact = word === token.word;
      if (!exact && !(asStart && word.indexOf(token.word) === 0)) return;
      if (!exact && found >= PREFIX_WORDS) return;
      found += 1;
      reached[shard.w[word]] = reached[shard.w[word]] || exact;
      if (exact) term.exact = true;
    });
    Object.keys(shard.w).forEach(function (word) { if (shard.w[word] in reached) term.variants[word] = true; });
    Object.keys(reached).forEach(function (number) {
      var sets = stemSets(shard, Number(number));
      if (!term.sets) term.sets = sets.map(function (bits) { return new Uint8Array(bits.length); });
      sets.forEach(function (bits, i) { union(term.sets[i], bits); });
    });
  };

  // Pages ranked by how well they match every term: a rarer word counts more; a word in the
  // title counts most, more again with the other words of the query beside it there; then in a
  // heading, then three times or more in the text.
  function rank(terms, pageCount) {
    var present = terms.filter(function (term) { return term.sets; });
    var all = present.length === terms.length;
    var scores = new Float64Array(pageCount);
    var inTitle = new Float64Array(pageCount);
    var titleHits = new Uint8Array(pageCount);
    var matched = new Uint8Array(pageCount);
    present.forEach(function (term) {
      var sets = term.sets;
      var weight = Math.log(1 + pageCount / Math.max(1, count(sets[0]))) * (term.exact ? 1 : 0.7);
      for (var page = 0; page < pageCount; page++) {
        if (!has(sets[0], page)) continue;
        matched[page] += 1;
        scores[page] += weight * (1 + 1.5 * has(sets[2], page) + 0.5 * has(sets[3], page));
        if (has(sets[1], page)) { inTitle[page] += weight; titleHits[page] += 1; }
      }
    });
    var needed = all ? terms.length : 1;
    var pages = [];
    for (var page = 0; page < pageCount; page++) {
      if (matched[page] >= needed && matched[page] > 0) {
        pages.push(page);
        scores[page] += matched[page] * 100 + inTitle[page] * (1 + 2 * titleHits[page]);
      }
    }
    pages.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return { pages: pages, partial: !all };
  }

  Engine.prototype.search = function (query) {
    var self = this;
    return this.load().then(function (manifest) {
      var tokens = tokenize(query, manifest.stopSet);
      var words = tokens.words;
      if (words.length === 0) return { query: query, total: 0, hits: [], marks: [] };
      return Promise.all(words.map(function (token, i) {
        var open = tokens.open && i === words.length - 1;
        return self.match(manifest, token, open || token.single).then(function (term) {
          return term.sets ? term : self.retryShorter(manifest, token, term);
        });
      })).then(function (terms) { return self.results(manifest, query, terms); });
    });
  };

  // A whole word the index does not have ("escalated") is tried as the start of words, up to
  // three letters shorter and not under five ("escalat" finds "escalate").
  Engine.prototype.retryShorter = function (manifest, token, term) {
    var self = this;
    var letters = Array.from(token.word);
    var lengths = [];
    for (var n = letters.length - 1; n >= Math.max(5, letters.length - 3); n--) lengths.push(n);
    if (token.cjk) lengths = [];
    return lengths.reduce(function (chain, n) {
      return chain.then(function (found) {
        if (found.sets) return found;
        return self.match(manifest, { word: letters.slice(0, n).join(""), cjk: false }, true);
      });
    }, Promise.resolve(term)).then(function (found) {
      found.exact = false;
      return found;
    });
  };

  Engine.prototype.results = function (manifest, query, terms) {
    var self = this;
    var ranked = rank(terms, manifest.pages);
    var shown = ranked.pages.slice(0, RESULTS);
    var marks = {};
    terms.forEach(function (term) { Object.keys(term.variants).forEach(function (w) { marks[w] = true; }); });
    var starts = terms.filter(function (term) { return !term.exact; }).map(function (term) { return term.word; });
    return Promise.all(shown.map(function (page) {
      return self.fetchJSON("search/" + manifest.fragments + "/" + page + ".json");
    })).then(function (fragments) {
      var matcher = markMatcher(marks, starts);
      return {
        query: query, total: ranked.pages.length, partial: ranked.partial,
        hits: fragments.map(function (fragment) { return hit(fragment, matcher); })
      };
    });
  };

  // True for a written word that a query term reached.
  function markMatcher(marks, starts) {
    return function (word) {
      var folded = fold(Array.from(word, function (c) { return c.toLowerCase(); }).join(""));
      return marks[folded] === true || starts.some(function (s) { return folded.indexOf(s) === 0; });
    };
  }

  function wordsOf(text) { return text.match(/[\p{Alphabetic}\p{N}]+/gu) || []; }

  // A result for one page: its best section (most query words in its heading, then its text)
  // and a snippet of that section around the first word found.
  function hit(fragment, matches) {
    var sections = fragment[2];
    var best = 0;
    var bestScore = 0;
    sections.forEach(function (section, i) {
      var score = 2 * wordsOf(section[1]).filter(matches).length + Math.min(3, wordsOf(section[2]).filter(matches).length);
      if (score > bestScore) { best = i; bestScore = score; }
    });
    var section = sections[best] || ["", "", ""];
    return {
      url: fragment[0] + (section[0] ? "#" + section[0] : ""),
      title: pieces(fragment[1], matches),
      heading: pieces(section[1], matches),
      snippet: pieces(snippet(section[2], matches), matches)
    };
  }

  // `text` as [text, reached] pieces: each word the query reached is a piece of its own.
  function pieces(text, matches) {
    var out = [];
    var last = 0;
    var pattern = /[\p{Alphabetic}\p{N}]+/gu;
    var m;
    while ((m = pattern.exec(text))) {
      if (!matches(m[0])) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  function snippet(text, matches) {
    var found = null;
    var pattern = /[\p{Alphabetic}\p{N}]+/gu;
    var m;
    while ((m = pattern.exec(text))) { if (matches(m[0])) { found = m.index; break; } }
    if (found === null || found < 60) return text.length > 160 ? cut(text, 0, 160) : text;
    var from = text.lastIndexOf(" ", found - 40);
    return cut(text, from < 0 ? 0 : from + 1, 160);
  }

  function cut(text, from, length) {
    var end = from + length;
    if (end < text.length) { var space = text.lastIndexOf(" ", end); if (space > from) end = space; }
    var piece = text.slice(from, end);
    return (from > 0 ? "…" : "") + piece + (end < text.length && !/…$/.test(piece) ? "…" : "");
  }

  // ---- Worker or page. ----
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    var engine = null;
    scope.onmessage = function (event) {
      var message = event.data;
      if (message.type === "init") { engine = new Engine(message.base); engine.load().catch(function () {}); return; }
      if (message.type !== "query" || !engine) return;
      engine.search(message.query).then(function (result) {
        result.id = message.id;
        scope.postMessage(result);
      }, function (error) {
        scope.postMessage({ id: message.id, query: message.query, error: String(error && error.message || error) });
      });
    };
  } else {
    scope.PlaybookSearchEngine = Engine;
  }
})(self);
