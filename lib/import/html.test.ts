import { afterEach, describe, expect, it } from 'vitest';
import { articleFromHtml } from './html';

const PARAGRAPHS = [
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, an Iran-backed militia group said, in the latest escalation between Washington and groups it blames for attacks on its troops.',
  'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar, south of Baghdad. Two Iraqi security officials put the number of dead at eight, and said several more were wounded in the strikes.',
  'The US Central Command said its forces conducted discrete, precision strikes against two facilities in Iraq, in a statement on X, previously Twitter, adding that the strikes were a direct response to attacks.',
];

// A page as a browser saves it: chrome around the article, metadata in the head,
// and scripts that would set a global and add a paragraph to the article if they ran
// (jsdom would give them its own window as global, so the paragraph is the trace that
// the test can see).
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>US strikes kill five militiamen in Iraq | The National</title>
  <meta property="og:site_name" content="The National">
  <meta property="og:title" content="US strikes kill five militiamen in Iraq">
  <meta property="article:published_time" content="2023-11-22T07:45:00+04:00">
  <link rel="canonical" href="https://www.thenationalnews.com/mena/iraq/2023/11/22/us-strikes/">
  <link rel="stylesheet" href="https://www.thenationalnews.com/styles.css">
  <style>.ad { display: block } body::after { content: "STYLE TEXT" }</style>
  <script>globalThis.__crosscheckScriptRan = true;</script>
</head>
<body>
  <header>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="ad">Advertisement</div>
  <main>
    <article>
      <h1>US strikes kill five militiamen in Iraq</h1>
      <p class="byline">By Jane Reporter</p>
      <p>${PARAGRAPHS[0]}</p>
      <p>Kataib Hezbollah said   five of its fighters
         were killed in <a href="/jurf" onclick="alert(1)">Jurf Al Sakhar</a>, south of Baghdad. Two Iraqi security officials put the number of dead at eight, and said several more were wounded in the strikes.</p>
      <p>${PARAGRAPHS[2]}</p>
      <script>
        globalThis.__crosscheckScriptRan = true;
        var p = document.createElement('p');
        p.textContent = 'INJECTED BY SCRIPT: ' + '${PARAGRAPHS[1]}';
        document.currentScript.parentNode.appendChild(p);
      </script>
    </article>
  </main>
  <footer><p>© 2023 The National. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <img src="https://tracker.example/pixel.gif" onerror="globalThis.__crosscheckScriptRan = true">
</body>
</html>`;

const globals = globalThis as { __crosscheckScriptRan?: boolean };

afterEach(() => {
  delete globals.__crosscheckScriptRan;
});

describe('articleFromHtml', () => {
  it('keeps the article text with its paragraphs and the page metadata, and nothing else', () => {
    const { article, problems } = articleFromHtml(PAGE, 'us-strikes.html');
    expect(problems).toEqual([]);
    expect(article).toEqual({
      title: 'US strikes kill five militiamen in Iraq',
      source: 'The National',
      url: 'https://www.thenationalnews.com/mena/iraq/2023/11/22/us-strikes/',
      publishedOn: '2023-11-22',
      text: PARAGRAPHS.join('\n\n'),
      annotations: [],
      origin: { file: 'us-strikes.html', line: null },
    });
  });

  it('runs no script from the page', () => {
    const { article } = articleFromHtml(PAGE, 'us-strikes.html');
    expect(globals.__crosscheckScriptRan).toBeUndefined();
    for (const trace of ['INJECTED', '__crosscheck', 'addEventListener', 'STYLE TEXT', 'alert', 'Advertisement', 'Home', 'Privacy']) {
      expect(article?.text).not.toContain(trace);
    }
  });

  it('gives no URL without a canonical link, and no date without a valid one', () => {
    const page = PAGE.replace(/<link rel="canonical"[^>]*>/, '').replace('2023-11-22T07:45:00+04:00', '2023-13-45');
    const { article } = articleFromHtml(page, 'saved.html');
    expect(article?.url).toBeUndefined();
    expect(article?.publishedOn).toBeUndefined();
    expect(article?.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('keeps line breaks inside a paragraph and the lines of <pre>', () => {
    const page = `<html><head><title>Statement</title></head><body><article>
      <p>${PARAGRAPHS[0]}</p>
      <blockquote><p>We will respond.<br>  At a time of our choosing.</p></blockquote>
      <pre>Killed   5
Wounded  8</pre>
      <ul><li>${PARAGRAPHS[1]}</li><li>${PARAGRAPHS[2]}</li></ul>
    </article></body></html>`;
    const { article, problems } = articleFromHtml(page, 'statement.html');
    expect(problems).toEqual([]);
    expect(article?.text).toBe(
      [PARAGRAPHS[0], 'We will respond.\nAt a time of our choosing.', 'Killed   5\nWounded  8', PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n'),
    );
  });

  it('reports a page without an article', () => {
    expect(articleFromHtml('<html><head><title>Empty</title></head><body></body></html>', 'empty.html')).toEqual({
      problems: [{ file: 'empty.html', line: null, message: 'no article found on the page' }],
    });
  });
});

describe('articleFromHtml titles', () => {
  it('drops the outlet name a page title ends with', () => {
    const html = `<html><head><title>Strike report | Example News</title><meta property="og:site_name" content="Example News"></head>
      <body><article><p>Officials said three fighters were killed in the strike on Tuesday near the border crossing.</p>
      <p>A militia spokesman said later that five fighters had been wounded in the same attack on the crossing.</p>
      <p>Neither figure could be verified independently by reporters who reached the scene later that day.</p></article></body></html>`;
    expect(articleFromHtml(html, 'strike.html').article?.title).toBe('Strike report');
  });
});
