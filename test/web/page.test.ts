// The page as a document: self-contained, offline by its policy, the data and the script inline and unable to end
// their <script> early, whatever the scenario files hold.
import { describe, expect, it } from 'vitest';
import { CLASSROOM_CSP, classroomHtml, inlineScriptText } from '../../src/web/page.ts';
import { CLASSROOM_CSS } from '../../src/web/style.ts';

const data = {
  scenarios: { 'scenarios/a.yaml': 'name: a\ndescription: "</script><script>alert(1)</script> <!-- x"\n' },
  initial: 'scenarios/a.yaml',
};
const html = classroomHtml({ script: 'console.log("</script>")', data, title: 'Class <9>' });

describe('the classroom page', () => {
  it('is a complete English document with a charset, a blank icon and the policy', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CLASSROOM_CSP}">`);
    expect(CLASSROOM_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; worker-src blob:",
    );
    expect(html).toContain('<title>Class &lt;9&gt;</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('inlines the style, then the data, then the script, with a place for the app', () => {
    expect(html).toContain(`<style>${CLASSROOM_CSS}</style>`);
    const dataAt = html.indexOf('window.PARTNERSIM_CLASSROOM = ');
    const scriptAt = html.indexOf('console.log(');
    expect(html.indexOf('<div id="app">')).toBeGreaterThan(0);
    expect(dataAt).toBeGreaterThan(html.indexOf('<div id="app">'));
    expect(scriptAt).toBeGreaterThan(dataAt);
  });

  it('ends each script only where it should, and the data reads back as it was', () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!-- x');
    const json = html.slice(
      html.indexOf('window.PARTNERSIM_CLASSROOM = ') + 'window.PARTNERSIM_CLASSROOM = '.length,
      html.indexOf(';</script>'),
    );
    expect(json).toContain('<\\/script>');
    // The page reads it as JavaScript, where <\/ is </ and <\! is <!.
    expect(new Function(`return ${json}`)()).toEqual(data);
  });

  it('asks for nothing over the network', () => {
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('escapes text for an inline script', () => {
    expect(inlineScriptText('a</b<!--c')).toBe('a<\\/b<\\!--c');
  });
});
