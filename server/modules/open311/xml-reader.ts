/**
 * A strict reader for the element-only XML the GeoReport v2 API writes, used by its tests to read
 * answers as a client would: the declaration, elements without attributes, text with the five
 * named entities and numeric references. Anything else — a stray `<` or `&`, a mismatched or
 * unclosed tag, content after the root — is an error, so a badly escaped answer fails the test.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function readXml(source: string): XmlElement {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(source);
  if (!decl) throw new Error('no XML declaration with encoding utf-8');
  let at = decl[0].length;
  const fail = (why: string): never => { throw new Error(`${why} at ${at}: ${source.slice(at, at + 30)}`); };

  function text(): string {
    let out = '';
    while (at < source.length && source[at] !== '<') {
      if (source[at] === '&') {
        const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/.exec(source.slice(at));
        if (!m) fail('bare &');
        const ref = m![1]!;
        if (ref.startsWith('#x')) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
        else if (ref.startsWith('#')) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
        else if (ref in ENTITIES) out += ENTITIES[ref];
        else fail(`unknown entity &${ref};`);
        at += m![0].length;
      } else {
        if (source[at] === '>') fail('bare >');
        out += source[at];
        at++;
      }
    }
    return out;
  }

  function element(): XmlElement {
    if (source[at] !== '<') fail('expected <');
    at++;
    const name = NAME.exec(source.slice(at))?.[0] ?? fail('bad element name');
    at += name.length;
    if (source.startsWith('/>', at)) {
      at += 2;
      return { name, children: [], text: '' };
    }
    if (source[at] !== '>') fail(`attributes or junk in <${name}>`);
    at++;
    const children: XmlElement[] = [];
    let content = '';
    for (;;) {
      content += text();
      if (at >= source.length) fail(`<${name}> not closed`);
      if (source.startsWith('</', at)) {
        at += 2;
        if (!source.startsWith(`${name}>`, at)) fail(`</…> does not close <${name}>`);
        at += name.length + 1;
        break;
      }
      children.push(element());
    }
    if (children.length && content.trim()) fail(`text mixed with elements in <${name}>`);
    return { name, children, text: children.length ? '' : content };
  }

  const root = element();
  if (source.slice(at).trim()) fail('content after the root element');
  return root;
}

/** `<root><item><field>v</field>…</item>…</root>` as records of strings (an empty element is ''). */
export function recordsOf(root: XmlElement, item: string): Record<string, string>[] {
  return root.children.map((c) => {
    if (c.name !== item) throw new Error(`<${c.name}> where <${item}> was expected`);
    return Object.fromEntries(c.children.map((f) => [f.name, f.text]));
  });
}
