// Builds dist/: the element's loader with a stable name, the chunk it imports and the wasm beside it (hashed),
// the demo and iframe pages, and the newsroom builder (builder.html, its script and its own wasm).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import { builderPage, demoPage, embedCode, embedPage, staticManifest, staticFile } from './scripts/pages.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
// The tests' panic build bundles a wasm from another pkg/ into another dist/ (scripts/test.sh).
const pkgDirectory = path.resolve(root, process.env.PKG_DIR ?? 'pkg');
const distDirectory = path.resolve(root, process.env.DIST_DIR ?? 'dist');
// The builder's wasm (scripts/build-wasm.sh), which the panic build does not rebuild.
const builderPkgDirectory = path.resolve(root, process.env.BUILDER_PKG_DIR ?? 'pkg-builder');

/** Emits the HTML pages; they are generated rather than copied so the article is split into linkable sentences. */
class PagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PagesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const article = readFileSync(path.join(root, 'data/source/article.ar.txt'), 'utf8');
          compilation.fileDependencies.add(path.join(root, 'data/source/article.ar.txt'));
          // The widget's wasm's hashed name, for the pages' preload of it: the chunks' assets are emitted by now.
          const wasmFile = Object.keys(compilation.assets).find((name) => /^campaign_explainer_bg\.\w+\.wasm$/.test(name));
          compilation.emitAsset('index.html', new webpack.sources.RawSource(demoPage(article, wasmFile, { story: true })));
          compilation.emitAsset('article.html', new webpack.sources.RawSource(demoPage(article, wasmFile)));
          compilation.emitAsset('embed.html', new webpack.sources.RawSource(embedPage(wasmFile)));
          compilation.emitAsset('embed-code.txt', new webpack.sources.RawSource(embedCode(wasmFile)));
          compilation.emitAsset('builder.html', new webpack.sources.RawSource(builderPage()));
          // Every view in every language as SVG, for RSS, AMP and social cards, and the element's fallback.
          for (const rendering of staticManifest()) {
            for (const file of [rendering.file, rendering.pictures.wide.file, rendering.pictures.phone.file]) {
              compilation.emitAsset(`static/${file}`, new webpack.sources.RawSource(staticFile(file)));
            }
          }
          compilation.emitAsset('static/static.json', new webpack.sources.RawSource(JSON.stringify(staticManifest())));
          for (const [file, name] of [['demo.css', 'demo.css'], ['embed.css', 'embed.css'], ['builder/builder.css', 'builder.css'], ['favicon.svg', 'favicon.svg']]) {
            const source = path.join(root, 'www', file);
            compilation.fileDependencies.add(source);
            compilation.emitAsset(name, new webpack.sources.RawSource(readFileSync(source)));
          }
        },
      );
    });
  }
}

/**
 * Writes a Brotli copy (`NAME.br`, quality 11) beside each text and wasm file of dist/, for hosts that serve
 * precompressed files (nginx `brotli_static on`, Apache's mod_rewrite rules, most CDNs): smaller than gzip for
 * the readers whose browsers accept it. Node's own zlib: no dependency.
 */
class BrotliPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BrotliPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After every other stage: the files as they will be written, minified and hashed.
        { name: 'BrotliPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!/\.(js|wasm|json|svg|html|css)$/.test(name)) continue;
            const bytes = asset.buffer();
            const compressed = brotliCompressSync(bytes, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
                [zlib.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
                [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            });
            compilation.emitAsset(`${name}.br`, new webpack.sources.RawSource(compressed));
          }
        },
      );
    });
  }
}

export default {
  mode: 'production',
  context: root,
  entry: {
    'campaign-explainer': './www/campaign-explainer.js',
    demo: './www/demo.js',
    embed: './www/embed.js',
    builder: './www/builder/page.js',
  },
  experiments: { outputModule: true },
  output: {
    path: distDirectory,
    filename: '[name].js',
    // The element's interactive part, imported by campaign-explainer.js when an element starts: hashed, so it
    // can be cached forever while the entry keeps its name.
    chunkFilename: '[name].[contenthash:8].js',
    module: true,
    // 'auto' resolves assets against the script's own URL, so dist/ works from any sub-path or CDN.
    publicPath: 'auto',
    assetModuleFilename: '[name].[contenthash:8][ext]',
    clean: true,
  },
  module: {
    rules: [
      { test: /\.wasm$/, type: 'asset/resource' },
      // The built-in dataset's texts in one language, fetched when a reader needs it (hashed name).
      { test: /texts-\w+\.json$/, type: 'asset/resource' },
      // The element's stylesheet is bundled as text and adopted by each shadow root:
      // no extra request, and nothing a strict style-src would block.
      { test: /\.css$/, type: 'asset/source' },
    ],
  },
  resolve: { alias: { [path.join(root, 'pkg')]: pkgDirectory, [path.join(root, 'pkg-builder')]: builderPkgDirectory } },
  // The entry's own chunk (the widget, imported when an element starts) is the only split: no shared or runtime
  // chunk that a page would have to request before the element is defined.
  optimization: { splitChunks: false, runtimeChunk: false },
  performance: { hints: false },
  devtool: false,
  plugins: [new PagesPlugin(), new BrotliPlugin()],
};
