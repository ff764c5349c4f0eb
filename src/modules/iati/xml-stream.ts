// Reads an XML document start tag by start tag (saxes), keeping in memory only the elements a
// caller asks for, one subtree at a time: an IATI file of 20,000 activities is read holding one
// activity, never the whole tree. Every element gets a path with its position among its
// same-named siblings (`/iati-activities/iati-activity[2]/budget[1]`) and the line of its start tag.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** As written, with its prefix (`xml:lang` for attributes; `ex:foo` for an extension element). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The text directly inside the element (entities resolved, CDATA included). */
  text: string;
  line: number;
  path: string;
}

export interface XmlStreamHandlers {
  /** Whether to keep the element opened here, at this depth (the root is at 0), with all it holds. */
  keep?(name: string, depth: number): boolean;
  /** A kept element, once its end tag is read. */
  onKept?(node: XmlNode): void;
  /** The root element as soon as its start tag is read (attributes, no children). */
  onRoot?(node: XmlNode): void;
  /** Every start tag, with the lines where it begins and ends (libxml2 names either, by case). */
  onStart?(name: string, path: string, firstLine: number, lastLine: number): void;
}

export interface XmlStreamError {
  line: number;
  message: string;
}

interface Frame {
  path: string;
  counts: Map<string, number>;
  node: XmlNode | null;
  kept: boolean;
}

const CHUNK = 1 << 20;

/** Reads the whole document; returns its first well-formedness error (saxes stops there), else null. */
export function streamXml(xml: string | Uint8Array, handlers: XmlStreamHandlers): XmlStreamError | null {
  const parser = new SaxesParser({ position: true });
  const stack: Frame[] = [];
  let startLine = 1;
  let failure: XmlStreamError | null = null;

  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    const position = (parent?.counts.get(tag.name) ?? 0) + 1;
    parent?.counts.set(tag.name, position);
    const path = parent ? `${parent.path}/${tag.name}[${position}]` : `/${tag.name}`;
    handlers.onStart?.(tag.name, path, startLine, parser.line);
    const attrs = { ...(tag.attributes as Record<string, string>) };
    const inKept = Boolean(parent?.node);
    const kept = !inKept && (handlers.keep?.(tag.name, stack.length) ?? false);
    const node: XmlNode | null = inKept || kept ? { name: tag.name, attrs, children: [], text: '', line: startLine, path } : null;
    if (node && inKept) parent!.node!.children.push(node);
    if (!parent) handlers.onRoot?.({ name: tag.name, attrs, children: [], text: '', line: startLine, path });
    stack.push({ path, counts: new Map(), node, kept });
  });
  const addText = (text: string) => {
    const node = stack.at(-1)?.node;
    if (node) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (frame?.kept && frame.node) handlers.onKept?.(frame.node);
  });
  parser.on('error', (error) => {
    // saxes would go on after an error; the first one is what the reader reports.
    failure = { line: parser.line, message: error.message.replace(/^[^:]*:\d+:\d+: /, '') };
    throw failure;
  });

  try {
    if (typeof xml === 'string') {
      for (let at = 0; at < xml.length; at += CHUNK) parser.write(xml.slice(at, at + CHUNK));
    } else {
      const decoder = new TextDecoder('utf-8');
      for (let at = 0; at < xml.byteLength; at += CHUNK) parser.write(decoder.decode(xml.subarray(at, at + CHUNK), { stream: true }));
      parser.write(decoder.decode());
    }
    parser.close();
  } catch (error) {
    if (error !== failure) throw error;
  }
  return failure;
}

/** The element children of a node with this name (unprefixed IATI elements only when unprefixed). */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}
