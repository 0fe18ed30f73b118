/*
 * Live push (server-sent events through the gateway, GET /api/notifications/stream): a unit's inbox and unread
 * count update the moment a task is dispatched to it, without reloading. EventSource cannot send the bearer token,
 * so the stream is read with fetch; it reconnects with growing pauses when the network or the service drops it.
 */
import { session, tokenValid, hasRole } from './session.js';
import { say } from './components.js';
import { countUnread } from './views/inbox.js';

let started = false;

export function startLivePush() {
  if (started) return;
  started = true;
  let pause = 1000;
  const connect = async () => {
    if (tokenValid() && hasRole('department')) {
      try {
        const response = await fetch('/api/notifications/stream', {
          headers: { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' }, cache: 'no-store',
        });
        if (response.ok && response.body) {
          pause = 1000;
          await read(response.body.getReader());
        }
      } catch (e) {
        /* no network or no service: try again after the pause */
      }
    }
    setTimeout(connect, pause);
    pause = Math.min(pause * 2, 60000);
  };
  connect();
}

async function read(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      received(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

function received(block) {
  const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
  if (!data) return;
  let notice;
  try { notice = JSON.parse(data); } catch (e) { return; }
  countUnread();
  window.dispatchEvent(new CustomEvent('cityloop:notice', { detail: notice }));
  if (notice.title) say(notice.title + (notice.message ? '：' + notice.message : ''), 'info');
}
