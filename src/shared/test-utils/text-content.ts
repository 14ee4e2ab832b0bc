/**
 * All the text under a rendered node. HubSpot's test renderer gives `node.text` only for text
 * directly inside an element; a list or a table row needs its descendants joined.
 */
type RenderedLike = { nodeType: string; text?: string | null; childNodes?: readonly RenderedLike[] };

export function textContent(node: RenderedLike): string {
  if (node.nodeType === 'text') return node.text ?? '';
  return (node.childNodes ?? [])
    .map(textContent)
    .filter((text) => text !== '')
    .join(' ');
}
