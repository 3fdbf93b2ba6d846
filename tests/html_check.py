#!/usr/bin/env python3
"""tests/html_check.py - render HTML pages in headless Chromium and check them.

usage: html_check.py CHROMIUM OUTDIR PAGE.html...

Drives Chromium over the DevTools protocol (--remote-debugging-pipe: JSON
messages ending in NUL on file descriptors 3 and 4).  Every page is shown at
two widths (1280 and 390 CSS pixels) in both colour schemes
(prefers-color-scheme light and dark, emulated).  For each, a script run in
the page by this test (never part of the page) measures the boxes:

  - the page is not wider than the window (nothing pushes it sideways);
  - no element's text overflows its box, unless the element scrolls;
  - chart labels (x and y tick labels) never overlap one another;
  - no date or period label (2026-05-01, 2026-05, 2026-Q2, 2026-W19) is
    broken over two lines;
  - the body's background follows the colour scheme;

and the screenshot (PNG, decoded here) must not be blank: some pixels
differ from the background, in more than two colours.  Screenshots are
written to OUTDIR.  Prints one "ok" or "FAIL" line per page and setting and
exits 1 if any failed.
"""
import base64
import json
import os
import struct
import subprocess
import sys
import zlib

MEASURE = r"""
(() => {
  const bad = [];
  const W = window.innerWidth;
  const scrolls = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() +
    (el.className && typeof el.className === 'string' ?
     '.' + el.className.split(' ').join('.') : '') +
    ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  if (document.documentElement.scrollWidth > W + 1)
    bad.push('page is ' + document.documentElement.scrollWidth +
             'px wide in a ' + W + 'px window');
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.display === 'inline') continue;
    const hasText = [...el.childNodes].some(
      n => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!hasText) continue;
    if (cs.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0)
      bad.push('text overflows its box: ' + name(el) + ' (' +
               el.scrollWidth + ' > ' + el.clientWidth + ')');
    const r = el.getBoundingClientRect();
    if (!scrolls(el) && r.width > 0 && (r.right > W + 1 || r.left < -1))
      bad.push('text outside the window: ' + name(el));
  }
  /* labels of each chart: visible boxes must not intersect */
  let nlabels = 0;
  for (const fig of document.querySelectorAll('figure')) {
    const boxes = [];
    for (const l of fig.querySelectorAll('.ch-x, .ch-yl, .ch-yr, text')) {
      if (getComputedStyle(l).display === 'none') continue;
      const r = l.getBoundingClientRect();
      if (r.width === 0) continue;
      boxes.push([l, r]);
    }
    nlabels += boxes.length;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i][1], b = boxes[j][1];
        if (a.left < b.right && b.left < a.right &&
            a.top < b.bottom && b.top < a.bottom)
          bad.push('labels overlap in #' + fig.id + ': "' +
                   boxes[i][0].textContent + '" and "' +
                   boxes[j][0].textContent + '"');
      }
  }
  /* dates on one line */
  const walk = document.createTreeWalker(document.body,
                                         NodeFilter.SHOW_TEXT);
  let ndates = 0;
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const re = /\b\d{4}-(\d{2}-\d{2}|\d{2}|Q\d|W\d{2})\b/g;
    let m;
    while ((m = re.exec(n.textContent)) !== null) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      const tops = new Set(rects.map(r => Math.round(r.top)));
      if (rects.length === 0) continue;
      ndates++;
      if (tops.size > 1)
        bad.push('date broken over lines: ' + m[0]);
    }
  }
  const bg = getComputedStyle(document.body).backgroundColor;
  return JSON.stringify({bad, nlabels, ndates, bg,
                         dark: matchMedia('(prefers-color-scheme: dark)')
                                 .matches});
})()
"""


class Browser:
    def __init__(self, exe):
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()

        def child():
            # fresh copies first: the pipe may already sit on 3 or 4
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)  # dup2 makes the target inheritable
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, '--headless', '--no-sandbox', '--disable-gpu',
             '--hide-scrollbars', '--no-first-run', '--no-default-browser-check',
             '--remote-debugging-pipe', '--user-data-dir=' +
             os.environ.get('HTML_CHECK_PROFILE', '/tmp/html-check-profile'),
             'about:blank'],
            close_fds=False, preexec_fn=child,
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(os.environ.get("TMPDIR", "/tmp"), "html-check-chromium.log"), "w"))
        os.close(to_r)
        os.close(from_w)
        self.w = os.fdopen(to_w, 'wb', buffering=0)
        self.r = os.fdopen(from_r, 'rb', buffering=0)
        self.buf = b''
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session and self.session:
            msg['sessionId'] = self.session
        self.w.write(json.dumps(msg).encode() + b'\0')
        while True:
            m = self.read()
            if m.get('id') == self.next_id:
                if 'error' in m:
                    raise RuntimeError('%s: %s' % (method, m['error']))
                return m.get('result', {})

    def read(self):
        while b'\0' not in self.buf:
            chunk = self.r.read(1 << 16)
            if not chunk:
                raise RuntimeError('chromium closed the pipe')
            self.buf += chunk
        msg, self.buf = self.buf.split(b'\0', 1)
        return json.loads(msg)

    def wait_event(self, name):
        while True:
            m = self.read()
            if m.get('method') == name:
                return m

    def close(self):
        try:
            self.send('Browser.close', session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def png_pixels(data):
    """RGBA or RGB rows of a non-interlaced 8-bit PNG."""
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB',
                                                                body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    assert depth == 8 and interlace == 0 and ctype in (2, 6)
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def blank(png):
    w, h, bpp, rows = png_pixels(png)
    bg = rows[0][:3]
    differ, colours = 0, set()
    for row in rows[::2]:
        for x in range(0, w * bpp, bpp * 2):
            px = row[x:x + 3]
            if px != bg:
                differ += 1
                if len(colours) < 64:
                    colours.add(px)
    sampled = (h + 1) // 2 * ((w + 1) // 2)
    return differ < sampled * 0.005 or len(colours) < 3, bg


def main():
    exe, outdir, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    b = Browser(exe)
    failed = 0
    try:
        t = b.send('Target.createTarget', {'url': 'about:blank'},
                   session=False)
        s = b.send('Target.attachToTarget',
                   {'targetId': t['targetId'], 'flatten': True},
                   session=False)
        b.session = s['sessionId']
        b.send('Page.enable')
        for page in pages:
            for width in (1280, 390):
                for scheme in ('light', 'dark'):
                    b.send('Emulation.setDeviceMetricsOverride',
                           {'width': width, 'height': 1000,
                            'deviceScaleFactor': 1, 'mobile': False})
                    b.send('Emulation.setEmulatedMedia',
                           {'features': [{'name': 'prefers-color-scheme',
                                          'value': scheme}]})
                    b.send('Page.navigate',
                           {'url': 'file://' + os.path.abspath(page)})
                    b.wait_event('Page.loadEventFired')
                    r = b.send('Runtime.evaluate',
                               {'expression': MEASURE,
                                'returnByValue': True})
                    res = json.loads(r['result']['value'])
                    shot = b.send('Page.captureScreenshot',
                                  {'format': 'png'})
                    png = base64.b64decode(shot['data'])
                    name = '%s-%d-%s.png' % (
                        os.path.basename(page).rsplit('.', 1)[0], width,
                        scheme)
                    with open(os.path.join(outdir, name), 'wb') as f:
                        f.write(png)
                    bad = list(res['bad'])
                    is_blank, bg = blank(png)
                    if is_blank:
                        bad.append('the screenshot is blank')
                    light_bg = sum(bg) / 3 > 128
                    if res['dark'] != (scheme == 'dark'):
                        bad.append('prefers-color-scheme not applied')
                    elif light_bg != (scheme == 'light'):
                        bad.append('background %s in the %s scheme' %
                                   (res['bg'], scheme))
                    what = '%s at %dpx, %s (%d labels, %d dates)' % (
                        os.path.basename(page), width, scheme,
                        res['nlabels'], res['ndates'])
                    if bad:
                        failed += 1
                        print('FAIL %s:' % what)
                        for x in bad[:15]:
                            print('    ' + x)
                    else:
                        print('ok %s' % what)
    finally:
        b.close()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
