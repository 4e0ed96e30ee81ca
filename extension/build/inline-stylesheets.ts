import type { Plugin } from 'vite';

/**
 * Puts the stylesheets a built HTML page links to into the page, as
 * `<style>`, and drops the files: the page can paint without asking for
 * them. Extension pages' CSP restricts scripts, not styles (MV3 and MV2).
 * Only for a build whose stylesheets belong to its page alone.
 */
export function inlineStylesheets(): Plugin {
  return {
    name: 'customer-chair:inline-stylesheets',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has written the <link> tags of the page's CSS.
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          delete bundle[file];
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          return `<style>${css.trim()}</style>`;
        });
      },
    },
  };
}
