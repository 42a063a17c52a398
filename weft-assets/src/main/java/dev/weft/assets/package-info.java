/**
 * Software-defined assets: data declared in code ({@link dev.weft.assets.Asset#builder(String)} or
 * the annotations of {@link dev.weft.assets.annotation}), validated as an {@link
 * dev.weft.assets.AssetGraph}, selected with the {@link dev.weft.assets.AssetSelection} syntax,
 * stored by {@link dev.weft.assets.IoManager}s and materialized as durable workflows.
 */
package dev.weft.assets;
