import { describe, expect, it } from 'vitest';
import { decodeBase64, idsHiddenByScript, pieceAt, scriptMarkup, scriptStrings, unescapePercent } from '../../../src/rules/link/helpers/script-strings.js';

// src/rules/link/helpers/script-strings.ts: what inline scripts would write, read without running them.

describe('scriptStrings', () => {
  it('decodes JS escapes in all three quote styles and skips comments', () => {
    const code = `// "no"\n/* 'no' */ var a = "\\u6fb3\\x3c\\n"; var b = '\\'q\\''; var c = \`t\${x}u\`; var d = "\\u{1F600}";`;
    expect(scriptStrings(code).map((s) => [s.text, s.encoding])).toEqual([
      ['澳<\n', 'escapes'],
      ["'q'", 'escapes'],
      ['tu', 'literal'],
      ['😀', 'escapes'],
    ]);
  });

  it('decodes through atob, unescape, decodeURIComponent and their nesting', () => {
    const utf8 = Buffer.from('<a href="x">澳门</a>').toString('base64');
    const code = `atob("${utf8}"); unescape('%3Ca%3E%u4E2D'); decodeURIComponent("%E6%BE%B3"); decodeURIComponent(escape(atob("${utf8}")))`;
    expect(scriptStrings(code).map((s) => [s.text, s.encoding])).toEqual([
      ['<a href="x">澳门</a>', 'atob'],
      ['<a>中', 'unescape'],
      ['澳', 'uri'],
      ['<a href="x">澳门</a>', 'uri'],
    ]);
    // The range covers the whole decoding call.
    const [first] = scriptStrings(code);
    expect(code.slice(first!.start, first!.end)).toBe(`atob("${utf8}")`);
  });

  it('decodes String.fromCharCode with numeric arguments only', () => {
    expect(scriptStrings('String.fromCharCode(60, 0x61, 62)').map((s) => s.text)).toEqual(['<a>']);
    expect(scriptStrings('String.fromCharCode(x, 60)')).toEqual([]);
  });

  it('decodes encoded markup kept in a variable when the script calls the decoder', () => {
    expect(scriptStrings("var s='%3Ca%20href%3D%22x%22%3E'; document.write(unescape(s));")[0]?.text).toBe('<a href="x">');
    expect(scriptStrings("var s='%3Ca%3E';")[0]?.text).toBe('%3Ca%3E');
  });

  it('joins pieces and maps offsets back', () => {
    const m = scriptMarkup(`document.write("<a hr" + 'ef="x">y</a>')`);
    expect(m.text).toBe('<a href="x">y</a>');
    expect(pieceAt(m, 6)?.text).toBe('ef="x">y</a>');
    expect(pieceAt(m, 0)?.text).toBe('<a hr');
  });

  it('is safe on hostile input', () => {
    expect(() => scriptStrings('"' + '\\'.repeat(100_001))).not.toThrow();
    expect(() => scriptStrings('`${'.repeat(50_000))).not.toThrow();
    expect(decodeBase64('not base64!')).toBeUndefined();
    expect(decodeBase64('QQ')).toBe('A');
    expect(unescapePercent('%zz%41')).toBe('%zzA');
  });
});

describe('idsHiddenByScript', () => {
  it('finds getElementById(...).style and jQuery hides', () => {
    const code = `document.getElementById("a1").style.display = 'none'; document.getElementById('b2').style.visibility="hidden"; $("#c3").hide(); $('#d4').css('display','none'); document.getElementById('e5').style.display='block'; document.getElementById('f6').style.cssText = 'position:absolute;display:none';`;
    expect([...idsHiddenByScript(code)].sort()).toEqual(['a1', 'b2', 'c3', 'd4', 'f6']);
  });
});

describe('packed scripts (eval(function(p,a,c,k,e,d)…))', () => {
  it('unpacks statically and maps every string to the whole eval call', () => {
    const packed = `eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};return p}('0("<1 2=\\\\"3\\\\">4</1>")',62,5,'w|a|href|x|y'.split('|'),0,{}))`;
    const strings = scriptStrings(`var z = 1; ${packed}; var after = "tail";`);
    expect(strings.map((s) => [s.text, s.encoding])).toEqual([
      ['<a href="x">y</a>', 'packed'],
      ['tail', 'literal'],
    ]);
    const code = `var z = 1; ${packed}; var after = "tail";`;
    expect(code.slice(strings[0]!.start, strings[0]!.end)).toBe(packed);
  });
  it('leaves a malformed packer alone', () => {
    expect(() => scriptStrings("eval(function(p,a,c,k,e,d){}('unterminated")).not.toThrow();
    expect(() => scriptStrings("eval(function(p,a,c,k,e,r){}('x',99999,5,'a'.split('|'),0,{}))")).not.toThrow();
  });
});
