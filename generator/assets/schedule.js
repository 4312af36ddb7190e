/* Schedule in the browser: local times, "now / next", stars, the personal agenda and its .ics,
 * deadline countdowns. Every page is complete without this script; it only adds.
 *
 * Material's instant navigation swaps page content without reloading, so the work runs once
 * per page through `document$`. Text from data only ever goes in through textContent.
 */
(function () {
  "use strict";

  // The site root, from this script's own address (assets/confsite/schedule.js): right under
  // any base path, and stable across instant navigation.
  var script = document.currentScript;
  var ROOT = new URL("../../", script ? script.src : location.href);
  var LEAD = "confsite:" + ROOT.pathname + ":zone-lead";
  var agendaData = {};  // by edition

  /** The root of the edition the page belongs to: in a series each edition lives in its own
   * <year>/ folder with its own agenda data, paths and stars; otherwise the site root. Read
   * per call, as instant navigation moves between editions without reloading this script. */
  function edition() {
    var year = /^(\d{4})\//.exec(location.pathname.slice(ROOT.pathname.length));
    return year ? new URL(year[1] + "/", ROOT) : ROOT;
  }

  function starsKey() {
    return "confsite:" + edition().pathname + ":stars";
  }

  // The page's language (Material writes theme.language into <html lang>): local times read
  // in it whatever the browser's own locale. The words come from assets/confsite/messages.js
  // (written by the build for a language other than English), by their English wording.
  var LANG = document.documentElement.lang || undefined;
  var MESSAGES = window.confsiteMessages || {};

  function t(english, values) {
    var text = Object.prototype.hasOwnProperty.call(MESSAGES, english) ? MESSAGES[english] : english;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function load(key, fallback) {
    try {
      var value = localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage disabled or full: the page still works, the choice is just not kept */
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- times in two zones ------------------------------------------------------------ */

  var VISITOR_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "";

  function clock(zone) {
    return new Intl.DateTimeFormat(LANG, {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone,
    });
  }

  function dayKey(date, zone) {
    return new Intl.DateTimeFormat("en-CA", {
      year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone,
    }).format(date);
  }

  function dayLabel(date, zone) {
    return new Intl.DateTimeFormat(LANG, {
      weekday: "short", day: "numeric", month: "short", timeZone: zone,
    }).format(date);
  }

  function range(start, end, zone) {
    var f = clock(zone);
    return f.format(start) + "\u2013" + f.format(end);
  }

  /** The visitor's time for one slot, or null when it reads the same as the conference's. */
  function localText(start, end, zone) {
    var local = range(start, end, undefined);
    var sameDay = dayKey(start, zone) === dayKey(start, undefined);
    if (local === range(start, end, zone) && sameDay) return null;
    return { time: local, day: sameDay ? "" : dayLabel(start, undefined) };
  }

  function localizeTimes(root) {
    var shown = false;
    root.querySelectorAll(".cs-when[data-start][data-end]").forEach(function (when) {
      if (when.querySelector(".cs-when__local")) {
        shown = true;
        return;
      }
      var start = new Date(when.dataset.start);
      var end = new Date(when.dataset.end);
      var text = localText(start, end, when.dataset.zone);
      if (!text) return;
      var span = el("span", "cs-when__local");
      span.title = t("Your time zone: {zone}", { zone: VISITOR_ZONE });
      var time = el("time", "", text.time);
      time.dateTime = when.dataset.start;
      span.appendChild(time);
      if (text.day) span.appendChild(el("span", "cs-local-day", " " + text.day));
      span.appendChild(el("span", "cs-local-label", t(" your time")));
      when.appendChild(span);
      shown = true;
    });
    root.querySelectorAll(".cs-zone-switch").forEach(function (box) {
      box.hidden = !shown;
    });
  }

  function applyLead() {
    var local = load(LEAD, "conference") === "local";
    document.documentElement.classList.toggle("cs-local-first", local);
    document.querySelectorAll("button.cs-zone-lead").forEach(function (button) {
      button.setAttribute("aria-pressed", local ? "true" : "false");
    });
    localDays(local);
  }

  /** With local time first, the program is regrouped under the visitor's own days (copies
   * in time order, as a list) whenever a session falls on another day there; the days as
   * published stay in the page, hidden, and come back when the switch is turned off. */
  function localDays(local) {
    document.querySelectorAll(".cs-local-days").forEach(function (box) { box.remove(); });
    var days = Array.prototype.slice.call(document.querySelectorAll("section.cs-day"));
    days.forEach(function (day) { day.hidden = false; });
    var first = days.length && days[0].querySelector(".cs-when[data-zone]");
    if (!local || !first) return;
    var zone = first.dataset.zone;
    var sessions = [];
    days.forEach(function (day) {
      day.querySelectorAll("li.cs-session[data-start]").forEach(function (li) { sessions.push(li); });
    });
    var moved = sessions.some(function (li) {
      var start = new Date(li.dataset.start);
      return dayKey(start, zone) !== dayKey(start, undefined);
    });
    if (!moved) return;
    var box = el("div", "cs-local-days");
    var list = null;
    var current = "";
    sessions.forEach(function (li) {
      var start = new Date(li.dataset.start);
      var key = dayKey(start, undefined);
      if (key !== current) {
        current = key;
        var section = el("section", "cs-day cs-day--local");
        section.dataset.localDay = key;
        section.appendChild(el("h2", "", t("{day} (your time)", {
          day: new Intl.DateTimeFormat(LANG, { weekday: "long", day: "numeric", month: "long" })
            .format(start),
        })));
        list = el("ol", "cs-sessions");
        section.appendChild(list);
        box.appendChild(section);
      }
      var copy = li.cloneNode(true);
      [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(
        function (node) { node.removeAttribute("id"); });
      copy.querySelectorAll("[data-ready]").forEach(function (node) {
        node.removeAttribute("data-ready");
      });
      copy.removeAttribute("style");
      list.appendChild(copy);
    });
    days[0].parentNode.insertBefore(box, days[0]);
    days.forEach(function (day) { day.hidden = true; });
    starButtons(box);
  }

  function zoneSwitch(root) {
    root.querySelectorAll("button.cs-zone-lead").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () {
        save(LEAD, load(LEAD, "conference") === "local" ? "conference" : "local");
        applyLead();
      });
    });
    applyLead();
  }

  /* ---- happening now / next ---------------------------------------------------------- */

  /** Whether "now / next" shows: from the day before the first start until the last end. */
  function duringConference(now, first, last) {
    return now >= first - 24 * 3600 * 1000 && now < last;
  }

  /** The earliest start after ``now`` of ``slots`` ({start, end} in ms), Infinity for none. */
  function nextStart(slots, now) {
    var next = Infinity;
    slots.forEach(function (s) {
      if (s.start > now && s.start < next) next = s.start;
    });
    return next;
  }

  function markNow(root) {
    var items = Array.prototype.slice.call(
      root.querySelectorAll("li.cs-session[data-start][data-end]"));
    if (!items.length) return;
    var now = Date.now();
    var slots = items.map(function (item) {
      return { item: item, start: Date.parse(item.dataset.start), end: Date.parse(item.dataset.end) };
    });
    var first = Math.min.apply(null, slots.map(function (s) { return s.start; }));
    var last = Math.max.apply(null, slots.map(function (s) { return s.end; }));
    var during = duringConference(now, first, last);
    var next = nextStart(slots, now);
    slots.forEach(function (s) {
      var state = !during ? "" : s.start <= now && now < s.end ? "now" : s.start === next ? "next" : "";
      s.item.classList.toggle("cs-now", state === "now");
      s.item.classList.toggle("cs-next", state === "next");
      var badge = s.item.querySelector(".cs-badge");
      if (!state) {
        if (badge) badge.remove();
        return;
      }
      if (!badge) {
        badge = el("span", "cs-badge");
        var what = s.item.querySelector(".cs-session__what") || s.item;
        what.insertBefore(badge, what.firstChild);
      }
      badge.textContent = state === "now" ? t("Happening now") : t("Next");
    });
    nowLines(root, now);
    root.querySelectorAll(".cs-now-jump").forEach(function (box) {
      box.hidden = !during;
    });
  }

  /** A line across each day's grid at the present time, placed in the row of the slot it
   * falls in (rows grow with their content, so a fraction of that row, not of the day). */
  function nowLines(root, now) {
    root.querySelectorAll("section.cs-day--grid[data-grid-start]").forEach(function (day) {
      var slot = Number(day.style.getPropertyValue("--cs-slot"));
      var rows = Number(day.style.getPropertyValue("--cs-rows"));
      var minutes = (now - Date.parse(day.dataset.gridStart)) / 60000;
      var list = day.querySelector("ol.cs-sessions");
      var line = list.querySelector(".cs-now-line");
      if (!(slot > 0) || minutes < 0 || minutes >= rows * slot) {
        if (line) line.remove();
        return;
      }
      if (!line) {
        line = el("li", "cs-now-line");
        line.setAttribute("aria-hidden", "true");
        list.appendChild(line);
      }
      var row = 2 + Math.floor(minutes / slot);
      line.style.setProperty("--cs-row", row + " / " + (row + 1));
      line.style.setProperty("--cs-at", String((minutes % slot) / slot));
    });
  }

  function showNow() {
    var target = document.querySelector("li.cs-now, li.cs-next");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }

  /** The program's "Jump to now" button, and program/#now (the home page's link to it). */
  function jumpToNow(root) {
    root.querySelectorAll(".cs-now-jump button").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", showNow);
    });
    // After the browser and the theme are done with the #now anchor (the hidden jump box).
    if (location.hash === "#now" && root.querySelector(".cs-now-jump")) setTimeout(showNow, 0);
  }

  /** The home page's "Now and next": the sessions running and the ones starting next, from
   * the agenda data, shown from the day before the first session until the last one ends. */
  function homeNow(root) {
    var box = root.querySelector(".cs-home-now");
    if (!box) return;
    var now = Date.now();
    // Outside the conference the agenda (megabytes at thousands of papers) is not fetched.
    if (!duringConference(now, Date.parse(box.dataset.start), Date.parse(box.dataset.end))) {
      box.hidden = true;
      return;
    }
    fetchAgenda().then(function (data) {
      var sessions = Object.keys(data.sessions).map(function (id) {
        var s = data.sessions[id];
        return { session: s, start: Date.parse(s.start), end: Date.parse(s.end) };
      });
      var next = nextStart(sessions, now);
      var shown = sessions.filter(function (s) {
        return (s.start <= now && now < s.end) || s.start === next;
      });
      // By start; sessions at the same time stay in the program's order (sort is stable).
      shown.sort(function (a, b) { return a.start - b.start; });
      box.hidden = !shown.length;
      if (box.hidden) return;
      var list = box.querySelector(".cs-home-now__list");
      list.replaceChildren.apply(list, shown.map(function (s) {
        var li = el("li", "cs-home-now__item");
        li.appendChild(el("span", "cs-badge", s.start <= now ? t("Happening now") : t("Next")));
        var link = el("a", "", s.session.title);
        link.href = new URL(s.session.path, edition()).href;
        li.appendChild(link);
        li.appendChild(whenBox(s.session, s.session, data.timezone));
        if (s.session.room) li.appendChild(el("span", "cs-home-now__room cs-muted", s.session.room));
        return li;
      }));
      localizeTimes(box);
    }).catch(function (error) {
      console.warn("confsite: now and next:", error);
    });
  }

  /* ---- stars ------------------------------------------------------------------------- */

  function stars() {
    var list = load(starsKey(), []);
    return Array.isArray(list) ? list.filter(function (k) { return typeof k === "string"; }) : [];
  }

  function setStar(key, on) {
    var list = stars().filter(function (k) { return k !== key; });
    if (on) list.push(key);
    save(starsKey(), list);
  }

  function paintStars(root) {
    var starred = stars();
    root.querySelectorAll("button.cs-star[data-star]").forEach(function (button) {
      var on = starred.indexOf(button.dataset.star) >= 0;
      var title = button.dataset.starTitle || "";
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      // A compact star where many sit in a list; the label says it all for screen readers.
      var compact = button.classList.contains("cs-star--icon");
      // The visible words stay the same in both states and are part of the accessible name
      // (WCAG 2.5.3, label in name); the star and aria-pressed show the state.
      button.textContent = (on ? "\u2605" : "\u2606") + (compact ? "" : " " + t("My agenda"));
      button.title = on ? t("In my agenda (click to remove)") : t("Add to my agenda");
      // A toggle keeps one name; aria-pressed says whether it is on.
      button.setAttribute("aria-label", t("My agenda: {title}", { title: title }));
    });
  }

  function starButtons(root) {
    root.querySelectorAll("button.cs-star[data-star]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () {
        setStar(button.dataset.star, button.getAttribute("aria-pressed") !== "true");
        paintStars(document);
        renderAgenda(document);
      });
    });
    paintStars(root);
  }

  /* ---- the personal agenda ----------------------------------------------------------- */

  function fetchAgenda() {
    var root = edition().href;
    if (!agendaData[root]) {
      agendaData[root] = fetch(new URL("program/agenda.json", root)).then(function (response) {
        if (!response.ok) throw new Error("agenda.json: HTTP " + response.status);
        return response.json();
      }).catch(function (error) {
        delete agendaData[root];  // try again on the next page rather than failing for good
        throw error;
      });
    }
    return agendaData[root];
  }

  function agendaItems(data) {
    var items = [];
    stars().forEach(function (key) {
      var kind = key.slice(0, 2);
      var id = key.slice(2);
      var session, paper = null;
      if (kind === "s:" && Object.prototype.hasOwnProperty.call(data.sessions, id)) {
        session = data.sessions[id];
      } else if (kind === "p:" && Object.prototype.hasOwnProperty.call(data.papers, id)) {
        paper = data.papers[id];
        session = data.sessions[paper.session];
      }
      if (!session) return;  // starred on an older program: no longer scheduled
      // A paper with a talk slot of its own is on the agenda at that slot, not its session's.
      var when = paper && paper.start ? paper : session;
      items.push({
        key: key, session: session, sessionId: kind === "s:" ? id : paper.session, paper: paper,
        title: paper ? paper.title : session.title, when: when,
        start: Date.parse(when.start), end: Date.parse(when.end),
      });
    });
    items.sort(function (a, b) {
      return a.start - b.start || a.end - b.end || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
    });
    items.forEach(function (a) {
      a.clashes = items.filter(function (b) {
        return b !== a && b.sessionId !== a.sessionId && a.start < b.end && b.start < a.end;
      });
    });
    return items;
  }

  /** When something happens in the conference's zone, as the pages write it (localizeTimes
   * then adds the visitor's own time): `when` has start, end and time, `session` the day. */
  function whenBox(when, session, zone) {
    var box = el("div", "cs-when");
    box.dataset.start = when.start;
    box.dataset.end = when.end;
    box.dataset.zone = zone;
    var conference = el("span", "cs-when__conference");
    var time = el("time", "", session.day + ", " + when.time);
    time.dateTime = when.start;
    conference.appendChild(time);
    var abbr = el("abbr", "cs-zone", session.abbr);
    abbr.title = zone;
    conference.appendChild(document.createTextNode(" "));
    conference.appendChild(abbr);
    box.appendChild(conference);
    return box;
  }

  function agendaEntry(item, data) {
    var session = item.session;
    var li = el("li", "cs-agenda__item" + (item.clashes.length ? " cs-clash" : ""));
    li.dataset.star = item.key;
    li.appendChild(whenBox(item.when, session, data.timezone));
    var what = el("div", "cs-agenda__what");
    what.appendChild(el("span", "cs-kind", item.paper ? t("Paper") : session.kind));
    what.appendChild(document.createTextNode(" "));
    var link = el("a", "cs-agenda__title", item.title);
    link.href = new URL(item.paper ? item.paper.path : session.path, edition()).href;
    what.appendChild(link);
    var details = [];
    if (item.paper) details.push(item.paper.authors, t("in {session}", { session: session.title }));
    if (session.room) details.push(session.room);
    what.appendChild(el("div", "cs-agenda__details", details.join(" \u00b7 ")));
    if (item.clashes.length) {
      what.appendChild(el("p", "cs-clash-note", t("Clashes with: {titles}", {
        titles: item.clashes.map(function (c) { return c.title; }).join("; "),
      })));
    }
    var button = el("button", "cs-star cs-star--icon");
    button.type = "button";
    button.dataset.star = item.key;
    button.dataset.starTitle = item.title;
    what.appendChild(button);
    li.appendChild(what);
    return li;
  }

  function renderAgenda(root) {
    var box = root.querySelector(".cs-agenda");
    if (!box) return;
    fetchAgenda().then(function (data) {
      var items = agendaItems(data);
      var list = box.querySelector(".cs-agenda__list");
      list.replaceChildren.apply(list, items.map(function (item) { return agendaEntry(item, data); }));
      box.querySelector(".cs-agenda__empty").hidden = items.length > 0;
      box.querySelector(".cs-agenda__actions").hidden = items.length === 0;
      var clashes = items.filter(function (i) { return i.clashes.length; }).length;
      box.dataset.count = String(items.length);
      box.dataset.clashes = String(clashes);
      localizeTimes(box);
      starButtons(box);
      var exporter = box.querySelector("button.cs-agenda-export");
      if (!exporter.dataset.ready) {
        exporter.dataset.ready = "1";
        exporter.addEventListener("click", function () {
          fetchAgenda().then(function (d) { download(agendaCalendar(d, agendaItems(d)), d); });
        });
      }
    }).catch(function (error) {
      box.querySelector(".cs-agenda__list").replaceChildren(
        el("li", "cs-notice", t("The schedule could not be loaded ({error}).", { error: error.message })));
    });
  }

  /* ---- .ics of the agenda (RFC 5545) ------------------------------------------------- */

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }

  function icsTime(iso) {
    return iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
  }

  // Lines longer than 75 octets are folded: CRLF and one space, never inside a character.
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var n = encoder.encode(ch).length;
      if (size + n > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function agendaCalendar(data, items) {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + data.prodid, "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + icsText(t("My agenda, {title}", { title: data.title })),
    ];
    items.forEach(function (item) {
      var s = item.session;
      var p = item.paper;
      var description = p
        ? [p.authors, t("Presented in {session}", { session: s.title }), "", p.url]
        : [s.kind].concat(s.papers.map(function (id) {
          return data.papers[id] ? "- " + data.papers[id].title : "";
        }).filter(Boolean), ["", s.url]);
      var event = p || s;  // a moved event carries its SEQUENCE and DTSTAMP, as the site's .ics
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + event.uid,
        "DTSTAMP:" + (event.dtstamp || data.dtstamp));
      if (event.sequence) lines.push("SEQUENCE:" + event.sequence);
      lines.push(
        "DTSTART:" + icsTime(item.when.start),
        "DTEND:" + icsTime(item.when.end),
        "SUMMARY:" + icsText(item.title),
        "LOCATION:" + icsText(s.location),
        "DESCRIPTION:" + icsText(description.join("\n")),
        "URL:" + (p ? p.url : s.url),
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function download(text, data) {
    var blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a");
    a.href = url;
    a.download = "my-agenda-" + data.title.toLowerCase().replace(/[^a-z0-9]+/g, "-") + ".ics";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /* ---- deadlines --------------------------------------------------------------------- */

  function countdown(ms) {
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    if (days >= 2) return t("{days} days {hours} h", { days: days, hours: hours });
    if (days === 1) return t("1 day {hours} h", { hours: hours });
    return t("{hours} h {minutes} min", { hours: hours, minutes: minutes % 60 });
  }

  function deadlines(root) {
    var now = Date.now();
    root.querySelectorAll("table.cs-dates").forEach(function (table) {
      var next = null;
      table.querySelectorAll("tr[data-deadline]").forEach(function (row) {
        var at = Date.parse(row.dataset.deadline);
        var past = at <= now;
        row.classList.toggle("cs-past", past);
        var cell = row.cells[row.cells.length - 1];
        var label = cell.querySelector(".cs-past-label");
        if (past && !label) {
          // The space sits outside the label, which is kept free of the line-through.
          label = el("span", "cs-past-label", t("(past)"));
          cell.append(" ", label);
        }
        if (!past && label) {
          label.previousSibling.remove();
          label.remove();
        }
        if (!past && (!next || at < next.at)) next = { at: at, row: row };
        row.classList.remove("cs-next-date");
      });
      var box = table.previousElementSibling;
      if (!box || !box.classList.contains("cs-countdown")) {
        box = el("p", "cs-countdown");
        table.parentNode.insertBefore(box, table);
      }
      if (!next) {
        box.textContent = t("All these dates have passed.");
        return;
      }
      next.row.classList.add("cs-next-date");
      var name = next.row.cells[0].textContent;
      var given = next.row.cells[next.row.cells.length - 1].querySelector("time").textContent;
      var when = new Date(next.at);
      var yours = dayLabel(when, undefined) + " " + clock(undefined).format(when);
      var text = t("Next: {name} in {countdown} ({given}; {yours} your time).", {
        name: name, countdown: countdown(next.at - now), given: given, yours: yours,
      });
      if (/\bAoE\b/.test(given)) {
        text += t(" AoE = Anywhere on Earth, UTC\u221212.");
      }
      box.textContent = text;
    });
  }

  /* ---- wiring ------------------------------------------------------------------------ */

  function page() {
    var root = document;
    localizeTimes(root);
    markNow(root);
    homeNow(root);
    zoneSwitch(root);
    jumpToNow(root);
    starButtons(root);
    renderAgenda(root);
    deadlines(root);
  }

  setInterval(function () {
    markNow(document);
    homeNow(document);
    deadlines(document);
  }, 60000);

  // Another tab starred something: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === starsKey()) {
      paintStars(document);
      renderAgenda(document);
    } else if (event.key === LEAD) {
      applyLead();
    }
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(page);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", page);
  } else {
    page();
  }
})();
