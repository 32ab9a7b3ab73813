// The operator's page: renders the overview and history pushed by the server, the room detail on demand, and
// runs the actions after a confirmation in the page's own dialog.
import { get, post, follow } from './api.js';
import { plot } from './charts.js';

let overview = null;
let openRoom = null; // { appId, gameId } shown in the detail panel

function el(tag, attributes, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) {
    if (k === 'onclick') {
      e.addEventListener('click', v);
    } else if (v !== undefined && v !== null && v !== false) {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children) {
    e.append(c instanceof Node ? c : document.createTextNode(c === undefined || c === null ? '' : String(c)));
  }
  return e;
}

function rows(tableId, items) {
  document.querySelector('#' + tableId + ' tbody').replaceChildren(...items);
}

const number = (v) => (v === undefined || v === null ? '–' : Number(v).toLocaleString('en'));
const bytes = (v) => (v >= 1048576 ? (v / 1048576).toFixed(1) + ' MB' : v >= 1024 ? (v / 1024).toFixed(1) + ' kB'
  : Math.round(v) + ' B');
const age = (ms) => (ms < 0 ? 'never' : ms < 1000 ? 'just now' : Math.round(ms / 1000) + ' s ago');

/** Asks in the page's dialog; resolves true when the operator confirms. */
function confirmAction(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

function noteActivity(text, failed) {
  const list = document.getElementById('activity');
  if (list.dataset.used !== 'yes') {
    list.replaceChildren();
    list.dataset.used = 'yes';
  }
  list.prepend(el('li', { class: failed ? 'state-Offline' : '' }, new Date().toLocaleTimeString() + ' ' + text));
}

async function act(question, path, query, done) {
  if (!(await confirmAction(question))) {
    return;
  }
  try {
    const answer = await post(path, query);
    noteActivity(done + ' (' + answer.result + ')');
    if (path === 'room/close' && openRoom && openRoom.appId === query.appId && openRoom.gameId === query.gameId) {
      openRoom = null; // the detail of a closed room is gone with it
      renderRoom();
    }
  } catch (e) {
    noteActivity(done + ' failed: ' + e.message, true);
  }
  refresh();
}

function renderCards(o) {
  const t = o.node.traffic;
  document.getElementById('card-ccu').textContent = number(o.master ? o.master.ccu : o.node.peers);
  document.getElementById('card-rooms').textContent = number(o.master ? o.master.rooms : null);
  document.getElementById('card-msgs').textContent = number(t.messagesPerSecond);
  document.getElementById('card-bytes').textContent = bytes(t.bytesInPerSecond) + ' / ' + bytes(t.bytesOutPerSecond);
  document.getElementById('card-cpu').textContent = t.cpuPercent.toFixed(1) + ' %';
  document.getElementById('node').textContent = o.node.nodeId + ' · roles ' + o.node.roles + ' · ' + o.node.version
    + ' · ' + o.node.publicUrl;
}

function trafficCells(t) {
  return t ? [el('td', {}, t.cpuPercent.toFixed(1) + ' %'), el('td', {}, number(t.messagesPerSecond)),
    el('td', {}, bytes(t.bytesInPerSecond) + ' / ' + bytes(t.bytesOutPerSecond))]
    : [el('td', { class: 'muted' }, '–'), el('td', { class: 'muted' }, '–'), el('td', { class: 'muted' }, '–')];
}

function renderCluster(o) {
  const items = [];
  const roles = o.node.roles.toLowerCase();
  if (roles.includes('ns') || roles.includes('name') || roles.includes('all')) {
    items.push(el('tr', { 'data-role': 'nameserver' }, el('td', {}, 'Name server'), el('td', {}, o.node.nodeId),
      el('td', { class: 'state-Normal' }, 'running'), el('td'), el('td'), el('td'), ...trafficCells(null),
      el('td'), el('td')));
  }
  if (o.master) {
    items.push(el('tr', { 'data-role': 'master' }, el('td', {}, 'Master'), el('td', {}, o.node.nodeId),
      el('td', { class: 'state-Normal' }, 'running'), el('td'), el('td', {}, number(o.master.peers)),
      el('td', {}, number(o.master.rooms)), ...trafficCells(null), el('td'), el('td')));
  }
  for (const s of o.servers || []) {
    let action = el('td');
    if (s.local) {
      const out = s.state === 'Normal';
      action = el('td', {}, el('button', {
        class: out ? 'danger rotation' : 'rotation',
        onclick: () => act((out ? 'Take game server ' + s.serverId + ' out of rotation (no new rooms)?'
          : 'Put game server ' + s.serverId + ' back into rotation?'), 'game-server/rotation',
        { state: out ? 'OutOfRotation' : 'Normal' }, (out ? 'out of rotation: ' : 'back in rotation: ') + s.serverId),
      }, out ? 'Out of rotation' : 'Back in rotation'));
    }
    const state = s.connected ? s.state + (s.leaving ? ' (leaving)' : '') : 'disconnected';
    items.push(el('tr', { 'data-role': 'gameserver', 'data-server': s.serverId },
      el('td', {}, 'Game server'), el('td', { class: 'wrap' }, s.serverId, el('br'),
        el('span', { class: 'muted' }, s.address)),
      el('td', { class: 'state-' + (s.connected ? s.state : 'Offline') }, state), el('td', {}, s.loadLevel),
      el('td', {}, number(s.peers)), el('td', {}, number(s.rooms)), ...trafficCells(s.traffic),
      el('td', {}, age(s.lastReportAgeMillis)), action));
  }
  if (!items.length) {
    items.push(el('tr', {}, el('td', { colspan: 11, class: 'muted' }, 'this node runs no master')));
  }
  rows('cluster', items);
}

function renderApps(o) {
  const items = [];
  for (const a of o.applications || []) {
    const lobbies = a.lobbies.length ? a.lobbies : [{ name: '', type: 0, games: 0, members: 0 }];
    lobbies.forEach((l, i) => items.push(el('tr', { 'data-app': a.appId },
      el('td', {}, i === 0 ? a.appId : ''), el('td', {}, i === 0 ? a.appVersion : ''),
      el('td', {}, l.name === '' ? '(default)' : l.name), el('td', {}, l.type), el('td', {}, number(l.games)),
      el('td', {}, i === 0 ? number(a.playersInGames) + ' in games, ' + number(a.peersOnMaster) + ' on master' : ''))));
  }
  if (!items.length) {
    items.push(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'no applications yet')));
  }
  rows('apps', items);
}

function renderRooms(o) {
  const items = [];
  for (const r of o.busiestRooms || []) {
    const players = r.activePlayers + (r.inactivePlayers ? ' (+' + r.inactivePlayers + ' inactive)' : '')
      + (r.maxPlayers ? ' / ' + r.maxPlayers : '');
    const buttons = el('td');
    if (r.local) {
      buttons.append(el('button', { class: 'details', onclick: () => showRoom(r.appId, r.gameId) }, 'Details'), ' ',
        el('button', {
          class: 'danger close-room',
          onclick: () => act('Close room "' + r.gameId + '"? Its ' + r.activePlayers + ' players are disconnected.',
            'room/close', { appId: r.appId, gameId: r.gameId }, 'closed room ' + r.gameId),
        }, 'Close'));
    }
    items.push(el('tr', { 'data-room': r.gameId }, el('td', { class: 'wrap' }, r.gameId),
      el('td', {}, r.appId + ' ' + r.appVersion), el('td', {}, r.serverId), el('td', {}, players),
      el('td', {}, r.open ? 'yes' : 'no'), buttons));
  }
  if (!items.length) {
    items.push(el('tr', { class: 'empty' }, el('td', { colspan: 6, class: 'muted' }, 'no rooms')));
  }
  rows('rooms', items);
}

async function showRoom(appId, gameId) {
  openRoom = { appId, gameId };
  await renderRoom();
  document.getElementById('room-detail').scrollIntoView({ behavior: 'smooth' });
}

async function renderRoom() {
  const panel = document.getElementById('room-detail');
  if (!openRoom) {
    panel.hidden = true;
    return;
  }
  const { appId, gameId } = openRoom;
  let r;
  try {
    r = await get('room', { appId, gameId });
  } catch (e) {
    document.getElementById('room-title').textContent = gameId + ' — ' + e.message;
    document.getElementById('room-facts').replaceChildren();
    rows('actors', []);
    rows('room-properties', []);
    panel.hidden = false;
    return;
  }
  panel.hidden = false;
  document.getElementById('room-title').textContent = r.gameId;
  const fact = (k, v) => el('span', {}, k + ' ', el('b', {}, v));
  document.getElementById('room-facts').replaceChildren(fact('application', r.appId + ' ' + r.appVersion),
    fact('lobby', (r.lobbyName || '(default)') + ' / ' + r.lobbyType), fact('plugin', r.plugin),
    fact('actors', r.activeActors + ' active of ' + r.actors.length), fact('max players', r.maxPlayers || '∞'),
    fact('open', r.open ? 'yes' : 'no'), fact('visible', r.visible ? 'yes' : 'no'),
    fact('master client', r.masterClientId), fact('event cache', r.cachedEvents + ' events, slice ' + r.cacheSlice),
    fact('player TTL', r.playerTtl + ' ms'), fact('empty room TTL', r.emptyRoomTtl + ' ms'),
    fact('persistent', r.persistent ? 'yes' : 'no'));
  rows('actors', r.actors.map((a) => el('tr', { 'data-actor': a.actorNr }, el('td', {}, a.actorNr),
    el('td', {}, a.userId), el('td', {}, a.nickname), el('td', { class: a.active ? 'state-Normal' : 'muted' },
      a.active ? 'active' : 'inactive'),
    el('td', { class: 'wrap' }, Object.entries(a.properties).map(([k, v]) => k + '=' + v).join(', ')),
    el('td', {}, el('button', {
      class: 'danger remove-actor',
      onclick: () => act('Remove actor ' + a.actorNr + ' (' + a.userId + ') from room "' + r.gameId + '"?',
        'room/remove-actor', { appId: r.appId, gameId: r.gameId, actorNr: a.actorNr },
        'removed actor ' + a.actorNr + ' from ' + r.gameId),
    }, 'Remove')))));
  rows('room-properties', Object.entries(r.properties).map(([k, v]) => el('tr', {}, el('th', {}, k),
    el('td', { class: 'wrap' }, v))));
}

function renderOverview(o) {
  overview = o;
  renderCards(o);
  renderCluster(o);
  renderApps(o);
  renderRooms(o);
  document.body.dataset.updated = String(o.time);
}

function renderHistory(h) {
  plot('chart-ccu', 'CCU', '#2f6fde', h.times, h.series.ccu);
  plot('chart-rooms', 'Rooms', '#1c8a4a', h.times, h.series.rooms);
  plot('chart-msgs', 'Messages/s', '#c77700', h.times, h.series.messagesPerSecond);
}

async function refresh() {
  try {
    renderOverview(await get('overview'));
    if (openRoom) {
      await renderRoom();
    }
  } catch (e) {
    console.warn('dashboard refresh', e);
  }
}

function setLive(live) {
  const badge = document.getElementById('live');
  badge.textContent = live ? 'live' : 'offline';
  badge.className = 'badge ' + (live ? 'live' : 'stale');
}

async function start() {
  document.getElementById('room-hide').addEventListener('click', () => {
    openRoom = null;
    renderRoom();
  });
  await refresh();
  try {
    renderHistory(await get('history'));
  } catch (e) {
    console.warn('dashboard history', e);
  }
  follow((name, data) => {
    if (name === 'overview') {
      renderOverview(data);
      if (openRoom) {
        renderRoom();
      }
    } else if (name === 'history') {
      renderHistory(data);
    }
  }, setLive);
}

start();
