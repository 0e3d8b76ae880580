/**
 * Highlighting for finished code blocks, loaded only when an answer has a code block with a
 * language. lowlight runs highlight.js's grammars and hands back a tree of tokens; the tree
 * becomes spans and text nodes here, so the code is only ever text (highlight.js's HTML string
 * is never used). Colours come from theme.css through the `hljs-…` classes (markdown.css).
 */
import type { ElementContent } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';

/** The languages answers use most; a block in any other stays plain. */
const lowlight = createLowlight({
  bash,
  c,
  cpp,
  csharp,
  css,
  diff,
  dockerfile,
  go,
  ini,
  java,
  javascript,
  json,
  kotlin,
  markdown,
  php,
  powershell,
  python,
  ruby,
  rust,
  shell,
  sql,
  swift,
  typescript,
  xml,
  yaml,
});

function toNode(doc: Document, node: ElementContent): Node {
  if (node.type === 'text') return doc.createTextNode(node.value);
  if (node.type !== 'element') return doc.createTextNode('');
  const span = doc.createElement('span');
  const names = node.properties.className;
  if (Array.isArray(names)) span.className = names.join(' ');
  for (const child of node.children) span.append(toNode(doc, child));
  return span;
}

/** Whether `language` (a fence's info word) is one this highlighter knows. */
const knows = (language: string): boolean => lowlight.registered(language.toLowerCase());

/** Replaces the text of `code` with the same text as highlighted tokens. */
export function highlightInto(code: HTMLElement, language: string, text: string): void {
  if (!knows(language)) return;
  const tree = lowlight.highlight(language.toLowerCase(), text);
  const doc = code.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const child of tree.children) fragment.append(toNode(doc, child as ElementContent));
  code.replaceChildren(fragment);
  code.classList.add('md-highlighted');
}
