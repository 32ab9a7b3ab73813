// The admin API as the dashboard uses it. When browser sign-in is configured (photon.admin.clientId), the gate
// servlet answers /dashboard/session with the operator's access token, sent as the bearer token of every call.
// Without sign-in that path does not exist and calls rely on the admin API's own rule (loopback callers), so the
// page asks for the session only once the API wants a token (401).
const base = new URL('../api/admin/dashboard/', location.href);
let token = null;

export async function signIn() {
  try {
    const answer = await fetch(new URL('session', location.href), { credentials: 'same-origin' });
    if (answer.ok && (answer.headers.get('content-type') || '').includes('json')) {
      const session = await answer.json();
      token = session.accessToken || null;
      return token;
    }
  } catch (e) {
    // no sign-in configured
  }
  return null;
}

function headers() {
  return token ? { Authorization: 'Bearer ' + token } : {};
}

async function call(method, path, query) {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(query || {})) {
    url.searchParams.set(k, v);
  }
  let answer = await fetch(url, { method, headers: headers(), credentials: 'same-origin' });
  if (answer.status === 401 && !token && await signIn()) {
    answer = await fetch(url, { method, headers: headers(), credentials: 'same-origin' });
  }
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) {
    throw new Error(body.error || answer.status + ' ' + answer.statusText);
  }
  return body;
}

export const get = (path, query) => call('GET', path, query);
export const post = (path, query) => call('POST', path, query);

/**
 * Follows the server-sent events stream. Read with fetch rather than EventSource so the bearer token can go in a
 * header; reconnects after a pause when the stream ends.
 */
export function follow(onEvent, onState) {
  const connect = async () => {
    try {
      const answer = await fetch(new URL('events', base), {
        headers: { ...headers(), Accept: 'text/event-stream' }, credentials: 'same-origin', cache: 'no-store' });
      if (!answer.ok || !answer.body) {
        throw new Error('events: ' + answer.status);
      }
      onState(true);
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end), onEvent);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      console.warn('dashboard events', e);
    }
    onState(false);
    setTimeout(connect, 3000);
  };
  connect();
}

function dispatch(frame, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length) {
    try {
      onEvent(name, JSON.parse(data.join('\n')));
    } catch (e) {
      console.warn('dashboard event', name, e);
    }
  }
}
