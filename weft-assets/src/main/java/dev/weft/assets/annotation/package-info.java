/**
 * The annotation style of asset definitions: {@link dev.weft.assets.annotation.Asset @Asset},
 * {@link dev.weft.assets.annotation.MultiAsset @MultiAsset}, {@link
 * dev.weft.assets.annotation.ObservableSource @ObservableSource} and {@link
 * dev.weft.assets.annotation.Check @Check} on methods, {@link
 * dev.weft.assets.annotation.Input @Input} on parameters; read by {@link
 * dev.weft.assets.AnnotatedAssets}.
 */
package dev.weft.assets.annotation;
