/**
 * The HTML part of a message, made from its text: paragraphs, line breaks and links, with the language and
 * direction set, so Arabic reads right to left in mail clients that would otherwise lay it out left to right.
 * Nothing but the text goes in, escaped: no styles, images or tracking.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

function linkify(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_PATTERN)) {
    out += escape(line.slice(last, m.index));
    // Links are isolated so a right-to-left paragraph does not reorder their characters.
    out += `<a href="${escape(m[0])}" dir="ltr">${escape(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return out + escape(line.slice(last));
}

export function textToHtml(text: string, lang: string): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const paragraphs = text.trim().split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(linkify).join('<br>\n')}</p>`);
  return `<!doctype html>\n<html lang="${escape(lang)}" dir="${dir}"><head><meta charset="utf-8"></head>\n<body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}
