/** All the text under a rendered node (HubSpot's renderer gives `text` only for direct text). */
type RenderedLike = { nodeType: string; text?: string | null; childNodes?: readonly RenderedLike[] };

export function textContent(node: RenderedLike): string {
  if (node.nodeType === 'text') return node.text ?? '';
  return (node.childNodes ?? [])
    .map(textContent)
    .filter((text) => text !== '')
    .join(' ');
}
